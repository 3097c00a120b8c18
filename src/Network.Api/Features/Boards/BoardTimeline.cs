using System.Collections.Immutable;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Network.Domain.Authorization;
using Network.Domain.Boards;
using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Api.Features.Boards;

/// <summary>
/// One entry on a board's timeline, with what the authorization decision needs (category,
/// subjects, audience). <see cref="Version"/> is the board stream version that added it.
/// </summary>
public sealed record TimelineEntry(
    Guid ItemId,
    long Version,
    string Kind,
    Guid AuthorId,
    string AuthorName,
    string AuthorRole,
    string Text,
    DateTimeOffset At,
    InformationCategory Category = InformationCategory.General,
    Guid[]? About = null,
    AudienceKind Audience = AudienceKind.Everyone,
    Guid[]? Named = null,
    Guid? AuthorOrganisation = null)
{
    public ItemFacts ToFacts() => new(
        Category, [.. (About ?? []).Select(p => new PersonId(p))], new UserId(AuthorId),
        AuthorOrganisation is { } o ? new OrganisationId(o) : null,
        new Audience(Audience, [.. (Named ?? []).Select(u => new UserId(u))]));
}

/// <summary>The read model of a board: its title and every item on it, in order. Reads filter it per actor.</summary>
public sealed record BoardTimeline(Guid Id, Guid FamilyId, string Title, long Version, ImmutableList<TimelineEntry> Entries);

public sealed class BoardTimelineProjection : SingleStreamProjection<BoardTimeline, Guid>
{
    public override BoardTimeline? Evolve(BoardTimeline? snapshot, Guid id, IEvent e) => e.Data switch
    {
        BoardOpened o => new BoardTimeline(o.BoardId.Value, o.FamilyId.Value, o.Title, e.Version, []),
        NotePosted n when snapshot is not null => snapshot with
        {
            Version = e.Version,
            Entries = snapshot.Entries.Add(Entry(n, e.Version)),
        },
        _ when snapshot is not null => snapshot with { Version = e.Version },
        _ => snapshot,
    };

    private static TimelineEntry Entry(NotePosted n, long version)
    {
        var facts = n.ToFacts();
        return new TimelineEntry(
            n.ItemId.Value, version, "note", n.AuthorId.Value, n.AuthorName, n.AuthorRole.ToString(), n.Text, n.PostedAt,
            facts.Category, [.. facts.About.Select(p => p.Value)], facts.Audience.Kind, [.. facts.Audience.Named.Select(u => u.Value)],
            facts.AuthorOrganisation?.Value);
    }
}
