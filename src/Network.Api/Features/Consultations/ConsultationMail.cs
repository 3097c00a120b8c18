using System.Globalization;
using System.Threading.Channels;
using IDocumentSession = Marten.IDocumentSession;
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

/// <summary>A consultation whose participants are to hear of it: after the commit of its scheduling, change or cancellation.</summary>
public sealed record InvitationJob(Actor Organiser, Guid ItemId);

/// <summary>The queue of invitations to send; the writer does not wait for the mail server.</summary>
public sealed class ConsultationInvitations
{
    private readonly Channel<InvitationJob> queue = Channel.CreateUnbounded<InvitationJob>(new() { SingleReader = true });

    public ChannelReader<InvitationJob> Jobs => queue.Reader;

    public void Enqueue(Actor organiser, Guid itemId) => queue.Writer.TryWrite(new InvitationJob(organiser, itemId));
}

/// <summary>Sends the queued invitations, each job in a scope of its own, its access-log entries committed after it.</summary>
public sealed class ConsultationInvitationSender(ConsultationInvitations invitations, IServiceScopeFactory scopes, ILogger<ConsultationInvitationSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in invitations.Jobs.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ConsultationMail>().SendAsync(job.Organiser, job.ItemId, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Gate>().FlushAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Invitations for consultation {Item} were not sent: {Message}", job.ItemId, e.Message);
            }
        }
    }
}

/// <summary>
/// The invitations of a consultation by e-mail, each with an iCalendar object (METHOD:REQUEST, or
/// CANCEL when it is called off; one UID, SEQUENCE growing with each change). Sent to every
/// participant with an active account who may read the consultation; the mail says when and
/// where and links to Network, never what the consultation is about. Each mail sent is logged
/// (action Send, the recipient's account in the resource).
/// </summary>
public sealed class ConsultationMail(
    IDocumentSession session, FamilyContexts families, AuthDbContext accounts, Mailer mailer, IOptions<OidcClientOptions> client,
    IOptions<AccountOptions> accountOptions, IConfiguration configuration, Gate gate)
{
    public const string Summary = "Overleg in Network / Meeting in Network";

    public async Task SendAsync(Actor organiser, Guid itemId, CancellationToken ct)
    {
        var item = await session.Events.AggregateStreamAsync<Item>(itemId, token: ct);
        if (item?.Appointment is not { } a) return;
        var f = await families.LoadAsync(item.FamilyId, ct);
        if (f is null) return;
        var users = a.Users.Select(u => u.Value).ToList();
        var persons = a.Persons.Select(p => p.Value).ToList();
        var recipients = await accounts.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && u.Email != null && (users.Contains(u.Id) || u.PersonId != null && persons.Contains(u.PersonId.Value)))
            .OrderBy(u => u.DisplayName)
            .ToListAsync(ct);
        var organiserEmail = await accounts.Users.AsNoTracking().Where(u => u.Id == organiser.UserId.Value).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var subjects = ItemPolicy.Decide(organiser, ItemAction.Read, item.Facts, f.Family, f.BirthDates, f.Table, gate.Now).Subjects;
        var link = $"{WebRoot()}/boards/{item.Boards[0].Value}";
        var method = item.Cancelled ? "CANCEL" : "REQUEST";
        var mails = new List<(NetworkUser User, MailMessage Mail)>();
        foreach (var user in recipients)
        {
            var reader = new Actor(new UserId(user.Id), user.DisplayName, user.Role,
                user.OrganisationId is { } o ? new OrganisationId(o) : null, user.Organisation, user.PersonId is { } p ? new PersonId(p) : null);
            if (!ItemPolicy.Decide(reader, ItemAction.Read, item.Facts, f.Family, f.BirthDates, f.Table, gate.Now).Allowed) continue;
            mails.Add((user, new MailMessage(user.Email!, user.DisplayName, Subject(item), Body(item, user.DisplayName, organiser.DisplayName, link),
                new MailCalendar(method, Ics(item, method, organiser.DisplayName, organiserEmail, user.DisplayName, user.Email!, link, gate.Now), "overleg.ics"))));
        }
        var sent = await mailer.SendAllAsync([.. mails.Select(m => m.Mail)], ct);
        foreach (var (user, mail) in mails.Where(m => sent.Contains(m.Mail)))
            gate.Record(organiser, AccessAction.Send, $"item:{item.Id}/mail:{user.Id}", f.Id, subjects);
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
        var when = Mailer.Dutch(item.Appointment!.Start);
        return item.Cancelled ? $"Afgezegd: overleg op {when} / Cancelled: meeting"
            : item.Sequence > 0 ? $"Gewijzigd: overleg op {when} / Changed: meeting"
            : $"Uitnodiging: overleg op {when} / Invitation: meeting";
    }

    private static string Body(Item item, string name, string organiser, string link)
    {
        var a = item.Appointment!;
        var where = a.Place ?? a.VideoLink;
        var dutch = item.Cancelled
            ? $"{organiser} heeft het overleg van {Mailer.Dutch(a.Start)} afgezegd."
            : $"{organiser} nodigt u uit voor een overleg op {Mailer.Dutch(a.Start)} ({a.DurationMinutes} minuten){(where is null ? "" : $", {where}")}.";
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
}
