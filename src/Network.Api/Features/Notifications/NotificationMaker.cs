using System.Threading.Channels;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using Network.Api.Features.Boards;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Realtime;

namespace Network.Api.Features.Notifications;

/// <summary>After a Marten transaction commits, hands the events people must hear about to <see cref="NotificationMaker"/>.</summary>
public sealed class NotificationListener : DocumentSessionListenerBase
{
    private readonly Channel<IReadOnlyList<IEvent>> queue = Channel.CreateUnbounded<IReadOnlyList<IEvent>>(new() { SingleReader = true });

    public ChannelReader<IReadOnlyList<IEvent>> Committed => queue.Reader;

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var events = commit.GetEvents().Where(e => e.Data is FamilyRegistered || NotificationMaker.Concerns(e.Data)).ToList();
        if (events.Count > 0) queue.Writer.TryWrite(events);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Makes the in-app notifications of what concerns a person: invited to a network, consent given or
/// withdrawn, a new item about you or your child, an action assigned, a plan version to agree to,
/// emergency access to your child. Each one only for whom may read what it points to (the same
/// decisions as any read), with no case content (names and numbers only); stored, then pushed live
/// as a thin notice to the user's own group.
/// </summary>
public sealed class NotificationMaker(
    NotificationListener listener, IHubContext<BoardHub, IBoardClient> hub, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<NotificationMaker> logger) : BackgroundService
{
    /// <summary>
    /// Whether an event can concern anyone: an item about nobody in particular (most notes) tells no
    /// one, so the post's commit hands nothing to this worker.
    /// </summary>
    public static bool Concerns(object data) => data switch
    {
        NetworkMemberAdded or ConsentGiven or ConsentWithdrawn or ConsentRecordedOnBehalf or EmergencyAccessGranted => true,
        ItemPosted { Kind: ItemKind.PlanVersion or ItemKind.Consultation } => true,
        ItemPosted { Kind: ItemKind.Action } p => !p.AssignedTo.IsDefaultOrEmpty || !p.AssignedPersons.IsDefaultOrEmpty,
        ItemPosted { Kind: ItemKind.Note or ItemKind.Document or ItemKind.Appointment or ItemKind.Minutes } p => !p.About.IsDefaultOrEmpty,
        _ => false,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var events in listener.Committed.ReadAllAsync(stoppingToken))
        {
            try
            {
                await MakeAsync(events, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The change committed; only its notices are lost, the home and the board still show it.
                logger.LogWarning("Could not make notifications: {Message}", e.Message);
            }
        }
    }

    private async Task MakeAsync(IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var families = scope.ServiceProvider.GetRequiredService<FamilyContexts>();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var now = clock.GetUtcNow();
        var made = new List<Notification>();
        var registered = events.Select(e => e.Data).OfType<FamilyRegistered>().Select(r => r.FamilyId).ToHashSet();

        foreach (var byFamily in events.GroupBy(FamilyOf))
        {
            // A family registered in this very commit (the demo region's history) has nobody to tell yet.
            if (byFamily.Key is not { } familyId || registered.Contains(familyId)
                || await BoardReaders.FamilyWithCandidatesAsync(families, familyId, now, ct) is not ({ } f, var candidates)) continue;
            var at = now;
            Notification For(UserId user, string code, string link, params (string, object?)[] args) =>
                new(Guid.CreateVersion7(), user.Value, code,
                    Reason.Of(code, [("family", f.Family.Name), ("link", link), .. args]).Args.ToDictionary(), f.Id.Value, at);

            foreach (var e in byFamily)
            {
                // Dated when it happened (the demo region's history keeps its own dates).
                at = WhenOf(e.Data) ?? now;
                switch (e.Data)
                {
                    // Newly in the network (not the one who registered the family, not a change of children).
                    case NetworkMemberAdded added when (e.Timestamp - added.Member.Since).Duration() < TimeSpan.FromMinutes(5):
                        made.Add(For(added.Member.UserId, "notification.invited", $"/gezinnen/{f.Id.Value}"));
                        break;
                    case ConsentGiven given:
                        made.Add(For(given.Professional, "notification.consent-given", $"/gezinnen/{f.Id.Value}", ("child", f.NameOf(given.Child))));
                        break;
                    case ConsentRecordedOnBehalf recorded:
                        made.Add(For(recorded.Professional, "notification.consent-given", $"/gezinnen/{f.Id.Value}", ("child", f.NameOf(recorded.Child))));
                        break;
                    case ConsentWithdrawn withdrawn:
                        made.Add(For(withdrawn.Professional, "notification.consent-withdrawn", $"/gezinnen/{f.Id.Value}", ("child", f.NameOf(withdrawn.Child))));
                        break;
                    case EmergencyAccessGranted granted:
                        // The family hears of it too: those who may see the child's general facts (the coordinator is told by the emergency handler).
                        foreach (var member in candidates.Where(a => a.PersonId is not null
                                     && TablePolicy.FactAbout(a, InformationCategory.General, granted.Access.Child, f.Family, f.BirthDates, f.Table, now) == Sight.Full))
                            made.Add(For(member.UserId, "notification.emergency-family", $"/gezinnen/{f.Id.Value}/inzage",
                                ("name", granted.Access.DisplayName), ("organisation", granted.Access.Organisation ?? ""),
                                ("child", f.NameOf(granted.Access.Child)), ("until", granted.Access.Until)));
                        break;
                    case ItemPosted posted:
                        made.AddRange(AboutItem(posted, f, candidates, now, For));
                        break;
                }
            }
        }
        if (made.Count == 0) return;
        session.Store(made.ToArray());
        await session.SaveChangesAsync(ct);
        foreach (var n in made)
            await hub.Clients.Group(BoardHub.UserGroup(n.UserId)).Notified(n.Code["notification.".Length..], n.FamilyId);
    }

    private static IEnumerable<Notification> AboutItem(
        ItemPosted posted, FamilyContext f, IReadOnlyList<Actor> candidates, DateTimeOffset now,
        Func<UserId, string, string, (string, object?)[], Notification> make)
    {
        var facts = new ItemFacts(posted.Category, posted.About, posted.AuthorId, posted.AuthorOrganisation, posted.Audience,
            posted.AssignedTo, posted.ForNetwork, posted.AssignedPersons.IsDefault ? [] : posted.AssignedPersons);
        var readers = BoardReaders.Among(candidates, f, facts, now).Where(a => a.UserId != posted.AuthorId).ToList();
        var plan = $"/gezinnen/{f.Id.Value}/plan";
        var board = $"/boards/{posted.BoardId.Value}";
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var reader in readers)
        {
            switch (posted.Kind)
            {
                case ItemKind.Action when facts.IsAssignedTo(reader):
                    yield return make(reader.UserId, "notification.action-assigned", plan, []);
                    break;
                case ItemKind.PlanVersion when reader.PersonId is { } person && Agreements.Counts(f.Family, person, f.BirthDates, day):
                    yield return make(reader.UserId, "notification.plan-version", plan, [("number", posted.Version?.Number)]);
                    break;
                case ItemKind.Consultation when posted.Appointment is { } a
                                               && (a.Users.Contains(reader.UserId) || reader.PersonId is { } invited && a.Persons.Contains(invited)):
                    yield return make(reader.UserId, "notification.consultation-invited", board, [("when", a.Start)]);
                    break;
                case ItemKind.Note or ItemKind.Document or ItemKind.Appointment or ItemKind.Minutes when reader.PersonId is { } me:
                    if (posted.About.Contains(me))
                        yield return make(reader.UserId, "notification.item-about-you", board, []);
                    else if (f.Family.MemberFor(me)?.Relation is Relation.Parent or Relation.StepParent or Relation.FosterParent
                             && posted.About.Where(p => f.Family.MemberFor(p)?.Relation == Relation.Child).ToList() is [var child, ..])
                        yield return make(reader.UserId, "notification.item-about-child", board, [("child", f.NameOf(child))]);
                    break;
            }
        }
    }

    private static DateTimeOffset? WhenOf(object data) => data switch
    {
        NetworkMemberAdded x => x.Member.Since,
        ConsentGiven x => x.At,
        ConsentWithdrawn x => x.At,
        ConsentRecordedOnBehalf x => x.At,
        EmergencyAccessGranted x => x.Access.From,
        ItemPosted x => x.At,
        _ => null,
    };

    private static FamilyId? FamilyOf(IEvent e) => e.Data switch
    {
        NetworkMemberAdded x => x.FamilyId,
        ConsentGiven x => x.FamilyId,
        ConsentWithdrawn x => x.FamilyId,
        ConsentRecordedOnBehalf x => x.FamilyId,
        EmergencyAccessGranted x => x.FamilyId,
        ItemPosted x => x.FamilyId,
        _ => null,
    };
}
