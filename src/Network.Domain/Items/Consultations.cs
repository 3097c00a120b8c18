using Network.Domain.Authorization;
using Network.Domain.Boards;
using Network.Domain.Families;
using Network.Domain.Plans;
using Network.Domain.Registry;

namespace Network.Domain.Items;

/// <summary>
/// What a case consultation adds to an appointment: the children it is about and, when a parent or
/// carer of the household is not invited, the reason, which the family can read later.
/// </summary>
public sealed record ConsultationFields(ImmutableArray<PersonId> Children, string? FamilyLeftOutReason);

/// <summary>
/// A point on a consultation's agenda, with the facts the table decides on (category and the
/// children it is about): a reader without the right to that category about those children does not
/// see it. <see cref="PlanItem"/>: the goal or action it came from.
/// </summary>
public sealed record AgendaPoint(
    Guid Id, string Text, InformationCategory Category, ImmutableArray<PersonId> About, ItemId? PlanItem, UserId By, string ByName, DateTimeOffset At);

/// <summary>What a decision does to the family plan.</summary>
public enum DecisionEffect
{
    /// <summary>Only recorded.</summary>
    None,
    NewAction,
    ChangedAction,
    NewGoal,
}

/// <summary>A decision taken in a consultation: on the plan category, about the children of the plan item it made or changed.</summary>
public sealed record ConsultationDecision(
    Guid Id, Guid? AgendaPoint, string Text, ImmutableArray<PersonId> About, DecisionEffect Effect, ItemId? PlanItem,
    UserId By, string ByName, DateTimeOffset At);

/// <summary>A participant accepted or declined the invitation.</summary>
public sealed record ConsultationResponded(ItemId ItemId, UserId By, PersonId? Person, string ByName, bool Accepts, string? Comment, DateTimeOffset At);

public sealed record AgendaPointAdded(ItemId ItemId, AgendaPoint Point);

/// <summary>The consultation took place; who was there.</summary>
public sealed record ConsultationHeld(ItemId ItemId, ImmutableArray<PersonId> Persons, ImmutableArray<UserId> Users, UserId By, string ByName, DateTimeOffset At);

public sealed record DecisionRecorded(ItemId ItemId, ConsultationDecision Decision);

/// <summary>On a plan goal or action: it was made or changed by a decision of a consultation on a day.</summary>
public sealed record DecidedInConsultation(ItemId ItemId, ItemId Consultation, Guid Decision, DateOnly On, UserId By, DateTimeOffset At);

/// <summary>Minutes: an item of its own (category and audience within the table), for a consultation and one of its agenda points.</summary>
public sealed record MinutesFields(ItemId Consultation, Guid? AgendaPoint);

/// <summary>One answer to an invitation, as the consultation keeps it.</summary>
public sealed record ConsultationResponse(UserId By, PersonId? Person, string ByName, bool Accepts, string? Comment, DateTimeOffset At);

/// <summary>A consultation's state beyond the appointment it also is.</summary>
public sealed record ConsultationState(
    ConsultationFields Fields, ImmutableArray<ConsultationResponse> Responses, ImmutableArray<AgendaPoint> Agenda,
    ConsultationHeld? Held, ImmutableArray<ConsultationDecision> Decisions)
{
    public static ConsultationState New(ConsultationFields fields) => new(fields, [], [], null, []);
}

/// <summary>What a decision asks of the plan.</summary>
public sealed record DecisionRequest(
    string Text, Guid? AgendaPoint, DecisionEffect Effect, Item? Goal = null, Item? Action = null, string? ItemText = null,
    DateOnly? Due = null, Owner? Owner = null, IReadOnlyList<PersonId>? About = null, string? Target = null);

/// <summary>
/// Case consultations (casusoverleg, MDO): an appointment on a family board, about some of the
/// family's children, with the family invited unless a reason says why not. Its agenda points,
/// decisions and minutes each carry the facts the table decides on, so a participant without
/// standing on a child never sees that child's points. Decisions make or change plan goals and
/// actions through <see cref="PlanDecisions"/>, linked both ways.
/// </summary>
public static class Consultations
{
    public const int MaxAgendaPoints = 50;
    public const int MaxDecisions = 50;

