namespace Network.Contracts;

public sealed record OwnerView(Guid? UserId, Guid? PersonId, string Name);

/// <summary>Who can own an action: a professional of the network or someone of the family, as far as the caller may know them.</summary>
public sealed record OwnerChoice(Guid? UserId, Guid? PersonId, string Name, string Kind);

public sealed record ScaleView(int Score, DateOnly On, string ByName);

/// <summary>
/// A worry, strength, goal or action as the caller may read it, with what they may do with it.
/// Goals carry a target and their scale readings; actions their goal, due date, owner and status.
/// </summary>
public sealed record PlanItemView(
    Guid ItemId, long ItemVersion, ItemKind Kind, string Text, IReadOnlyList<PersonRef> About, string AuthorName, ActorRole AuthorRole,
    DateTimeOffset At, DateTimeOffset ChangedAt, bool Corrected,
    string? Target, IReadOnlyList<ScaleView> Scales,
    Guid? GoalId, DateOnly? Due, OwnerView? Owner, ActionStatus? Status, string? StatusReason, bool Overdue, bool ForNetwork,
    ProposalState Proposal, string? ProposalReason,
    bool MayRevise, bool MayScale, bool MaySetStatus, bool MayDecide, IReadOnlyList<DecidedInView>? DecidedIn = null);

public sealed record GoalView(PlanItemView Goal, IReadOnlyList<PlanItemView> Actions);

public sealed record PlanEntryView(Guid ItemId, ItemKind Kind, string Text, ActionStatus? Status, int? Scale);

public sealed record PlanDiffView(
    IReadOnlyList<PlanEntryView> Added, IReadOnlyList<PlanEntryView> Changed, IReadOnlyList<PlanEntryView> Closed, IReadOnlyList<PlanEntryView> Removed);

public sealed record AgreementView(Guid PersonId, string Name, bool Agrees, string? Comment, DateTimeOffset At);

/// <summary>
/// A published version: what it held and what changed since the one before (only what the caller
/// may read), who agreed and when, and whose agreement is still awaited.
/// </summary>
public sealed record PlanVersionView(
    Guid ItemId, int Number, DateTimeOffset At, string ByName, IReadOnlyList<PlanEntryView> Entries, PlanDiffView Diff,
    IReadOnlyList<AgreementView> Agreements, IReadOnlyList<PersonRef> Awaiting);

/// <summary>
/// One family, one plan. In-plan items by section; proposals (waiting or declined) apart;
/// versions newest first. The May* flags come from the same decision function as every item.
/// <see cref="ActionsWithoutGoal"/>: actions the caller may read whose goal they may not (a
/// network member sees only the actions assigned to them or for the network: condition 2).
/// <see cref="Unpublished"/>: what the caller can read of the plan differs from the newest version
/// (or there is none yet). <see cref="Position"/>: the family timeline's position the plan was read
/// at; a push with a higher one means something changed.
/// </summary>
public sealed record PlanView(
    Guid FamilyId, string FamilyName, Guid? BoardId, Guid? CoordinatorId, string? CoordinatorName,
    IReadOnlyList<PlanItemView> Worries, IReadOnlyList<PlanItemView> Strengths, IReadOnlyList<GoalView> Goals,
    IReadOnlyList<PlanItemView> Proposals, IReadOnlyList<PlanVersionView> Versions,
    IReadOnlyList<PersonRef> People, IReadOnlyList<OwnerChoice> Owners,
    bool MayWrite, bool MayPropose, bool MayPublish, bool MayAgree,
    IReadOnlyList<PlanItemView>? ActionsWithoutGoal = null, bool Unpublished = false, long Position = 0);

public sealed record OwnerRequest(Guid? UserId, Guid? PersonId);

/// <summary>A new worry, strength, goal or action: goals take a target and a first scale reading, actions a goal, due date and owner.</summary>
public sealed record AddPlanItemRequest(
    ItemKind? Kind, string? Text, IReadOnlyList<Guid>? About = null, string? Target = null, int? Scale = null, Guid? GoalId = null,
    DateOnly? Due = null, OwnerRequest? Owner = null, bool ForNetwork = false);

public sealed record RevisePlanItemRequest(string? Text, string? Target = null, DateOnly? Due = null, OwnerRequest? Owner = null, bool ForNetwork = false);

public sealed record ScaleRequest(int? Score, DateOnly? On);

public sealed record ActionStatusRequest(ActionStatus? Status, string? Reason);

public sealed record ProposalDecisionRequest(string? Reason);

public sealed record AgreeRequest(bool? Agrees, string? Comment);

public sealed record PlanVersionPublished(Guid ItemId, int Number);

/// <summary>An action assigned to the caller, in any family: overdue ones first.</summary>
public sealed record MyActionView(
    Guid ItemId, long ItemVersion, Guid FamilyId, string FamilyName, string Text, string? GoalText, DateOnly? Due, ActionStatus Status, bool Overdue);
