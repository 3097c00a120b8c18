using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Network.Api.Features.Account;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Accounts;
using static Network.Api.Features.Accounts.AccountPages;

namespace Network.Api.Features.Accounts;

/// <summary>
/// The credential pages of the authorization server: activation (by e-mailed link or the code on
/// paper), password reset, the second step of a login and setting up an authenticator app. Every
/// post is rate limited (FrontDoor) and none of them writes a secret to a log.
/// </summary>
public static class CredentialPages
{
    public sealed class CredentialForm
    {
        public string? Token { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Password2 { get; set; }
        public string? Code { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public static IEndpointRouteBuilder MapCredentialPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapGet("/site.css", () => Results.Text(Stylesheet, "text/css; charset=utf-8"));
        group.MapGet("/activate", ActivatePage);
        group.MapPost("/activate", Activate);
        group.MapGet("/forgot", (HttpContext http, IAntiforgery af) => ForgotPage(http, af, null));
        group.MapPost("/forgot", Forgot);
        group.MapGet("/reset", ResetPage);
        group.MapPost("/reset", Reset);
        group.MapGet("/2fa", SecondStepPage);
        group.MapPost("/2fa", SecondStep);
        group.MapGet("/2fa/setup", SetupPage);
        group.MapPost("/2fa/setup", Setup);
        group.MapGet("/done", (IOptions<OidcClientOptions> client) => Page("Klaar", "Done", $"""
            <p class="ok" role="status" id="done">Uw wijziging is opgeslagen.</p>
            <p class="links"><a href="{E(AppAddress(client.Value))}mijn-account">Terug naar Network</a></p>
            """));
        return app;
    }

    // --- Activation -------------------------------------------------------------------------------

    private static async Task<IResult> ActivatePage(HttpContext http, IAntiforgery af, AccountTokens tokens, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token)) return CodePage(http, af, null);
        var (found, refusal) = await FindActivationAsync(tokens, token, ct);
        return found is null ? Refused(refusal) : PasswordPage(http, af, "/account/activate", token, "Account activeren", "Activate your account", null);
    }

