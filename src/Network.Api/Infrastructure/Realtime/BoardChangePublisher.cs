using System.Diagnostics;
using System.Threading.Channels;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using Network.Api.Features.Boards;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Marten;
using Npgsql;

namespace Network.Api.Infrastructure.Realtime;

/// <summary>What a committed transaction changed that someone may need to hear about.</summary>
public sealed record CommittedChanges(
    IReadOnlyList<Guid> Items, IReadOnlyList<EmergencyAccessGranted> Emergencies, IReadOnlyList<YouthSayChosen>? YouthSay = null);

/// <summary>
/// After a Marten transaction commits, hands what it changed to <see cref="BoardChangePusher"/>:
/// only committed changes are pushed, and the writer does not wait for the pushes.
/// </summary>
public sealed class BoardChangePublisher : DocumentSessionListenerBase
{
    private readonly Channel<CommittedChanges> queue = Channel.CreateUnbounded<CommittedChanges>(new() { SingleReader = true });

    public ChannelReader<CommittedChanges> Committed => queue.Reader;

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var events = commit.GetEvents().ToList();
        var items = events.Where(e => e.Data is ItemPosted or ItemCorrected or ItemEnteredInError or ItemShownOnBoard
                or GoalScaled or ActionStatusSet or PlanItemRevised or ProposalAccepted or ProposalDeclined
                or DocumentVersionAdded or AppointmentChanged or AppointmentCancelled or ReplyPosted
                or ConsultationResponded or AgendaPointAdded or ConsultationHeld or DecisionRecorded or DecidedInConsultation)
            .Select(e => e.StreamId).Distinct().ToList();
        var emergencies = events.Select(e => e.Data).OfType<EmergencyAccessGranted>().ToList();
        var youthSay = events.Select(e => e.Data).OfType<YouthSayChosen>().ToList();
        if (items.Count > 0 || emergencies.Count > 0 || youthSay.Count > 0)
            queue.Writer.TryWrite(new CommittedChanges(items, emergencies, youthSay));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Tells each user who may read a changed item the new position of its board, through their own
/// group on each board the item is shown on. Nobody is told about an item they may not read; the
/// decision is taken at push time, so ended standing (a withdrawn consent) stops the very next
/// push, and a holder of emergency access is told for as long as it lasts. The coordinator hears
/// of emergency access at once.
/// </summary>
public sealed class BoardChangePusher(
    BoardChangePublisher publisher, IHubContext<BoardHub, IBoardClient> hub, IServiceScopeFactory scopes, NpgsqlDataSource db,
    TimeProvider clock, ILogger<BoardChangePusher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = publisher.Committed;
        var last = 0L;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            // Under load at most one batch per interval: what commits meanwhile goes along (a few
            // milliseconds later) instead of costing its own round trips; an isolated change goes at once.
            var since = Stopwatch.GetElapsedTime(last);
            if (since < Interval) await Task.Delay(Interval - since, stoppingToken);
            last = Stopwatch.GetTimestamp();
            // Everything committed meanwhile, as one: under load many posts to one family cost one
            // family load and one query of its readers, and each board is told its newest position once.
            var batch = new List<CommittedChanges>();
            while (batch.Count < 256 && reader.TryRead(out var next)) batch.Add(next);
            var changes = new CommittedChanges(
                [.. batch.SelectMany(c => c.Items).Distinct()], [.. batch.SelectMany(c => c.Emergencies)], [.. batch.SelectMany(c => c.YouthSay ?? [])]);
            try
            {
                await PushAsync(changes, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The write already committed; a failed push only delays the others until they refresh.
                logger.LogWarning("Could not push board changes: {Message}", e.Message);
            }
        }
    }

    private async Task PushAsync(CommittedChanges changes, CancellationToken ct)
    {
        foreach (var granted in changes.Emergencies)
            if (granted.NotifiedCoordinator is { } coordinator)
                await hub.Clients.Group(BoardHub.UserGroup(coordinator.Value)).Notified("emergency-access", granted.FamilyId.Value);
        if (changes.Items.Count == 0 && changes.YouthSay is not { Count: > 0 }) return;

        await using var scope = scopes.CreateAsyncScope();
        var families = scope.ServiceProvider.GetRequiredService<FamilyContexts>();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var now = clock.GetUtcNow();
        // A youth changed what their parents see: the family's members read their boards again (no content in the push).
        foreach (var familyId in (changes.YouthSay ?? []).Select(y => y.FamilyId).Distinct())
            if (await BoardReaders.FamilyWithCandidatesAsync(families, familyId, now, ct) is ({ }, var readers))
                foreach (var member in readers.Where(a => a.PersonId is not null))
                    await hub.Clients.Group(BoardHub.UserGroup(member.UserId.Value)).Notified("youth-say", familyId.Value);
        if (changes.Items.Count == 0) return;
        var items = await ItemRows.ChangedAsync(db, [.. changes.Items], ct);
        foreach (var byFamily in items.GroupBy(i => i.FamilyId))
        {
            if (await BoardReaders.FamilyWithCandidatesAsync(families, new FamilyId(byFamily.Key), now, ct) is not ({ } family, var candidates)) continue;
            // Read with the items: a change committed after it comes with a later push.
            var position = byFamily.Max(i => i.Position);
            // The family's main board shows the items of all its boards.
            var main = await Features.Plans.PlanBoards.MainIdAsync(session, family.Id, ct);
            // Each reader is told once per board, of the newest position.
            var told = new Dictionary<Guid, HashSet<Guid>>();
            foreach (var item in byFamily)
            {
                var readers = BoardReaders.Among(candidates, family, item.Facts, now).Select(r => r.UserId.Value).ToList();
                foreach (var board in main is not { } m || item.Boards.Contains(m.Value) ? item.Boards : [.. item.Boards, m.Value])
                {
                    if (!told.TryGetValue(board, out var users)) told[board] = users = [];
                    users.UnionWith(readers);
                }
            }
            foreach (var (board, users) in told)
                await hub.Clients.Groups([.. users.Select(u => BoardHub.GroupFor(board, u))]).BoardChanged(board, position);
        }
    }
}
