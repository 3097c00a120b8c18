using Network.Domain.Authorization;
using Network.Domain.Boards;
using Network.Domain.Families;
using Network.Domain.Plans;
using Network.Domain.Registry;

namespace Network.Domain.Items;

/// <summary>The kinds of items.</summary>
public enum ItemKind
{
    Note,
    /// <summary>Family plan: what we are worried about.</summary>
    Worry,
    /// <summary>Family plan: what is going well.</summary>
    Strength,
    /// <summary>Family plan: a goal, with a target and a scale of 0 to 10.</summary>
    Goal,
    /// <summary>Family plan: an action under a goal, with an owner, a due date and a status.</summary>
    Action,
    /// <summary>Family plan: a version the coordinator published.</summary>
    PlanVersion,
    /// <summary>Family plan: a family member's agreement (or not) with a version.</summary>
    PlanAgreement,
    /// <summary>A file (PDF, image, Office document, plain text) with its versions; the text describes it.</summary>
    Document,
    /// <summary>An appointment: the text is its title; a time, a duration, a place or video link, the people taking part.</summary>
    Appointment,
    /// <summary>A case consultation (casusoverleg): an appointment about some children, with an agenda, attendance and decisions.</summary>
    Consultation,
    /// <summary>Minutes of a consultation (or one of its agenda points), with their own category and audience.</summary>
    Minutes,
}

/// <summary>
/// An item is posted once, on a board of its family, with what the policy decides on: category,
/// subjects (the family members it is about; empty: the family as a whole), author and
/// organisation, audience, and for plan actions who it is assigned to and whether it is for the network.
/// </summary>
public sealed record ItemPosted(
    ItemId ItemId,
    FamilyId FamilyId,
    BoardId BoardId,
    ItemKind Kind,
    UserId AuthorId,
    string AuthorName,
    ActorRole AuthorRole,
    OrganisationId? AuthorOrganisation,
    string? AuthorOrganisationName,
    string Text,
    InformationCategory Category,
    ImmutableArray<PersonId> About,
    Audience Audience,
    ImmutableArray<UserId> AssignedTo,
    bool ForNetwork,
    DateTimeOffset At,
    PlanFields? Plan = null,
    PlanVersionFields? Version = null,
    AgreementFields? Agreement = null,
    ImmutableArray<PersonId> AssignedPersons = default,
    DocumentFile? Document = null,
    AppointmentFields? Appointment = null,
    ConsultationFields? Consultation = null,
    MinutesFields? Minutes = null);

/// <summary>The author corrected the text; the earlier text stays in the item's history.</summary>
public sealed record ItemCorrected(ItemId ItemId, string Text, string? Reason, UserId By, DateTimeOffset At);

/// <summary>The author marked the item as entered in error, with a reason; it stays in the history, struck through.</summary>
public sealed record ItemEnteredInError(ItemId ItemId, string Reason, UserId By, DateTimeOffset At);

/// <summary>The item is shown on another board of the same family as well: linked, never copied.</summary>
public sealed record ItemShownOnBoard(ItemId ItemId, BoardId BoardId, UserId By, DateTimeOffset At);

/// <summary>What the author chose: category, subjects and audience (null: the category's default).</summary>
public sealed record ItemChoices(InformationCategory Category, IReadOnlyList<PersonId> About, Audience? Audience)
{
    public static ItemChoices Default { get; } = new(InformationCategory.General, [], null);
}

/// <summary>A goal's new reading on its scale.</summary>
public sealed record GoalScaled(ItemId ItemId, ScalePoint Point, UserId By, DateTimeOffset At);

/// <summary>An action's new status; dropping it takes a reason.</summary>
public sealed record ActionStatusSet(ItemId ItemId, ActionStatus Status, string? Reason, UserId By, string ByName, DateTimeOffset At);

/// <summary>The author revised a plan item: its text, target, due date, owner, or whether it is for the network.</summary>
public sealed record PlanItemRevised(
    ItemId ItemId, string Text, string? Target, DateOnly? Due, Owner? Owner, bool ForNetwork, UserId By, DateTimeOffset At);

/// <summary>A professional took a family member's proposal into the plan.</summary>
public sealed record ProposalAccepted(ItemId ItemId, UserId By, string ByName, string? Reason, DateTimeOffset At);

/// <summary>A professional declined a family member's proposal, with a reason the proposer sees.</summary>
public sealed record ProposalDeclined(ItemId ItemId, UserId By, string ByName, string Reason, DateTimeOffset At);