    /// <summary>The facts of the consultation itself: general, about the family as a whole, so every participant can read it.</summary>
    public static ItemFacts FactsOf(Actor organiser) =>
        new(InformationCategory.General, [], organiser.UserId, organiser.OrganisationId, Audience.Everyone);

    public static ItemFacts FactsOf(AgendaPoint point) =>
        new(point.Category, point.About, point.By, null, Audience.DefaultFor(point.Category));

    public static ItemFacts FactsOf(ConsultationDecision decision) =>
        new(InformationCategory.Plan, decision.About, decision.By, null, Audience.Everyone);

    /// <summary>Schedules a consultation: a professional who may write on the board; they take part themselves.</summary>
    public static IReadOnlyList<object> Schedule(
        Board board, FamilyOf f, AuthorizationTable table, Actor actor, ItemId id, string title, AppointmentFields when,
        ConsultationFields fields, DateTimeOffset now)
    {
        var family = f.Family;
        if (family.Id != board.FamilyId) throw new InvalidOperationException("The family passed in is not the board's family.");
        if (board.Closed) throw new DomainRuleViolation("board.closed");
        if (!actor.IsProfessional) throw new NotAllowed("consultation.professionals-schedule");
        var facts = FactsOf(actor);
        ItemDecisions.Require(ItemPolicy.Decide(actor, ItemAction.Create, facts, family, f.BirthDates, table, now));
        var text = ItemDecisions.ValidText(title);
        // The organiser takes part, when in the network.
        if (family.ProfessionalFor(actor.UserId) is not null && !when.Users.Contains(actor.UserId)) when = when with { Users = [actor.UserId, .. when.Users] };
        var valid = Validate(when, fields, family, now);
        return [new ItemPosted(id, family.Id, board.Id, ItemKind.Consultation, actor.UserId, actor.DisplayName, actor.Role,
            actor.OrganisationId, actor.Organisation, text, facts.Category, [], facts.Audience, [], false, now, AssignedPersons: [],
            Appointment: when, Consultation: valid)];
    }

    /// <summary>The household's parents and carers: invited by default; leaving one out takes a reason.</summary>
    public static IEnumerable<PersonId> Household(Family family) => family.Members
        .Where(m => m.Relation is Relation.Parent or Relation.StepParent or Relation.FosterParent).Select(m => m.PersonId);

    private static ConsultationFields Validate(AppointmentFields when, ConsultationFields fields, Family family, DateTimeOffset now)
    {
        Appointments.Validate(when, family);
        var children = fields.Children.IsDefault ? [] : fields.Children.Distinct().ToImmutableArray();
        if (children.IsEmpty) throw new DomainRuleViolation("consultation.children-required");
        if (children.Any(c => family.MemberFor(c)?.Relation != Relation.Child)) throw new DomainRuleViolation("consultation.child-not-in-family");
        if (when.Users.IsEmpty) throw new DomainRuleViolation("consultation.professionals-required");
        var reason = string.IsNullOrWhiteSpace(fields.FamilyLeftOutReason) ? null : fields.FamilyLeftOutReason.Trim();
        if (reason?.Length > Item.MaxReasonLength) throw new DomainRuleViolation("item.reason-too-long", ("max", Item.MaxReasonLength));
        var leftOut = Household(family).Any(p => !when.Persons.Contains(p));
        if (leftOut && reason is null) throw new DomainRuleViolation("consultation.family-left-out-needs-reason");
        return new ConsultationFields(children, leftOut ? reason : null);
    }

    /// <summary>The organiser moves or changes it: the same UID, one step further in its sequence.</summary>
    public static IReadOnlyList<object> Change(
        Item item, FamilyOf f, AuthorizationTable table, Actor actor, string title, AppointmentFields when, ConsultationFields fields, DateTimeOffset now)
    {
        var c = Open(item, f, table, actor, now);
        RequireOrganiser(item, f.Family, actor);
        var text = ItemDecisions.ValidText(title);
        var valid = Validate(when, fields, f.Family, now);
        var same = text == item.Text && Appointments.Same(when, item.Appointment!)
            && valid.Children.SequenceEqual(c.Fields.Children) && valid.FamilyLeftOutReason == c.Fields.FamilyLeftOutReason;
        return same ? [] : [new AppointmentChanged(item.Id, text, when, actor.UserId, actor.DisplayName, now, valid)];
    }

