using Marten;
using Network.Api.Features.Boards;

namespace Network.Api.Features.Plans;

/// <summary>The plan lives on the family's main board: the one not themed.</summary>
public static class PlanBoards
{
    // Once opened, a family's main board stays its main board (a later board is themed or opened later).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<FamilyId, BoardId> Mains = new();

    /// <summary>The family's main board: the first one opened that is not themed.</summary>
    public static async Task<BoardId?> MainIdAsync(IQuerySession session, FamilyId family, CancellationToken ct)
    {
        if (Mains.TryGetValue(family, out var known)) return known;
        var id = family.Value;
        var listing = await session.Query<BoardListing>().Where(b => b.FamilyId == id && !b.Themed).OrderBy(b => b.OpenedAt).FirstOrDefaultAsync(ct);
        if (listing is null) return null;
        return Mains.GetOrAdd(family, new BoardId(listing.Id));
    }

    public static async Task<Board?> MainAsync(IQuerySession session, FamilyId family, CancellationToken ct) =>
        await MainIdAsync(session, family, ct) is { } main ? await session.LoadAsync<Board>(main, ct) : null;
}
