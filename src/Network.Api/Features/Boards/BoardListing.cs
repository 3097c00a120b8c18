using JasperFx.Events;
using Marten.Events.Aggregation;
using Network.Domain.Boards;

namespace Network.Api.Features.Boards;

/// <summary>A board's title and family, indexed by family: "which boards does this family have?". The main board is the one not <see cref="Themed"/>.</summary>
public sealed record BoardListing(Guid Id, Guid FamilyId, string Title, DateTimeOffset OpenedAt, bool Themed = false, bool Closed = false, Guid[]? About = null)
{
    /// <summary>Whether the actor may list (and open) this board of a family they may read: a board about children needs each of them.</summary>
    public bool ShownTo(Actor actor, Infrastructure.Gate.FamilyContext f, DateTimeOffset at) =>
        About is not { Length: > 0 } about
        || FamilyPolicy.SeesBoardAbout(actor, f.Family, f.BirthDates, f.Table, at, [.. about.Select(p => new PersonId(p))]);
}

public sealed class BoardListingProjection : SingleStreamProjection<BoardListing, Guid>
{
    public override BoardListing? Evolve(BoardListing? snapshot, Guid id, IEvent e) => e.Data switch
    {
        BoardOpened o => new BoardListing(o.BoardId.Value, o.FamilyId.Value, o.Title, o.At, o.Themed, false,
            o.About.IsDefaultOrEmpty ? null : [.. o.About.Select(p => p.Value)]),
        BoardClosed when snapshot is not null => snapshot with { Closed = true },
        _ => snapshot,
    };
}
