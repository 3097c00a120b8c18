using Microsoft.Extensions.Options;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Mail;

namespace Network.Api.Features.Accounts;

/// <summary>Lifetimes of links and where they point (Network:Accounts).</summary>
public sealed class AccountOptions
{
    public TimeSpan ActivationLifetime { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);
    public TimeSpan ResetLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>The API's public address for links in e-mail; default Network:Issuer, else the request's own address.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>The e-mails of the account side, in Dutch with English below. They carry the secret; nothing here logs them.</summary>
public sealed class AccountMail(Mailer mailer, IOptions<AccountOptions> options, IConfiguration configuration, IHttpContextAccessor http)
{
    public string LinkTo(string path, string token)
    {
        var request = http.HttpContext?.Request;
        var root = options.Value.PublicUrl ?? configuration["Network:Issuer"]
            ?? (request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}");
        return $"{root.TrimEnd('/')}{path}?token={Uri.EscapeDataString(token)}";
    }

    public Task ActivationAsync(NetworkUser user, IssuedToken token, CancellationToken ct) =>
        mailer.SendAsync(new MailMessage(user.Email!, user.DisplayName, "Uw account bij Network / Your Network account", $"""
            Beste {user.DisplayName},

            Er is een account voor u aangemaakt bij Network{(user.Organisation is { } o ? $" ({o})" : "")}.
            Kies een wachtwoord via deze link (geldig tot {Mailer.Dutch(token.ExpiresAt)}; de link werkt één keer):

            {LinkTo("/account/activate", token.Token)}

            Daarna stelt u bij het inloggen een authenticator-app in (tweestapsverificatie).

            ---
            An account was created for you at Network. Choose a password with the link above (valid until
            {token.ExpiresAt:yyyy-MM-dd HH:mm} UTC, usable once); then you set up an authenticator app when you log in.
            """), ct);

    public Task InvitationAsync(NetworkUser user, string familyName, string invitedBy, IssuedToken token, CancellationToken ct) =>
        mailer.SendAsync(new MailMessage(user.Email!, user.DisplayName, "Uitnodiging voor Network / Invitation to Network", $"""
            Beste {user.DisplayName},

            {invitedBy} nodigt u uit voor Network, de plek waar u en de hulpverleners van {familyName} samen werken.
            Maak uw account via deze link (geldig tot {Mailer.Dutch(token.ExpiresAt)}; de link werkt één keer):

            {LinkTo("/account/activate", token.Token)}

            Heeft u van {invitedBy} een code op papier gekregen? Die kunt u ook gebruiken op de pagina "Account activeren".

            ---
            {invitedBy} invites you to Network, where you and the professionals working with {familyName} work together.
            Create your account with the link above (valid until {token.ExpiresAt:yyyy-MM-dd HH:mm} UTC, usable once).
            """), ct);

    public Task ResetAsync(NetworkUser user, IssuedToken token, CancellationToken ct) =>
        mailer.SendAsync(new MailMessage(user.Email!, user.DisplayName, "Nieuw wachtwoord voor Network / Reset your Network password", $"""
            Beste {user.DisplayName},

            U vroeg een nieuw wachtwoord aan. Kies het via deze link (geldig tot {Mailer.Dutch(token.ExpiresAt)}; de link werkt één keer):

            {LinkTo("/account/reset", token.Token)}

            Heeft u dit niet gevraagd? Dan hoeft u niets te doen: uw wachtwoord blijft zoals het is.

            ---
            You asked for a new password. Choose it with the link above (valid until {token.ExpiresAt:yyyy-MM-dd HH:mm} UTC,
            usable once). If you did not ask, do nothing.
            """), ct);
}
