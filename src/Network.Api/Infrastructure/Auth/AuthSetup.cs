using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Api.Infrastructure.Auth;

/// <summary>The first-party clients that may log users in (the Blazor app).</summary>
public sealed class OidcClientOptions
{
    public string ClientId { get; set; } = "network-web";
    public string ClientSecret { get; set; } = "";
    public string DisplayName { get; set; } = "Network";
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}

public static class AuthSetup
{
    public const string ApiPolicy = "network-api";
    public const string ApiScope = "network_api";

    public static IServiceCollection AddNetworkAuth(
        this IServiceCollection services, IConfiguration configuration, string connectionString, IHostEnvironment environment)
    {
        services.Configure<OidcClientOptions>(configuration.GetSection("Network:WebClient"));

        services.AddDbContext<AuthDbContext>(o => o
            .UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__ef_migrations", AuthDbContext.Schema))
            .UseOpenIddict());

        services.AddIdentity<NetworkUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = true;
                o.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                o.ClaimsIdentity.UserNameClaimType = Claims.Name;
                o.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.Cookie.Name = "network.login";
            o.Cookie.SameSite = SameSiteMode.Lax;
            // A session at the authorization server ends after half an hour without use.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Network:SessionIdleMinutes", 30));
            o.SlidingExpiration = true;
        });

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AuthDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetUserInfoEndpointUris("connect/userinfo");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, ApiScope);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                // The access token travels only between the Web app (which keeps it server-side) and
                // this API: signed, not encrypted, so checking it costs a signature verification.
                o.DisableAccessTokenEncryption();
                // Several instances share one folder of certificates (Network:KeysPath, see ServerKeys);
                // tests use per-process keys; otherwise development certificates from the user's
                // certificate store, which survive restarts (docker/README.md for deployments).
                // In Production only certificates named by configuration (ServerKeys.FromConfiguration).
                if (ServerKeys.FromConfiguration(configuration, environment) is var (signing, encryption))
                    o.AddSigningCertificate(signing).AddEncryptionCertificate(encryption);
                else if (configuration.GetValue<bool>("Network:EphemeralKeys"))
                    o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                else
                    o.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
                // The public address: without it the issuer is taken from each request's host, and
                // instances reached under different addresses would refuse each other's tokens.
                if (configuration["Network:Issuer"] is { Length: > 0 } issuer)
                    o.SetIssuer(new Uri(issuer));
                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                // Plain HTTP only on a developer's or CI's loopback; deployments run behind TLS.
                if (configuration.GetValue<bool>("Network:AllowHttp"))
                    aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                // Only the Authorization header: a token in a URL ends up in logs and histories (the hub's
                // path alone takes it from the query, FrontDoor), and never from a form body, which would
                // make every upload read and buffered before its endpoint runs.
                o.UseAspNetCore().DisableAccessTokenExtractionFromQueryString().DisableAccessTokenExtractionFromBodyForm();
            });
        // The API's scheme: OpenIddict's validation, kept per token, and the account check on every request.
        services.AddSingleton<ApiBearer.ValidatedTokens>();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiBearer>(ApiBearer.Name, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p
                .AddAuthenticationSchemes(ApiBearer.Name)
                .RequireAuthenticatedUser()
                .RequireClaim(Claims.Subject)
                .RequireClaim(Claims.Role));

        return services;
    }
}
