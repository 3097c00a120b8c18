using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Api.Features.Accounts;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Mail;

namespace Network.Api.Features.Consultations;

/// <summary>
/// The invitations of a consultation by e-mail, each with an iCalendar object (METHOD:REQUEST, or
/// CANCEL when it is called off; one UID, SEQUENCE growing with each change). Sent to every
/// participant with an active account who may read the consultation; the mail says when and
/// where and links to Network, never what the consultation is about. Each mail sent is logged
/// (action Send, the recipient's account in the resource).
/// </summary>
public sealed class ConsultationMail(
    AuthDbContext accounts, Mailer mailer, IOptions<OidcClientOptions> client, IOptions<AccountOptions> accountOptions,
    IConfiguration configuration, Gate gate, ILogger<ConsultationMail> logger)
{
    public const string Summary = "Overleg in Network / Meeting in Network";

    public async Task SendAsync(Actor organiser, FamilyContext f, Item item, CancellationToken ct)
    {
        var a = item.Appointment!;
        var users = a.Users.Select(u => u.Value).ToList();
        var persons = a.Persons.Select(p => p.Value).ToList();
        var recipients = await accounts.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && u.Email != null && (users.Contains(u.Id) || u.PersonId != null && persons.Contains(u.PersonId.Value)))
            .OrderBy(u => u.DisplayName)
            .ToListAsync(ct);
        var organiserEmail = await accounts.Users.AsNoTracking().Where(u => u.Id == organiser.UserId.Value).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var subjects = ItemPolicy.Decide(organiser, ItemAction.Read, item.Facts, f.Family, f.BirthDates, f.Table, gate.Now).Subjects;
        var link = $"{WebRoot()}/boards/{item.Boards[0].Value}";
        foreach (var user in recipients)
        {
            var reader = new Actor(new UserId(user.Id), user.DisplayName, user.Role,
                user.OrganisationId is { } o ? new OrganisationId(o) : null, user.Organisation, user.PersonId is { } p ? new PersonId(p) : null);
            if (!ItemPolicy.Decide(reader, ItemAction.Read, item.Facts, f.Family, f.BirthDates, f.Table, gate.Now).Allowed) continue;
            var method = item.Cancelled ? "CANCEL" : "REQUEST";
            try
            {
                await mailer.SendAsync(new MailMessage(user.Email!, user.DisplayName, Subject(item), Body(item, user.DisplayName, organiser.DisplayName, link),
                    new MailCalendar(method, Ics(item, method, organiser.DisplayName, organiserEmail, user.DisplayName, user.Email!, link, gate.Now), "overleg.ics")), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Invitation to account {Account} was not sent: {Message}", user.Id, e.Message);
                continue;
            }
            gate.Record(organiser, AccessAction.Send, $"item:{item.Id}/mail:{user.Id}", f.Id, subjects);
        }
    }

    /// <summary>The iCalendar object for one recipient: only them as attendee, the organiser, when and where, a link.</summary>
    public static string Ics(Item item, string method, string organiserName, string? organiserEmail, string recipientName, string recipientEmail, string link, DateTimeOffset now)
    {
        var a = item.Appointment!;
        var e = new CalendarEvent
        {
            Uid = $"{item.Id}@network",
            Summary = Summary,
            Start = new CalDateTime(a.Start.UtcDateTime),
            End = new CalDateTime(a.Start.AddMinutes(a.DurationMinutes).UtcDateTime),
            Location = a.Place ?? a.VideoLink,
            Sequence = item.Sequence,
            Status = item.Cancelled ? "CANCELLED" : "CONFIRMED",
            DtStamp = new CalDateTime(now.UtcDateTime),
            Description = link,
            Url = new Uri(link),
        };
        if (organiserEmail is not null) e.Organizer = new Organizer($"mailto:{organiserEmail}") { CommonName = organiserName };
        e.Attendees.Add(new Attendee($"mailto:{recipientEmail}") { CommonName = recipientName, Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION" });
        var calendar = new Ical.Net.Calendar { Method = method, ProductId = "-//Network//Network//NL" };
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string Subject(Item item)
    {
        var when = Dutch(item.Appointment!.Start);
        return item.Cancelled ? $"Afgezegd: overleg op {when} / Cancelled: meeting"
            : item.Sequence > 0 ? $"Gewijzigd: overleg op {when} / Changed: meeting"
            : $"Uitnodiging: overleg op {when} / Invitation: meeting";
    }

    private static string Body(Item item, string name, string organiser, string link)
    {
        var a = item.Appointment!;
        var where = a.Place ?? a.VideoLink;
        var dutch = item.Cancelled
            ? $"{organiser} heeft het overleg van {Dutch(a.Start)} afgezegd."
            : $"{organiser} nodigt u uit voor een overleg op {Dutch(a.Start)} ({a.DurationMinutes} minuten){(where is null ? "" : $", {where}")}.";
        var english = item.Cancelled
            ? $"{organiser} cancelled the meeting of {a.Start:yyyy-MM-dd HH:mm} UTC."
            : $"{organiser} invites you to a meeting on {a.Start:yyyy-MM-dd HH:mm} UTC ({a.DurationMinutes} minutes){(where is null ? "" : $", {where}")}.";
        return $"""
            Beste {name},

            {dutch}
            Wat er besproken wordt en wie er komen, leest u in Network: {link}
            Daar kunt u ook laten weten of u komt.

            In deze e-mail staat met opzet niets over het gezin.

            ---
            {english}
            What will be discussed and who is coming is in Network: {link}
            This e-mail says nothing about the family on purpose.
            """;
    }

    private string WebRoot()
    {
        const string callback = "/signin-oidc";
        var redirect = client.Value.RedirectUris.FirstOrDefault(u => u.EndsWith(callback, StringComparison.Ordinal));
        var root = redirect is not null ? redirect[..^callback.Length] : accountOptions.Value.PublicUrl ?? configuration["Network:Issuer"] ?? "http://localhost";
        return root.TrimEnd('/');
    }

    private static string Dutch(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Amsterdam).ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("nl-NL"));

    private static readonly TimeZoneInfo Amsterdam =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var tz) ? tz : TimeZoneInfo.Utc;
}