    private static async Task<IResult> Activate(
        HttpContext http, IAntiforgery af, AccountTokens tokens, UserManager<NetworkUser> users, IDocumentSession session,
        TimeProvider clock, ILogger<CredentialForm> logger, IOptions<OidcClientOptions> client, [FromForm] CredentialForm form, CancellationToken ct)
    {
        var secret = form.Token ?? form.Code;
        var (found, refusal) = await FindActivationAsync(tokens, secret, ct);
        if (found is null) return form.Token is null && form.Code is not null && refusal == TokenRefusal.Unknown
            ? CodePage(http, af, "Deze code kennen we niet. Controleer hem en probeer het opnieuw.", 400)
            : Refused(refusal);
        // The code on paper led here: now the password, with the code carried along as the token.
        if (form.Password is null) return PasswordPage(http, af, "/account/activate", secret!, "Account activeren", "Activate your account", null);

        var user = await users.FindByIdAsync(found.UserId.ToString());
        if (user is null || !user.IsActive || user.PasswordHash is not null) return Refused(TokenRefusal.Used);
        if (await PasswordProblemAsync(users, user, form) is { } problem)
            return PasswordPage(http, af, "/account/activate", secret!, "Account activeren", "Activate your account", problem, 400);
        if (!await tokens.UseAsync(found, ct)) return Refused(TokenRefusal.Used);

        var added = await users.AddPasswordAsync(user, form.Password!);
        if (!added.Succeeded) return PasswordPage(http, af, "/account/activate", secret!, "Account activeren", "Activate your account", Words(added), 400);
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        session.Events.Append(user.Id, new AccountActivated(new UserId(user.Id), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Account {UserId} activated", user.Id);

        var app = AppAddress(client.Value);
        var next = AccountPolicyForLogin.TwoFactorRequiredFor(user.Role)
            ? "<p>Bij de eerste keer inloggen stelt u een authenticator-app in (tweestapsverificatie).</p>"
            : "<p>Wilt u extra zekerheid? Zet daarna tweestapsverificatie aan bij \"Mijn account\".</p>";
        return Page("Uw account is actief", "Your account is active", $"""
            <p class="ok" role="status" id="activated">U kunt nu inloggen met uw e-mailadres en wachtwoord.</p>
            {next}
            <p class="links"><a href="{E(app)}" id="to-app">Naar Network</a></p>
            """);
    }

    private static async Task<(AccountToken? Token, TokenRefusal Refusal)> FindActivationAsync(AccountTokens tokens, string? secret, CancellationToken ct)
    {
        var found = await tokens.FindAsync(secret, AccountTokenPurpose.Activation, ct);
        return found.Token is not null || found.Refusal != TokenRefusal.Unknown ? found : await tokens.FindAsync(secret, AccountTokenPurpose.Invitation, ct);
    }

    private static IResult CodePage(HttpContext http, IAntiforgery af, string? error, int status = 200) =>
        Page("Account activeren", "Activate your account", $"""
            <p>Vul de code in die u op papier kreeg, of gebruik de link uit de e-mail.</p>
            {Error(error)}
            <form method="post" action="/account/activate">
              {Antiforgery(http, af)}
              <label for="code">Code</label>
              <input id="code" name="Code" type="text" autocomplete="one-time-code" required>
              <button type="submit">Verder</button>
            </form>
            """, status);

    // --- Password reset ---------------------------------------------------------------------------

    private static IResult ForgotPage(HttpContext http, IAntiforgery af, string? done) => Page("Wachtwoord vergeten", "Forgot your password",
        done ?? $"""
            <p>Vul uw e-mailadres in. Hoort het bij een account, dan sturen we een link om een nieuw wachtwoord te kiezen.</p>
            <form method="post" action="/account/forgot">
              {Antiforgery(http, af)}
              <label for="email">E-mailadres</label>
              <input id="email" name="Email" type="email" autocomplete="username" required>
              <button type="submit">Stuur de link</button>
            </form>
            """);

    private static async Task<IResult> Forgot(
        HttpContext http, IAntiforgery af, UserManager<NetworkUser> users, AccountTokens tokens, AccountMail mail,
        IOptions<AccountOptions> options, [FromForm] CredentialForm form, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(form.Email) ? null : await users.FindByEmailAsync(form.Email.Trim());
        if (user is { IsActive: true, PasswordHash: not null })
            await mail.ResetAsync(user, await tokens.IssueAsync(user.Id, AccountTokenPurpose.PasswordReset, options.Value.ResetLifetime, null, false, ct), ct);
        // The same answer either way: the page does not tell who has an account.
        return ForgotPage(http, af, """<p class="ok" role="status" id="sent">Als dit adres bij een account hoort, staat de link nu in uw mailbox.</p>""");
    }

    private static async Task<IResult> ResetPage(HttpContext http, IAntiforgery af, AccountTokens tokens, string? token, CancellationToken ct)
    {
        var (found, refusal) = await tokens.FindAsync(token, AccountTokenPurpose.PasswordReset, ct);
        return found is null ? Refused(refusal) : PasswordPage(http, af, "/account/reset", token!, "Nieuw wachtwoord", "New password", null);
    }

    private static async Task<IResult> Reset(
        HttpContext http, IAntiforgery af, AccountTokens tokens, UserManager<NetworkUser> users, IDocumentSession session, TimeProvider clock,
        IOptions<OidcClientOptions> client, [FromForm] CredentialForm form, CancellationToken ct)
    {
        var (found, refusal) = await tokens.FindAsync(form.Token, AccountTokenPurpose.PasswordReset, ct);
        if (found is null) return Refused(refusal);
        var user = await users.FindByIdAsync(found.UserId.ToString());
        if (user is null || !user.IsActive) return Refused(TokenRefusal.Used);
        if (await PasswordProblemAsync(users, user, form) is { } problem)
            return PasswordPage(http, af, "/account/reset", form.Token!, "Nieuw wachtwoord", "New password", problem, 400);
        if (!await tokens.UseAsync(found, ct)) return Refused(TokenRefusal.Used);
        // Identity's own reset: checks the policy again and renews the security stamp, so other sessions end.
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), form.Password!);
        if (!reset.Succeeded) return PasswordPage(http, af, "/account/reset", form.Token!, "Nieuw wachtwoord", "New password", Words(reset), 400);
        await users.ResetAccessFailedCountAsync(user);
        session.Events.Append(user.Id, new PasswordChanged(new UserId(user.Id), "reset", clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return Page("Wachtwoord gewijzigd", "Password changed", $"""
            <p class="ok" role="status" id="changed">Uw nieuwe wachtwoord is ingesteld. Log opnieuw in.</p>
            <p class="links"><a href="{E(AppAddress(client.Value))}">Naar Network</a></p>
            """);
    }

    // --- Two-factor -------------------------------------------------------------------------------

    private static async Task<IResult> SecondStepPage(HttpContext http, IAntiforgery af, SignInManager<NetworkUser> signIn, string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Results.Redirect("/account/login");
        return CodeForm(http, af, "/account/2fa", LoginEndpoints.SafeReturnUrl(returnUrl), null);
    }

    private static async Task<IResult> SecondStep(
        HttpContext http, IAntiforgery af, SignInManager<NetworkUser> signIn, ILogger<CredentialForm> logger, [FromForm] CredentialForm form)
    {
        var returnUrl = LoginEndpoints.SafeReturnUrl(form.ReturnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Results.Redirect("/account/login");
        var code = new string([.. (form.Code ?? "").Where(char.IsDigit)]);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return Results.Redirect(returnUrl);
        logger.LogInformation("Failed second factor (locked out: {LockedOut})", result.IsLockedOut);
        return CodeForm(http, af, "/account/2fa", returnUrl, result.IsLockedOut
            ? "Dit account is tijdelijk geblokkeerd na te veel pogingen. Probeer het over enkele minuten opnieuw."
            : "Deze code klopt niet. Gebruik de code die uw authenticator-app nu toont.", 401);
    }

    private static async Task<IResult> SetupPage(HttpContext http, IAntiforgery af, UserManager<NetworkUser> users, string? returnUrl)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return SetupForm(http, af, user, key!, LoginEndpoints.SafeReturnUrl(returnUrl), null);
    }

    private static async Task<IResult> Setup(
        HttpContext http, IAntiforgery af, UserManager<NetworkUser> users, SignInManager<NetworkUser> signIn, IDocumentSession session,
        TimeProvider clock, [FromForm] CredentialForm form, CancellationToken ct)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return Results.Redirect("/account/login");
        var returnUrl = LoginEndpoints.SafeReturnUrl(form.ReturnUrl);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        var code = new string([.. (form.Code ?? "").Where(char.IsDigit)]);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user);
            return SetupForm(http, af, user, key, returnUrl, "Deze code klopt niet. Controleer de tijd van uw telefoon en probeer het opnieuw.", 400);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        session.Events.Append(user.Id, new TwoFactorEnabled(new UserId(user.Id), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return Results.Redirect(returnUrl);
    }

    private static IResult CodeForm(HttpContext http, IAntiforgery af, string action, string returnUrl, string? error, int status = 200) =>
        Page("Tweestapsverificatie", "Two-factor authentication", $"""
            <p>Vul de code van 6 cijfers in die uw authenticator-app nu toont.</p>
            {Error(error)}
            <form method="post" action="{action}">
              {Antiforgery(http, af)}
              <input type="hidden" name="ReturnUrl" value="{E(returnUrl)}">
              <label for="code">Code</label>
              <input id="code" name="Code" type="text" inputmode="numeric" autocomplete="one-time-code" required>
              <button type="submit">Inloggen</button>
            </form>
            """, status);

    private static IResult SetupForm(HttpContext http, IAntiforgery af, NetworkUser user, string key, string returnUrl, string? error, int status = 200)
    {
        var uri = $"otpauth://totp/Network:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Network&digits=6";
        return Page("Tweestapsverificatie instellen", "Set up two-factor authentication", $"""
            <p>Open uw authenticator-app (bijvoorbeeld van Microsoft of Google), kies "account toevoegen" en vul deze sleutel in:</p>
            <p class="secret" id="secret">{E(key)}</p>
            <p class="hint">Of gebruik op uw telefoon deze link: <a href="{E(uri)}">{E("otpauth://…")}</a></p>
            {Error(error)}
            <form method="post" action="/account/2fa/setup">
              {Antiforgery(http, af)}
              <input type="hidden" name="ReturnUrl" value="{E(returnUrl)}">
              <label for="code">Code uit de app</label>
              <input id="code" name="Code" type="text" inputmode="numeric" autocomplete="one-time-code" required>
              <button type="submit">Aanzetten</button>
            </form>
            """, status);
    }

    // --- Shared -----------------------------------------------------------------------------------

    private static IResult PasswordPage(HttpContext http, IAntiforgery af, string action, string token, string title, string english, string? error, int status = 200) =>
        Page(title, english, $"""
            <p>Kies een wachtwoord van minstens 12 tekens met hoofdletters, kleine letters, een cijfer en een leesteken.
            Geen bekend of makkelijk te raden wachtwoord, en niet uw naam of e-mailadres.</p>
            {Error(error)}
            <form method="post" action="{action}">
              {Antiforgery(http, af)}
              <input type="hidden" name="Token" value="{E(token)}">
              <label for="password">Nieuw wachtwoord</label>
              <input id="password" name="Password" type="password" autocomplete="new-password" required minlength="12">
              <label for="password2">Nog een keer</label>
              <input id="password2" name="Password2" type="password" autocomplete="new-password" required minlength="12">
              <button type="submit">Wachtwoord instellen</button>
            </form>
            """, status);

    private static IResult Refused(TokenRefusal refusal) => Page("Deze link werkt niet", "This link does not work", refusal switch
    {
        TokenRefusal.Expired => """<p class="error" role="alert" id="link-refused" data-reason="expired">Deze link is verlopen. Vraag een nieuwe aan bij wie u uitnodigde, of via "Wachtwoord vergeten".</p>""",
        TokenRefusal.Used => """<p class="error" role="alert" id="link-refused" data-reason="used">Deze link is al gebruikt. Log in, of vraag een nieuwe link aan.</p>""",
        _ => """<p class="error" role="alert" id="link-refused" data-reason="unknown">Deze link kennen we niet. Controleer of u de hele link uit de e-mail gebruikte.</p>""",
    }, StatusCodes.Status400BadRequest);

    private static async Task<string?> PasswordProblemAsync(UserManager<NetworkUser> users, NetworkUser user, CredentialForm form)
    {
        if (string.IsNullOrEmpty(form.Password)) return "Vul een wachtwoord in.";
        if (form.Password != form.Password2) return "De twee wachtwoorden zijn niet gelijk.";
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, form.Password);
            if (!result.Succeeded) return Words(result);
        }
        return null;
    }

    /// <summary>Identity's password errors in Dutch.</summary>
    private static string Words(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Code switch
    {
        "PasswordTooShort" => "Het wachtwoord is te kort: minstens 12 tekens.",
        "PasswordRequiresDigit" => "Zet er een cijfer in.",
        "PasswordRequiresLower" => "Zet er een kleine letter in.",
        "PasswordRequiresUpper" => "Zet er een hoofdletter in.",
        "PasswordRequiresNonAlphanumeric" => "Zet er een leesteken in, zoals - of !.",
        "PasswordRequiresUniqueChars" => "Gebruik meer verschillende tekens.",
        PasswordRules.Weak => "Dit wachtwoord is bekend uit datalekken of te makkelijk te raden.",
        PasswordRules.Personal => "Gebruik niet uw naam of e-mailadres in uw wachtwoord.",
        _ => "Dit wachtwoord kan niet.",
    }).Distinct());

    /// <summary>The Web app's address, from the registered redirect address of the client.</summary>
    public static string AppAddress(OidcClientOptions client) =>
        client.RedirectUris.FirstOrDefault() is { } uri && Uri.TryCreate(uri, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) + "/" : "/";
}
