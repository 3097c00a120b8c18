using System.Collections.Immutable;
using Network.Domain.Registry;

namespace Network.Domain.Authorization;

/// <summary>
/// The outcome of a decision for one person whose data is concerned (null: the family as a
/// whole): what the access log records, one entry per person.
/// </summary>
public sealed record SubjectOutcome(PersonId? Person, AccessBasis Basis, bool Allowed, InformationCategory BasisCategory = InformationCategory.General);

/// <summary>
/// The outcome of an authorization decision with the reasons that led to it, so any user can
/// ask why they can or cannot do something. <see cref="KnowsItExists"/> is false when the actor
/// may not know the resource exists: it must then look the same as one that does not exist.
/// <see cref="Subjects"/> are the persons the decision is about, for the access log.
/// </summary>
public sealed record Decision(bool Allowed, bool KnowsItExists, ImmutableArray<Reason> Reasons, ImmutableArray<SubjectOutcome> Subjects)
{
    public static Decision Allow(IEnumerable<Reason> reasons, IEnumerable<SubjectOutcome>? subjects = null) =>
        new(true, true, [.. reasons], [.. subjects ?? []]);

    public static Decision Deny(IEnumerable<Reason> reasons, IEnumerable<SubjectOutcome>? subjects = null) =>
        new(false, true, [.. reasons], [.. subjects ?? []]);

    public static Decision NoStanding(IEnumerable<Reason> reasons, IEnumerable<SubjectOutcome>? subjects = null) =>
        new(false, false, [.. reasons], [.. subjects ?? []]);

    public static Decision Allow(Reason reason) => Allow([reason]);
    public static Decision Deny(Reason reason) => Deny([reason]);
    public static Decision NoStanding(Reason reason) => NoStanding([reason]);

    public Decision About(IEnumerable<SubjectOutcome> subjects) => this with { Subjects = [.. subjects] };
}
