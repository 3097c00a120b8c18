using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using Network.Api.Features.AuthorizationTable;
using Network.Api.Features.Boards;
using Network.Api.Features.Families;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Boards;
using Network.Domain.Common;
using Network.Domain.Families;

namespace Network.Api.Infrastructure.Realtime;

/// <summary>
/// After a Marten transaction commits, tells each user who may read a new item the board's new
/// version, through their own group on that board. Nobody is told about an item they may not
/// read, nor about a change that was rolled back; the decision is taken at push time, so ended
/// standing (a withdrawn consent) stops the very next push.
/// </summary>
public sealed class BoardChangePublisher(
    IHubContext<BoardHub, IBoardClient> hub, IServiceScopeFactory scopes, TimeProvider clock, ILogger<BoardChangePublisher> logger)
    : DocumentSessionListenerBase
{
    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var emergencies = commit.GetEvents().Select(e => e.Data).OfType<EmergencyAccessGranted>().ToList();
        var notes = commit.GetEvents().Where(e => e.Data is NotePosted).GroupBy(e => e.StreamId).ToList();
        if (notes.Count == 0 && emergencies.Count == 0) return;
        try
        {
            // The coordinator is told of emergency access at once, on every connection they have.
            foreach (var granted in emergencies)
                if (granted.NotifiedCoordinator is { } coordinator)
                    await hub.Clients.Group(BoardHub.UserGroup(coordinator.Value)).Notified("emergency-access", granted.FamilyId.Value);

            await using var scope = scopes.CreateAsyncScope();
            await using var query = session.DocumentStore.QuerySession();
            var accounts = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
            var table = await TableStore.LoadAsync(query, token);
            var now = clock.GetUtcNow();
            foreach (var board in notes)
            {
                var timeline = await query.LoadAsync<BoardTimeline>(board.Key, token);
                var family = timeline is null ? null : await FamilyContext.LoadAsync(query, new FamilyId(timeline.FamilyId), token);
                if (family is null) continue;
                var candidates = await BoardReaders.CandidatesAsync(accounts, family, token);
                var readers = board
                    .SelectMany(e => BoardReaders.Among(candidates, family, ((NotePosted)e.Data).ToFacts(), table, now))
                    .Select(r => r.UserId)
                    .ToHashSet();
                var version = board.Max(e => e.Version);
                await hub.Clients.Groups([.. readers.Select(u => BoardHub.GroupFor(board.Key, u))]).BoardChanged(board.Key, version);
            }
        }
        catch (Exception e)
        {
            // The write already committed; a failed push only delays the others until they refresh.
            logger.LogWarning(e, "Could not push board changes");
        }
    }
}
