using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Network.Api.Infrastructure.Auth;

namespace Network.Api.Features.Account;

/// <summary>The login page of the authorization server (account holders sign in here, then return to the app).</summary>
public static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapGet("/login", (HttpContext http, IAntiforgery af, string? returnUrl) =>
            Page(http, af, SafeReturnUrl(returnUrl), email: "", error: null));
        group.MapPost("/login", Login);
        // Not a plain GET: a link or an image elsewhere cannot log anyone out (the form's antiforgery token is checked).
        group.MapPost("/logout", async (SignInManager<NetworkUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/account/login");
        });
        return app;
    }

    public sealed class LoginForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }

    private static async Task<IResult> Login(
        HttpContext http, IAntiforgery af, SignInManager<NetworkUser> signIn, UserManager<NetworkUser> users,
        ILogger<LoginForm> logger, [FromForm] LoginForm form)
    {
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        var email = form.Email?.Trim() ?? "";
        if (email.Length == 0 || string.IsNullOrEmpty(form.Password))
            return Page(http, af, returnUrl, email, "Vul uw e-mailadres en wachtwoord in.", StatusCodes.Status400BadRequest);

        var user = await users.FindByEmailAsync(email);
        // Deactivated, or invited and not yet activated: the same answer as an unknown address.
        if (user is { IsActive: false } or { PasswordHash: null }) user = null;
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return Results.Redirect($"/account/2fa?returnUrl={Uri.EscapeDataString(returnUrl)}");
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} logged in", user!.Id);
            return Results.Redirect(returnUrl);
        }

        logger.LogInformation("Failed login (locked out: {LockedOut})", result.IsLockedOut);
        var message = result.IsLockedOut
            ? "Dit account is tijdelijk geblokkeerd na te veel pogingen. Probeer het over enkele minuten opnieuw."
            : "Deze combinatie van e-mailadres en wachtwoord kennen we niet.";
        return Page(http, af, returnUrl, email, message, StatusCodes.Status401Unauthorized);
    }

    /// <summary>Only a path on this site; anything else (another host, a malformed or odd value) goes to "/".</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2048 && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'))
        && !returnUrl.Any(c => char.IsControl(c) || c == '\\')
        && Uri.TryCreate(returnUrl, UriKind.Relative, out _)
            ? returnUrl
            : "/";

    private static IResult Page(HttpContext http, IAntiforgery af, string returnUrl, string email, string? error, int status = 200)
    {
        var tokens = af.GetAndStoreTokens(http);
        var h = HtmlEncoder.Default;
        var errorHtml = error is null
            ? ""
            : $"""<p class="error" role="alert" id="login-error">{h.Encode(error)}</p>""";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Inloggen · Network</title>
              <link rel="stylesheet" href="/account/site.css">
            </head>
            <body>
              <main>
                <h1>Inloggen bij Network</h1>
                <p class="hint" lang="en">Log in to Network</p>
                {{errorHtml}}
                <form method="post" action="/account/login">
                  <input type="hidden" name="{{h.Encode(tokens.FormFieldName)}}" value="{{h.Encode(tokens.RequestToken ?? "")}}">
                  <input type="hidden" name="ReturnUrl" value="{{h.Encode(returnUrl)}}">
                  <label for="email">E-mailadres</label>
                  <input id="email" name="Email" type="email" autocomplete="username" required value="{{h.Encode(email)}}">
                  <label for="password">Wachtwoord</label>
                  <input id="password" name="Password" type="password" autocomplete="current-password" required>
                  <button type="submit">Inloggen</button>
                </form>
                <p class="links"><a href="/account/forgot">Wachtwoord vergeten?</a> · <a href="/account/activate">Ik heb een code</a></p>
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
