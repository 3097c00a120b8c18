using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using Network.Domain.Boards;

namespace Network.Api.Infrastructure.Realtime;

/// <summary>
/// After a Marten transaction commits, tells each board's group the board's new version.
/// Runs after commit, so nobody is told about a change that was rolled back.
/// </summary>
public sealed class BoardChangePublisher(IHubContext<BoardHub, IBoardClient> hub, ILogger<BoardChangePublisher> logger)
    : DocumentSessionListenerBase
{
    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var latest = commit.GetEvents()
            .Where(e => e.Data is BoardOpened or NotePosted)
            .GroupBy(e => e.StreamId)
            .Select(g => (BoardId: g.Key, Version: g.Max(e => e.Version)));

        foreach (var (boardId, version) in latest)
        {
            try
            {
                await hub.Clients.Group(BoardHub.GroupFor(boardId)).BoardChanged(boardId, version);
            }
            catch (Exception e)
            {
                // The write already committed; a failed push only delays the others until they refresh.
                logger.LogWarning(e, "Could not push change of board {BoardId} at version {Version}", boardId, version);
            }
        }
    }
}