/// <summary>The state of a plan item beyond what every item has.</summary>
public sealed record PlanState(
    ItemId? Goal, string? Target, ImmutableArray<ScalePoint> Scales, DateOnly? Due, Owner? Owner,
    ActionStatus? Status, string? StatusReason, ProposalState Proposal, string? ProposalReason)
{
    public static PlanState From(ItemKind kind, PlanFields f) => new(
        f.Goal, f.Target, f.Scale is { } s ? [s] : [], f.Due, f.Owner, kind == ItemKind.Action ? ActionStatus.Open : null, null,
        f.Proposed ? ProposalState.Proposed : ProposalState.None, null);

    public bool InPlan => Proposal is ProposalState.None or ProposalState.Accepted;
}

/// <summary>An item with its own identity and history.</summary>
public sealed record Item(
    ItemId Id, FamilyId FamilyId, ImmutableArray<BoardId> Boards, ItemKind Kind, ItemFacts Facts, string Text,
    bool EnteredInError, DateTimeOffset PostedAt, PlanState? Plan = null, PlanVersionFields? Version = null, AgreementFields? Agreement = null,
    string? AuthorName = null, DocumentFile? Document = null, int DocumentVersion = 0, AppointmentFields? Appointment = null,
    bool Cancelled = false, int Sequence = 0, ConsultationState? Consultation = null, MinutesFields? Minutes = null,
    ImmutableArray<DecidedInConsultation> DecidedIn = default)
{
    public static bool IsPlanContent(ItemKind kind) => kind is ItemKind.Worry or ItemKind.Strength or ItemKind.Goal or ItemKind.Action;

    public const int MaxTextLength = 10_000;
    public const int MaxReasonLength = 1_000;

    public static Item? Evolve(Item? state, object @event) => (state, @event) switch
    {
        (_, ItemPosted e) => new Item(e.ItemId, e.FamilyId, [e.BoardId], e.Kind,
            new ItemFacts(e.Category, e.About.IsDefault ? [] : e.About, e.AuthorId, e.AuthorOrganisation, e.Audience,
                e.AssignedTo.IsDefault ? [] : e.AssignedTo, e.ForNetwork, e.AssignedPersons.IsDefault ? [] : e.AssignedPersons),
            e.Text, false, e.At, e.Plan is { } p ? PlanState.From(e.Kind, p) : null, e.Version, e.Agreement, e.AuthorName,
            e.Document, e.Document is null ? 0 : 1, e.Appointment, Consultation: e.Consultation is { } c ? ConsultationState.New(c) : null,
            Minutes: e.Minutes, DecidedIn: []),
        (null, _) => null,
        (var i, DocumentVersionAdded e) => i with { Document = e.File, DocumentVersion = i.DocumentVersion + 1 },
        (var i, AppointmentChanged e) => i with
        {
            Text = e.Title, Appointment = e.Appointment, Sequence = i.Sequence + 1,
            Consultation = i.Consultation is { } c && e.Consultation is { } fields ? c with { Fields = fields } : i.Consultation,
        },
        (var i, ConsultationResponded e) when i.Consultation is { } c => i with
        {
            Consultation = c with { Responses = [.. c.Responses.Where(r => r.By != e.By), new ConsultationResponse(e.By, e.Person, e.ByName, e.Accepts, e.Comment, e.At)] },
        },
        (var i, AgendaPointAdded e) when i.Consultation is { } c => i with { Consultation = c with { Agenda = c.Agenda.Add(e.Point) } },
        (var i, ConsultationHeld e) when i.Consultation is { } c => i with { Consultation = c with { Held = e } },
        (var i, DecisionRecorded e) when i.Consultation is { } c => i with { Consultation = c with { Decisions = c.Decisions.Add(e.Decision) } },
        (var i, DecidedInConsultation e) => i with { DecidedIn = (i.DecidedIn.IsDefault ? [] : i.DecidedIn).Add(e) },
        (var i, AppointmentCancelled) => i with { Cancelled = true, Sequence = i.Sequence + 1 },
        (var i, ItemCorrected e) => i with { Text = e.Text },
        (var i, GoalScaled e) when i.Plan is { } p => i with { Plan = p with { Scales = p.Scales.Add(e.Point) } },
        (var i, ActionStatusSet e) when i.Plan is { } p => i with { Plan = p with { Status = e.Status, StatusReason = e.Reason } },
        (var i, PlanItemRevised e) when i.Plan is { } p => i with
        {
            Text = e.Text,
            Plan = p with { Target = e.Target, Due = e.Due, Owner = e.Owner },
            Facts = i.Facts with
            {
                ForNetwork = e.ForNetwork,
                AssignedTo = e.Owner?.User is { } u ? [u] : [],
                AssignedPersons = e.Owner?.Person is { } person ? [person] : [],
            },
        },
        (var i, ProposalAccepted e) when i.Plan is { } p => i with { Plan = p with { Proposal = ProposalState.Accepted, ProposalReason = e.Reason } },
        (var i, ProposalDeclined e) when i.Plan is { } p => i with { Plan = p with { Proposal = ProposalState.Declined, ProposalReason = e.Reason } },
        (var i, ItemEnteredInError) => i with { EnteredInError = true },
        (var i, ItemShownOnBoard e) => i.Boards.Contains(e.BoardId) ? i : i with { Boards = i.Boards.Add(e.BoardId) },
        (var i, _) => i,
    };
}