    public static IReadOnlyList<object> Cancel(Item item, FamilyOf f, AuthorizationTable table, Actor actor, string? reason, DateTimeOffset now)
    {
        Require(item, f, table, actor, now);
        RequireOrganiser(item, f.Family, actor);
        if (reason?.Trim().Length > Item.MaxReasonLength) throw new DomainRuleViolation("item.reason-too-long", ("max", Item.MaxReasonLength));
        if (item.Consultation!.Held is not null) throw new DomainRuleViolation("consultation.held");
        return item.Cancelled ? [] : [new AppointmentCancelled(item.Id, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor.UserId, actor.DisplayName, now)];
    }

    /// <summary>A participant accepts or declines; a later answer replaces an earlier one.</summary>
    public static IReadOnlyList<object> Respond(Item item, FamilyOf f, AuthorizationTable table, Actor actor, bool accepts, string? comment, DateTimeOffset now)
    {
        var c = Open(item, f, table, actor, now);
        if (!IsParticipant(item, actor)) throw new NotAllowed("consultation.not-invited");
        if (comment?.Trim().Length > Item.MaxReasonLength) throw new DomainRuleViolation("item.reason-too-long", ("max", Item.MaxReasonLength));
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var last = c.Responses.LastOrDefault(r => r.By == actor.UserId);
        if (last is not null && last.Accepts == accepts && last.Comment == trimmed) return [];
        return [new ConsultationResponded(item.Id, actor.UserId, actor.PersonId, actor.DisplayName, accepts, trimmed, now)];
    }

    /// <summary>
    /// Anyone invited (the family included), the organiser and the coordinator add a point
    /// beforehand: only what the table lets them write about those children, and only about the
    /// consultation's children.
    /// </summary>
    public static IReadOnlyList<object> AddPoint(
        Item item, FamilyOf f, AuthorizationTable table, Actor actor, Guid pointId, string text, InformationCategory category,
        IReadOnlyList<PersonId> about, Item? planItem, DateTimeOffset now)
    {
        var c = Open(item, f, table, actor, now);
        if (!IsParticipant(item, actor) && !IsOrganiser(item, f.Family, actor)) throw new NotAllowed("consultation.not-invited");
        if (c.Held is not null) throw new DomainRuleViolation("consultation.held");
        if (c.Agenda.Length >= MaxAgendaPoints) throw new DomainRuleViolation("consultation.agenda-full", ("max", MaxAgendaPoints));
        var children = about.Distinct().ToImmutableArray();
        if (children.Any(p => !c.Fields.Children.Contains(p))) throw new DomainRuleViolation("consultation.point-not-about-its-children");
        if (planItem is not null)
        {
            if (planItem.FamilyId != item.FamilyId || planItem.Plan is null) throw new ResourceNotFound("item");
            ItemDecisions.Require(ItemPolicy.Decide(actor, ItemAction.Read, planItem.Facts, f.Family, f.BirthDates, table, now));
        }
        var point = new AgendaPoint(pointId, ItemDecisions.ValidText(text), category, children, planItem?.Id, actor.UserId, actor.DisplayName, now);
        // A point of one's own: written in its category about its children, as the table allows. A
        // point from the plan (read above) takes the right to write general items about them.
        ItemDecisions.Require(ItemPolicy.Decide(actor, ItemAction.Create,
            planItem is null ? FactsOf(point) : new ItemFacts(InformationCategory.General, children, actor.UserId, actor.OrganisationId, Audience.Everyone),
            f.Family, f.BirthDates, table, now));
        return [new AgendaPointAdded(item.Id, point)];
    }

