using Marten;
using Network.Api.Features.Boards;

namespace Network.Api.Features.Plans;

/// <summary>The plan lives on the family's main board: the one not themed.</summary>
public static class PlanBoards
{
    /// <summary>The family's main board: the first one opened that is not themed.</summary>
    public static async Task<BoardId?> MainIdAsync(IQuerySession session, FamilyId family, CancellationToken ct)
    {
        var id = family.Value;
        var listing = await session.Query<BoardListing>().Where(b => b.FamilyId == id && !b.Themed).OrderBy(b => b.OpenedAt).FirstOrDefaultAsync(ct);
        return listing is null ? null : new BoardId(listing.Id);
    }

    public static async Task<Board?> MainAsync(IQuerySession session, FamilyId family, CancellationToken ct) =>
        await MainIdAsync(session, family, ct) is { } main ? await session.LoadAsync<Board>(main, ct) : null;
}
