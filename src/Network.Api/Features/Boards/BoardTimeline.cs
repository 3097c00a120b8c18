using System.Collections.Immutable;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Network.Domain.Boards;

namespace Network.Api.Features.Boards;

/// <summary>One entry on a board's timeline. <see cref="Version"/> is the board stream version that added it.</summary>
public sealed record TimelineEntry(
    Guid ItemId,
    long Version,
    string Kind,
    Guid AuthorId,
    string AuthorName,
    string AuthorRole,
    string Text,
    DateTimeOffset At);

/// <summary>The read model of a board: its title and the items on it, in order.</summary>
public sealed record BoardTimeline(Guid Id, Guid FamilyId, string Title, long Version, ImmutableList<TimelineEntry> Entries);

public sealed class BoardTimelineProjection : SingleStreamProjection<BoardTimeline, Guid>
{
    public override BoardTimeline? Evolve(BoardTimeline? snapshot, Guid id, IEvent e) => e.Data switch
    {
        BoardOpened o => new BoardTimeline(o.BoardId.Value, o.FamilyId.Value, o.Title, e.Version, []),
        NotePosted n when snapshot is not null => snapshot with
        {
            Version = e.Version,
            Entries = snapshot.Entries.Add(new TimelineEntry(
                n.ItemId.Value, e.Version, "note", n.AuthorId.Value, n.AuthorName, n.AuthorRole.ToString(), n.Text, n.PostedAt)),
        },
        _ when snapshot is not null => snapshot with { Version = e.Version },
        _ => snapshot,
    };
}
