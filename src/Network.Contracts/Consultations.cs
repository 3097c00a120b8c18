namespace Network.Contracts;

/// <summary>
/// A new case consultation on a board: when and where, the children it is about, who is invited
/// (the household's parents by default: leaving one out takes a reason the family can read).
/// </summary>
public sealed record ScheduleConsultationRequest(
    string? Title, DateTimeOffset? Start, int? DurationMinutes, string? Place = null, string? VideoLink = null,
    IReadOnlyList<Guid>? Children = null, IReadOnlyList<Guid>? ParticipantPersons = null, IReadOnlyList<Guid>? ParticipantUsers = null,
    string? FamilyLeftOutReason = null);

/// <summary>Whether the caller comes; a comment is optional.</summary>
public sealed record RespondToConsultationRequest(bool? Accepts, string? Comment = null);

/// <summary>A point for the agenda: its text, category (default General) and the children it is about (default none: the consultation as a whole).</summary>
public sealed record AddAgendaPointRequest(string? Text, InformationCategory? Category = null, IReadOnlyList<Guid>? About = null);

/// <summary>The points proposed from the plan and put on the agenda.</summary>
public sealed record AgendaFromPlanResponse(IReadOnlyList<Guid> Added, long ItemVersion);

/// <summary>The consultation took place: who was there.</summary>
public sealed record HoldConsultationRequest(IReadOnlyList<Guid>? PresentPersons, IReadOnlyList<Guid>? PresentUsers);

/// <summary>
/// A decision, optionally on an agenda point, and what it does to the plan: a new action under a
/// goal (text, owner, due date), a change to an action (owner, due date), a new goal, or nothing.
/// </summary>
public sealed record RecordDecisionRequest(
    string? Text, Guid? AgendaPoint = null, DecisionEffect? Effect = null, Guid? GoalId = null, Guid? ActionId = null,
    string? ItemText = null, DateOnly? Due = null, OwnerRequest? Owner = null, IReadOnlyList<Guid>? About = null, string? Target = null);

public sealed record DecisionRecordedResponse(Guid ConsultationId, Guid DecisionId, Guid? PlanItemId, long ItemVersion);

/// <summary>Minutes, for one agenda point or the whole consultation, with a category, children and audience within the table.</summary>
public sealed record PostMinutesRequest(
    string? Text, Guid? AgendaPoint = null, InformationCategory? Category = null, IReadOnlyList<Guid>? About = null,
    AudienceKind? Audience = null, IReadOnlyList<Guid>? Named = null);

/// <summary>
/// A consultation as its reader sees it: only the children, points, decisions and people the
/// reader may know of; what the reader may do with it.
/// </summary>
public sealed record ConsultationView(
    IReadOnlyList<PersonRef> Children, string? FamilyLeftOutReason, IReadOnlyList<ConsultationResponseView> Responses, bool? MyResponse,
    IReadOnlyList<AgendaPointView> Agenda, ConsultationHeldView? Held, IReadOnlyList<DecisionView> Decisions,
    bool MayRespond, bool MayManage, bool MayAddPoint, bool MayWriteMinutes);

public sealed record ConsultationResponseView(Guid? PersonId, Guid? UserId, string Name, bool Accepts, string? Comment, DateTimeOffset At);

public sealed record AgendaPointView(Guid Id, string Text, InformationCategory Category, IReadOnlyList<PersonRef> About, Guid? PlanItemId, string ByName, DateTimeOffset At);

public sealed record ConsultationHeldView(DateTimeOffset At, IReadOnlyList<ParticipantView> Present);

public sealed record DecisionView(Guid Id, Guid? AgendaPoint, string Text, DecisionEffect Effect, Guid? PlanItemId, string ByName, DateTimeOffset At);

/// <summary>Minutes belong to a consultation, and maybe to one of its agenda points.</summary>
public sealed record MinutesView(Guid ConsultationId, Guid? AgendaPoint);

/// <summary>A plan goal or action made or changed in a consultation held on a day ("besloten in casusoverleg 12 maart").</summary>
public sealed record DecidedInView(Guid ConsultationId, DateOnly On);