/// <summary>The commands on items. Pure: every decision goes through <see cref="ItemPolicy"/>.</summary>
public static class ItemDecisions
{
    public static IReadOnlyList<object> Post(
        Board board, FamilyOf family, AuthorizationTable table, Actor actor, ItemId id, string text, ItemChoices choices, DateTimeOffset now,
        DocumentFile? document = null, AppointmentFields? appointment = null)
    {
        if (family.Family.Id != board.FamilyId) throw new InvalidOperationException("The family passed in is not the board's family.");
        if (board.Closed) throw new DomainRuleViolation("board.closed");
        if (choices.About.Any(p => family.Family.MemberFor(p) is null)) throw new DomainRuleViolation("item.subject-not-in-family");
        var facts = FactsOf(actor, choices);
        Require(ItemPolicy.Decide(actor, ItemAction.Create, facts, family.Family, family.BirthDates, table, now));
        var trimmed = ValidText(document is not null && string.IsNullOrWhiteSpace(text) ? document.FileName : text);
        if (appointment is not null) Appointments.Validate(appointment, family.Family);
        var kind = document is not null ? ItemKind.Document : appointment is not null ? ItemKind.Appointment : ItemKind.Note;
        return [new ItemPosted(id, board.FamilyId, board.Id, kind, actor.UserId, actor.DisplayName, actor.Role,
            actor.OrganisationId, actor.Organisation, trimmed, facts.Category, facts.About, facts.Audience, [], false, now, AssignedPersons: [],
            Document: document, Appointment: appointment)];
    }

    /// <summary>The facts a new item would have: what the author chose, the category's audience by default.</summary>
    public static ItemFacts FactsOf(Actor author, ItemChoices choices) => new(
        choices.Category, [.. choices.About.Distinct()], author.UserId, author.OrganisationId,
        choices.Audience ?? Audience.DefaultFor(choices.Category));

    public static IReadOnlyList<object> Correct(
        Item item, FamilyOf family, AuthorizationTable table, Actor actor, string text, string? reason, DateTimeOffset now)
    {
        Require(ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, family.Family, family.BirthDates, table, now));
        if (item.EnteredInError) throw new DomainRuleViolation("item.entered-in-error");
        var trimmed = ValidText(text);
        if (reason?.Trim().Length > Item.MaxReasonLength) throw new DomainRuleViolation("item.reason-too-long", ("max", Item.MaxReasonLength));
        return trimmed == item.Text ? [] : [new ItemCorrected(item.Id, trimmed, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor.UserId, now)];
    }

    public static IReadOnlyList<object> MarkEnteredInError(
        Item item, FamilyOf family, AuthorizationTable table, Actor actor, string reason, DateTimeOffset now)
    {
        Require(ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, family.Family, family.BirthDates, table, now));
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleViolation("item.reason-required");
        if (reason.Trim().Length > Item.MaxReasonLength) throw new DomainRuleViolation("item.reason-too-long", ("max", Item.MaxReasonLength));
        return item.EnteredInError ? [] : [new ItemEnteredInError(item.Id, reason.Trim(), actor.UserId, now)];
    }

    /// <summary>Shows the item on another board of its family; who may read it does not change.</summary>
    public static IReadOnlyList<object> ShowOn(
        Item item, Board board, FamilyOf family, AuthorizationTable table, Actor actor, DateTimeOffset now)
    {
        Require(ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, family.Family, family.BirthDates, table, now));
        if (board.FamilyId != item.FamilyId) throw new ResourceNotFound("board");
        if (board.Closed) throw new DomainRuleViolation("board.closed");
        return item.Boards.Contains(board.Id) ? [] : [new ItemShownOnBoard(item.Id, board.Id, actor.UserId, now)];
    }

    internal static void Require(Decision decision)
    {
        if (!decision.KnowsItExists) throw new ResourceNotFound("item");
        if (!decision.Allowed) throw new NotAllowed(decision.Reasons);
    }

    internal static string ValidText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) throw new DomainRuleViolation("item.text-required");
        if (trimmed.Length > Item.MaxTextLength) throw new DomainRuleViolation("item.text-too-long", ("max", Item.MaxTextLength));
        return trimmed;
    }
}
