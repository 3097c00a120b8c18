using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Network.Web;
using Network.Web.Api;
using Network.Web.Auth;
using Network.Web.Components;
using Network.Web.Files;
using Network.Web.Realtime;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((sp, log) => log
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}"));

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddNetworkDataProtection(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpClient();
builder.Services.Configure<ApiSettings>(builder.Configuration.GetSection("Network:Api"));
builder.Services.Configure<OidcSettings>(builder.Configuration.GetSection("Network:Oidc"));
builder.Services.AddHttpClient(NetworkApi.HttpClientName, (sp, client) =>
    client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ApiSettings>>().Value.BaseUrl));
builder.Services.AddSingleton<TokenStore>();
builder.Services.AddScoped<AccessTokens>();
builder.Services.AddScoped<NetworkApi>();
builder.Services.AddScoped<BoardUpdates>();
builder.Services.AddScoped<UserClock>();

var oidc = builder.Configuration.GetSection("Network:Oidc").Get<OidcSettings>()
    ?? throw new InvalidOperationException("Network:Oidc is not configured.");
var allowHttp = builder.Configuration.GetValue<bool>("Network:AllowHttp");

builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
    })
    .AddCookie(o =>
    {
        o.Cookie.Name = "network.session";
        o.Cookie.SameSite = SameSiteMode.Lax;
        // A session ends after inactivity (NEN 7510), as the login server's own does: sliding, 30 minutes by default.
        o.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Network:SessionIdleMinutes", 30));
        o.SlidingExpiration = true;
        o.Events.OnValidatePrincipal = context =>
        {
            // Keeps the server-side token holder filled for the circuits (also after a restart).
            var session = context.Principal?.FindFirstValue(TokenStore.SessionClaim);
            var store = context.HttpContext.RequestServices.GetRequiredService<TokenStore>();
            if (session is null) { context.RejectPrincipal(); return Task.CompletedTask; }
            if (store.Get(session) is null)
            {
                var access = context.Properties.GetTokenValue("access_token");
                var expires = context.Properties.GetTokenValue("expires_at");
                if (access is null || !DateTimeOffset.TryParse(expires, out var expiresAt)) { context.RejectPrincipal(); return Task.CompletedTask; }
                store.Set(session, new SessionTokens(access, context.Properties.GetTokenValue("refresh_token"), expiresAt));
            }
            return Task.CompletedTask;
        };
    })
    .AddOpenIdConnect(o =>
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.RequireHttpsMetadata = !allowHttp;
        o.SaveTokens = true;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.MapInboundClaims = false;
        o.TokenValidationParameters.NameClaimType = "name";
        o.TokenValidationParameters.RoleClaimType = "role";
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email", "roles", "offline_access", "network_api" }) o.Scope.Add(scope);
        if (allowHttp)
        {
            // Browsers drop SameSite=None cookies that are not Secure; over plain HTTP on loopback
            // the callback is a same-site top-level GET (response_mode=query), so Lax suffices.
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
        }
        o.Events.OnTokenValidated = context =>
        {
            var session = Guid.NewGuid().ToString("N");
            ((ClaimsIdentity)context.Principal!.Identity!).AddClaim(new Claim(TokenStore.SessionClaim, session));
            var response = context.TokenEndpointResponse!;
            context.HttpContext.RequestServices.GetRequiredService<TokenStore>().Set(session, new SessionTokens(
                response.AccessToken,
                response.RefreshToken,
                DateTimeOffset.UtcNow.AddSeconds(int.TryParse(response.ExpiresIn, out var s) ? s : 300)));
            return Task.CompletedTask;
        };
    });
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseNetworkSecurityHeaders(oidc.Authority);
app.UseRequestLocalization(o => o
    .SetDefaultCulture(Texts.Dutch)
    .AddSupportedCultures(Texts.Dutch, Texts.English)
    .AddSupportedUICultures(Texts.Dutch, Texts.English)
    .RequestCultureProviders = [new CookieRequestCultureProvider()]);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapGet("/health/live", () => Results.Ok("live"));
app.MapGet("/login", (HttpContext http) => Results.Challenge(
    new AuthenticationProperties { RedirectUri = ReturnUrls.Local(http.Request.Query["returnUrl"]) },
    [OpenIdConnectDefaults.AuthenticationScheme]));
// The form parameter makes the endpoint check the antiforgery token; afterwards the user always lands on "/".
app.MapPost("/logout", async (HttpContext http, TokenStore store, [FromForm] string? returnUrl) =>
{
    if (http.User.FindFirstValue(TokenStore.SessionClaim) is { } session) store.Remove(session);
    await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]);
});
app.MapGet("/language", (HttpContext http) =>
{
    // Read by hand: a missing, repeated or malformed value means Dutch and "/", never a 400 or 500.
    var chosen = http.Request.Query["culture"] == Texts.English ? Texts.English : Texts.Dutch;
    http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
        new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true });
    return Results.LocalRedirect(ReturnUrls.Local(http.Request.Query["returnUrl"]));
});
app.MapFileDownloads();
Network.Web.Components.Figures.FigureWords.MapFigureDownloads(app);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The Web app's entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
