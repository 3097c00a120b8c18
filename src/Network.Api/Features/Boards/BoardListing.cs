using JasperFx.Events;
using Marten.Events.Aggregation;
using Network.Domain.Boards;

namespace Network.Api.Features.Boards;

/// <summary>A board's title and family, indexed by family: "which boards does this family have?". The main board is the one not <see cref="Themed"/>.</summary>
public sealed record BoardListing(Guid Id, Guid FamilyId, string Title, DateTimeOffset OpenedAt, bool Themed = false, bool Closed = false);

public sealed class BoardListingProjection : SingleStreamProjection<BoardListing, Guid>
{
    public override BoardListing? Evolve(BoardListing? snapshot, Guid id, IEvent e) => e.Data switch
    {
        BoardOpened o => new BoardListing(o.BoardId.Value, o.FamilyId.Value, o.Title, o.At, o.Themed),
        BoardClosed when snapshot is not null => snapshot with { Closed = true },
        _ => snapshot,
    };
}