    /// <summary>
    /// The agenda proposed from the plan: the open goals about the consultation's children and the
    /// actions past their due date, each once, in the plan's order; what the actor may not read is
    /// not proposed.
    /// </summary>
    public static IReadOnlyList<Item> Proposed(Item item, FamilyOf f, AuthorizationTable table, Actor actor, IEnumerable<Item> plan, DateTimeOffset now)
    {
        var c = item.Consultation ?? throw new DomainRuleViolation("consultation.not-a-consultation");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var already = c.Agenda.Select(p => p.PlanItem).OfType<ItemId>().ToHashSet();
        return [.. plan
            .Where(p => p.FamilyId == item.FamilyId && !p.EnteredInError && p.Plan is { InPlan: true } && !already.Contains(p.Id))
            .Where(p => p.Kind == ItemKind.Goal
                || p.Kind == ItemKind.Action && p.Plan!.Due < today && p.Plan.Status is ActionStatus.Open or ActionStatus.InProgress)
            .Where(p => p.Facts.About.IsEmpty || p.Facts.About.Any(c.Fields.Children.Contains))
            .Where(p => ItemPolicy.Decide(actor, ItemAction.Read, p.Facts, f.Family, f.BirthDates, table, now).Allowed)
            .OrderBy(p => p.PostedAt)];
    }

    /// <summary>The organiser or coordinator records that it took place, and who was there (participants only).</summary>
    public static IReadOnlyList<object> Hold(
        Item item, FamilyOf f, AuthorizationTable table, Actor actor, IReadOnlyList<PersonId> persons, IReadOnlyList<UserId> users, DateTimeOffset now)
    {
        var c = Open(item, f, table, actor, now);
        RequireOrganiser(item, f.Family, actor);
        var a = item.Appointment!;
        if (persons.Any(p => !a.Persons.Contains(p)) || users.Any(u => !a.Users.Contains(u))) throw new DomainRuleViolation("consultation.present-not-invited");
        if (a.Start > now) throw new DomainRuleViolation("consultation.not-started");
        var held = new ConsultationHeld(item.Id, [.. persons.Distinct()], [.. users.Distinct()], actor.UserId, actor.DisplayName, now);
        return c.Held is { } h && h.Persons.SequenceEqual(held.Persons) && h.Users.SequenceEqual(held.Users) ? [] : [held];
    }

    /// <summary>
    /// A decision: recorded on the consultation, and when it makes or changes a plan goal or action,
    /// that item's own events (decided by <see cref="PlanDecisions"/>, so the table applies as on the
    /// plan page) and the link back. The organiser or the coordinator records decisions.
    /// </summary>
    public static (IReadOnlyList<object> OnConsultation, ItemId? PlanItem, IReadOnlyList<object> OnPlanItem) Decide(
        Item item, Board board, FamilyOf f, AuthorizationTable table, Actor actor, Guid decisionId, ItemId newItem, DecisionRequest r, DateTimeOffset now)
    {
        var c = Open(item, f, table, actor, now);
        RequireOrganiser(item, f.Family, actor);
        if (c.Decisions.Length >= MaxDecisions) throw new DomainRuleViolation("consultation.decisions-full", ("max", MaxDecisions));
        if (r.AgendaPoint is { } point && c.Agenda.All(p => p.Id != point)) throw new DomainRuleViolation("consultation.point-unknown");
        var text = ItemDecisions.ValidText(r.Text);
        IReadOnlyList<object> plan;
        ItemId? target;
        switch (r.Effect)
        {
            case DecisionEffect.None:
                (plan, target) = ([], null);
                break;
            case DecisionEffect.NewAction:
                plan = PlanDecisions.Add(board, f, table, actor, newItem,
                    new NewPlanItem(ItemKind.Action, r.ItemText ?? text, r.About ?? [], Goal: r.Goal, Due: r.Due, Owner: r.Owner), now);
                target = newItem;
                break;
            case DecisionEffect.NewGoal:
                plan = PlanDecisions.Add(board, f, table, actor, newItem,
                    new NewPlanItem(ItemKind.Goal, r.ItemText ?? text, r.About ?? [.. c.Fields.Children], Target: r.Target), now);
                target = newItem;
                break;
            case DecisionEffect.ChangedAction:
                var action = r.Action is { Kind: ItemKind.Action } a && a.FamilyId == item.FamilyId ? a : throw new DomainRuleViolation("plan.not-an-action");
                plan = PlanDecisions.Revise(action, f, table, actor, r.ItemText ?? action.Text, action.Plan!.Target, r.Due ?? action.Plan.Due,
                    r.Owner ?? action.Plan.Owner, action.Facts.ForNetwork, now);
                target = action.Id;
                break;
            default:
                throw new DomainRuleViolation("consultation.decision-effect");
        }
        if (plan.OfType<ItemPosted>().Any(p => p.Plan?.Proposed == true)) throw new NotAllowed("plan.professionals-decide");
        var about = plan.OfType<ItemPosted>().FirstOrDefault()?.About
            ?? (r.Action is { } changed ? changed.Facts.About : [.. c.Fields.Children]);
        var decision = new ConsultationDecision(decisionId, r.AgendaPoint, text, about, r.Effect, target, actor.UserId, actor.DisplayName, now);
        var link = target is { } t ? new DecidedInConsultation(t, item.Id, decisionId, DateOnly.FromDateTime(item.Appointment!.Start.UtcDateTime), actor.UserId, now) : null;
        return ([new DecisionRecorded(item.Id, decision)], target, link is null ? plan : [.. plan, link]);
    }

