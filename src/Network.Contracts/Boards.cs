namespace Network.Contracts;

public sealed record BoardSummary(Guid Id, Guid FamilyId, string FamilyName, string Title, long Version);

public sealed record BoardRef(Guid BoardId, string Title);

/// <summary>
/// A board's timeline: <see cref="Version"/> is the family timeline's position (ETag; pass it as
/// ?since= to get only what changed after it); <see cref="Children"/> are the children the caller
/// has standing on; <see cref="Boards"/> the family's other boards the caller may open.
/// </summary>
public sealed record TimelineView(
    Guid BoardId, Guid FamilyId, string FamilyName, string Title, long Version,
    IReadOnlyList<PersonRef> Children, IReadOnlyList<ItemView> Entries, IReadOnlyList<BoardRef> Boards);

/// <summary>
/// One item as the caller may read it. <see cref="Version"/> is the timeline position of its last
/// change; <see cref="ItemVersion"/> its own version (send it as If-Match to correct it).
/// </summary>
public sealed record ItemView(
    Guid ItemId, long Version, long ItemVersion, ItemKind Kind, Guid AuthorId, string AuthorName, ActorRole AuthorRole,
    string? AuthorOrganisation, string Text, DateTimeOffset At, DateTimeOffset ChangedAt, InformationCategory Category,
    IReadOnlyList<Guid> About, AudienceKind Audience, IReadOnlyList<Guid> Named, bool Corrected, bool EnteredInError,
    string? ErrorReason, IReadOnlyList<Guid> Boards, bool MayCorrect, ItemPlanView? Plan = null);

/// <summary>The plan fields of a timeline entry: a goal's target and latest scale, an action's due date, owner and status, a version's number, an agreement.</summary>
public sealed record ItemPlanView(
    Guid? GoalId, string? Target, int? Scale, DateOnly? Due, string? OwnerName, ActionStatus? Status, ProposalState Proposal,
    int? VersionNumber, int? AgreesToVersion, bool? Agrees);

/// <summary>A new item: its text, category (default General), the family members it is about (default the family as a whole) and audience (default the category's).</summary>
public sealed record PostItemRequest(
    string? Text, InformationCategory? Category = null, IReadOnlyList<Guid>? About = null, AudienceKind? Audience = null, IReadOnlyList<Guid>? Named = null);

public sealed record ItemPostedResponse(Guid ItemId, Guid BoardId, long Version, long ItemVersion);

public sealed record CorrectItemRequest(string? Text, string? Reason);

public sealed record EnteredInErrorRequest(string? Reason);

public sealed record ShowOnBoardRequest(Guid BoardId);

public sealed record OpenBoardRequest(string? Title);

public sealed record BoardOpenedResponse(Guid BoardId, Guid FamilyId);

/// <summary>What an item write answers: the item's new version (also its ETag).</summary>
public sealed record ItemChangedResponse(Guid ItemId, long ItemVersion);

/// <summary>Someone who would be able to read an item, as far as the caller may know them.</summary>
public sealed record Reader(Guid UserId, string Name, ActorRole Role);

public sealed record AudiencePreview(bool MayPost, IReadOnlyList<ReasonView> Reasons, IReadOnlyList<Reader> Readers);

public sealed record Explanation(bool Allowed, IReadOnlyList<ReasonView> Reasons);

/// <summary>
/// One step in an item's history: posted, corrected (with the text it got), entered in error,
/// shown on a board; for plan items also revised (the new text), scaled (the score as text, the
/// day as reason), status-set (the status as text), proposal-accepted and proposal-declined.
/// </summary>
public sealed record ItemChange(long ItemVersion, string Change, DateTimeOffset At, string ByName, string? Text, string? Reason, Guid? BoardId);

public sealed record ItemHistory(Guid ItemId, IReadOnlyList<ItemChange> Changes);
