namespace Network.Contracts;

/// <summary>A board in the caller's list: <see cref="Themed"/> boards sit beside the family's main board; a closed one stays readable.</summary>
public sealed record BoardSummary(Guid Id, Guid FamilyId, string FamilyName, string Title, long Version, bool Themed = false, bool Closed = false);

public sealed record BoardRef(Guid BoardId, string Title, bool Themed = false, bool Closed = false);

/// <summary>
/// A board's timeline: <see cref="Version"/> is the family timeline's position (ETag; pass it as
/// ?since= to get only what changed after it); <see cref="Children"/> are the children the caller
/// has standing on; <see cref="Boards"/> the family's other boards the caller may open.
/// The main board (<see cref="Themed"/> false) shows everything the caller may read from all the
/// family's boards. A full read returns the newest page (?limit=, default 50) and
/// <see cref="MoreBefore"/>; ?before=position pages back. <see cref="Composer"/> (full reads only)
/// says what the caller may post here.
/// </summary>
public sealed record TimelineView(
    Guid BoardId, Guid FamilyId, string FamilyName, string Title, long Version,
    IReadOnlyList<PersonRef> Children, IReadOnlyList<ItemView> Entries, IReadOnlyList<BoardRef> Boards,
    bool Themed = false, bool Closed = false, bool MoreBefore = false, ComposerView? Composer = null);

/// <summary>
/// What the caller may post on a board: the categories they may write (empty: no composer), for
/// each category the audiences it may go to, and the family members an item may be about.
/// </summary>
public sealed record ComposerView(
    IReadOnlyList<ComposerCategory> Categories, IReadOnlyList<PersonRef> About, IReadOnlyList<Reader> Named, bool MayUpload, bool MayPlan);

public sealed record ComposerCategory(InformationCategory Category, AudienceKind DefaultAudience, IReadOnlyList<AudienceKind> Audiences);

/// <summary>
/// One item as the caller may read it. <see cref="Version"/> is the timeline position of its last
/// change; <see cref="ItemVersion"/> its own version (send it as If-Match to correct it).
/// </summary>
public sealed record ItemView(
    Guid ItemId, long Version, long ItemVersion, ItemKind Kind, Guid AuthorId, string AuthorName, ActorRole AuthorRole,
    string? AuthorOrganisation, string Text, DateTimeOffset At, DateTimeOffset ChangedAt, InformationCategory Category,
    IReadOnlyList<Guid> About, AudienceKind Audience, IReadOnlyList<Guid> Named, bool Corrected, bool EnteredInError,
    string? ErrorReason, IReadOnlyList<Guid> Boards, bool MayCorrect, ItemPlanView? Plan = null,
    DocumentView? Document = null, AppointmentView? Appointment = null, IReadOnlyList<ReplyView>? Replies = null, bool MayReply = false,
    ConsultationView? Consultation = null, MinutesView? Minutes = null, IReadOnlyList<DecidedInView>? DecidedIn = null);

/// <summary>A document item's current file: download it at /api/items/{id}/document (?version=N for an earlier one), preview images and PDFs at /api/items/{id}/document/preview.</summary>
public sealed record DocumentView(string FileName, string ContentType, long Size, int Version, bool Previewable, IReadOnlyList<DocumentVersionView> Versions);

public sealed record DocumentVersionView(int Version, string FileName, string ContentType, long Size, DateTimeOffset At, string ByName);

/// <summary>An appointment: the item's text is its title. Download it at /api/items/{id}/appointment.ics (one stable UID; its sequence grows with each change).</summary>
public sealed record AppointmentView(
    DateTimeOffset Start, int DurationMinutes, string? Place, string? VideoLink, IReadOnlyList<ParticipantView> Participants,
    bool Cancelled, string? CancelReason, int Sequence);

/// <summary>Someone taking part: a family member (<see cref="PersonId"/>) or a professional (<see cref="UserId"/>).</summary>
public sealed record ParticipantView(Guid? PersonId, Guid? UserId, string Name);

/// <summary>A reply under an item: read by exactly the item's readers.</summary>
public sealed record ReplyView(Guid ReplyId, Guid AuthorId, string AuthorName, ActorRole AuthorRole, string Text, DateTimeOffset At);

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

/// <summary>A themed board: its title, and the children it is about (optional): then only those who may see each of them find it.</summary>
public sealed record OpenBoardRequest(string? Title, IReadOnlyList<Guid>? About = null);

/// <summary>Closes a themed board: nothing new is posted on it, its items stay readable. The family's main board is never closed.</summary>
public sealed record CloseBoardRequest(string? Reason);

/// <summary>A new appointment: <see cref="Title"/> is the item's text; participants are family members (persons) and professionals (users) of the family.</summary>
public sealed record PostAppointmentRequest(
    string? Title, DateTimeOffset? Start, int? DurationMinutes, string? Place = null, string? VideoLink = null,
    IReadOnlyList<Guid>? ParticipantPersons = null, IReadOnlyList<Guid>? ParticipantUsers = null,
    InformationCategory? Category = null, IReadOnlyList<Guid>? About = null, AudienceKind? Audience = null, IReadOnlyList<Guid>? Named = null);

/// <summary>A change to an appointment (send If-Match): the same UID, a higher sequence.</summary>
public sealed record ChangeAppointmentRequest(
    string? Title, DateTimeOffset? Start, int? DurationMinutes, string? Place = null, string? VideoLink = null,
    IReadOnlyList<Guid>? ParticipantPersons = null, IReadOnlyList<Guid>? ParticipantUsers = null);

public sealed record CancelAppointmentRequest(string? Reason);

/// <summary>An appointment or consultation coming up for the caller, on their home page.</summary>
public sealed record UpcomingAppointment(Guid ItemId, Guid FamilyId, string FamilyName, Guid BoardId, string Title, AppointmentView Appointment, ItemKind Kind = ItemKind.Appointment);

public sealed record PostReplyRequest(string? Text);

/// <summary>
/// A search's results: only items the caller may read, newest first; <see cref="More"/> says
/// whether another page (?page=N+1) has more. No count of anything else is given.
/// </summary>
public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, bool More);

/// <summary>A found item: <see cref="Snippet"/> is plain text around the words found.</summary>
public sealed record SearchHit(
    Guid ItemId, Guid FamilyId, string FamilyName, Guid BoardId, ItemKind Kind, InformationCategory Category,
    string AuthorName, DateTimeOffset At, string Snippet);

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