    /// <summary>
    /// Minutes of a consultation (for one agenda point, or all of it): an item posted on the board,
    /// with the category, children and audience its author chooses within the table; the organiser,
    /// the coordinator or a professional taking part writes them.
    /// </summary>
    public static IReadOnlyList<object> Minutes(
        Item item, Board board, FamilyOf f, AuthorizationTable table, Actor actor, ItemId id, string text, ItemChoices choices, Guid? agendaPoint, DateTimeOffset now)
    {
        var c = Open(item, f, table, actor, now);
        if (!IsOrganiser(item, f.Family, actor) && !(actor.IsProfessional && IsParticipant(item, actor))) throw new NotAllowed("consultation.minutes-by-participants");
        if (agendaPoint is { } p && c.Agenda.All(a => a.Id != p)) throw new DomainRuleViolation("consultation.point-unknown");
        if (choices.About.Any(child => !c.Fields.Children.Contains(child))) throw new DomainRuleViolation("consultation.point-not-about-its-children");
        var posted = ItemDecisions.Post(board, f, table, actor, id, text, choices, now);
        return [.. posted.OfType<ItemPosted>().Select(e => e with { Kind = ItemKind.Minutes, Minutes = new MinutesFields(item.Id, agendaPoint) })];
    }

    public static bool IsParticipant(Item item, Actor actor) => item.Appointment is { } a && IsParticipant(a, actor);

    /// <summary>Invited: a professional by account, a family member by person.</summary>
    public static bool IsParticipant(AppointmentFields a, Actor actor) =>
        a.Users.Contains(actor.UserId) || actor.PersonId is { } p && a.Persons.Contains(p);

    public static bool IsOrganiser(Item item, Family family, Actor actor) => IsOrganiser(item.Facts.Author, family, actor);

    /// <summary>Who manages a consultation: the one who scheduled it, or the family's coordinator while in its network.</summary>
    public static bool IsOrganiser(UserId author, Family family, Actor actor) =>
        author == actor.UserId || family.Coordinator == actor.UserId && family.ProfessionalFor(actor.UserId) is not null;

    private static void RequireOrganiser(Item item, Family family, Actor actor)
    {
        if (!IsOrganiser(item, family, actor)) throw new NotAllowed("consultation.organiser-only");
    }

    private static ConsultationState Require(Item item, FamilyOf f, AuthorizationTable table, Actor actor, DateTimeOffset now)
    {
        ItemDecisions.Require(ItemPolicy.Decide(actor, ItemAction.Read, item.Facts, f.Family, f.BirthDates, table, now));
        if (item.Kind != ItemKind.Consultation || item.Consultation is null) throw new DomainRuleViolation("consultation.not-a-consultation");
        return item.Consultation;
    }

    private static ConsultationState Open(Item item, FamilyOf f, AuthorizationTable table, Actor actor, DateTimeOffset now)
    {
        var c = Require(item, f, table, actor, now);
        if (item.Cancelled || item.EnteredInError) throw new DomainRuleViolation("appointment.cancelled");
        return c;
    }

    /// <summary>Whether a reader sees an agenda point or decision: the table on its own facts.</summary>
    public static bool Sees(Actor reader, ItemFacts facts, FamilyOf f, AuthorizationTable table, DateTimeOffset now, StandingMemo? memo = null) =>
        ItemPolicy.Decide(reader, ItemAction.Read, facts, f.Family, f.BirthDates, table, now, memo).Allowed;
}
