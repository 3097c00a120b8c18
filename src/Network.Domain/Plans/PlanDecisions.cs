using Network.Domain.Authorization;
using Network.Domain.Boards;
using Network.Domain.Families;
using Network.Domain.Items;
using Network.Domain.Registry;

namespace Network.Domain.Plans;

/// <summary>A new worry, strength, goal or action, as its author wrote it.</summary>
public sealed record NewPlanItem(
    ItemKind Kind, string Text, IReadOnlyList<PersonId> About, string? Target = null, int? Scale = null, DateOnly? ScaleOn = null,
    Item? Goal = null, DateOnly? Due = null, Owner? Owner = null, bool ForNetwork = false);

/// <summary>
/// One family, one plan (1 gezin 1 plan): its worries, strengths, goals and actions are items of
/// the category Plan, decided by <see cref="ItemPolicy"/> like every other item; family members
/// propose (condition 1), a network member sees only the actions assigned to them or marked for
/// the network (condition 2). The coordinator publishes versions; the family agrees to them.
/// </summary>
public static class PlanDecisions
{
    public const int MaxTextLength = 2_000;

    public static IReadOnlyList<object> Add(Board board, FamilyOf f, AuthorizationTable table, Actor actor, ItemId id, NewPlanItem n, DateTimeOffset now)
    {
        var family = f.Family;
        if (board.FamilyId != family.Id) throw new InvalidOperationException("The board is not of this family.");
        if (!Item.IsPlanContent(n.Kind)) throw new DomainRuleViolation("plan.kind");
        if (n.About.Any(p => family.MemberFor(p) is null)) throw new DomainRuleViolation("item.subject-not-in-family");
        var about = n.About.Distinct().ToList();
        if (n.Kind == ItemKind.Action)
        {
            if (n.Goal is not { Kind: ItemKind.Goal } goal || goal.FamilyId != family.Id) throw new DomainRuleViolation("plan.action-needs-goal");
            if (goal.EnteredInError || goal.Plan?.Proposal == ProposalState.Declined) throw new DomainRuleViolation("plan.goal-closed");
            if (about.Count == 0) about = [.. goal.Facts.About];
        }
        ValidOwner(family, n.Owner);
        if (n.Kind != ItemKind.Goal && (n.Target is not null || n.Scale is not null)) throw new DomainRuleViolation("plan.goal-fields");
        if (n.Kind != ItemKind.Action && (n.Due is not null || n.Owner is not null)) throw new DomainRuleViolation("plan.action-fields");

        var facts = new ItemFacts(InformationCategory.Plan, [.. about], actor.UserId, actor.OrganisationId, Audience.Everyone,
            n.Owner?.User is { } u ? [u] : [], n.ForNetwork, n.Owner?.Person is { } p2 ? [p2] : []);
        Require(ItemPolicy.Decide(actor, ItemAction.Create, facts, family, f.BirthDates, table, now));
        var text = ValidText(n.Text);
        var scale = n.Scale is { } s ? new ScalePoint(ValidScore(s), ValidDay(n.ScaleOn ?? Today(now), now), actor.DisplayName) : null;
        var proposed = ItemPolicy.OnlyProposes(actor, facts, family, f.BirthDates, table, now);
        return [new ItemPosted(id, family.Id, board.Id, n.Kind, actor.UserId, actor.DisplayName, actor.Role, actor.OrganisationId,
            actor.Organisation, text, InformationCategory.Plan, facts.About, facts.Audience, facts.AssignedTo, n.ForNetwork, now,
            new PlanFields(n.Goal?.Id, Trimmed(n.Target), scale, n.Due, n.Owner, proposed), AssignedPersons: facts.AssignedPersons)];
    }

    /// <summary>"Where are we now" on a goal's scale: anyone who may add to the plan about it, family members included.</summary>
    public static IReadOnlyList<object> Scale(Item goal, FamilyOf f, AuthorizationTable table, Actor actor, int score, DateOnly on, DateTimeOffset now)
    {
        RequireOpen(goal, ItemKind.Goal);
        Require(ItemPolicy.Decide(actor, ItemAction.Read, goal.Facts, f.Family, f.BirthDates, table, now));
        Require(ItemPolicy.Decide(actor, ItemAction.Create, goal.Facts with { Author = UserId.New() }, f.Family, f.BirthDates, table, now));
        return [new GoalScaled(goal.Id, new ScalePoint(ValidScore(score), ValidDay(on, now), actor.DisplayName), actor.UserId, now)];
    }

    /// <summary>An action's status: its owner, its author, or a professional who writes the plan about it.</summary>
    public static IReadOnlyList<object> SetStatus(Item action, FamilyOf f, AuthorizationTable table, Actor actor, ActionStatus status, string? reason, DateTimeOffset now)
    {
        RequireOpen(action, ItemKind.Action);
        Require(ItemPolicy.Decide(actor, ItemAction.Read, action.Facts, f.Family, f.BirthDates, table, now));
        var owner = action.Facts.IsAssignedTo(actor);
        var author = action.Facts.Author == actor.UserId;
        var writes = ItemPolicy.Decide(actor, ItemAction.Create, action.Facts with { Author = UserId.New() }, f.Family, f.BirthDates, table, now).Allowed
            && !ItemPolicy.OnlyProposes(actor, action.Facts, f.Family, f.BirthDates, table, now);
        if (!owner && !author && !writes) throw new NotAllowed("plan.status-not-yours");
        if (!Enum.IsDefined(status)) throw new DomainRuleViolation("plan.status-unknown");
        if (status == ActionStatus.Dropped && string.IsNullOrWhiteSpace(reason)) throw new DomainRuleViolation("plan.drop-needs-reason");
        if (action.Plan!.Status == status && Trimmed(reason) == action.Plan.StatusReason) return [];
        return [new ActionStatusSet(action.Id, status, Trimmed(reason), actor.UserId, actor.DisplayName, now)];
    }

    /// <summary>The author revises their own plan item (condition 1: never what someone else wrote).</summary>
    public static IReadOnlyList<object> Revise(
        Item item, FamilyOf f, AuthorizationTable table, Actor actor, string text, string? target, DateOnly? due, Owner? owner, bool forNetwork, DateTimeOffset now)
    {
        if (item.Plan is null || item.EnteredInError) throw new DomainRuleViolation("plan.not-a-plan-item");
        var facts = item.Facts with
        {
            ForNetwork = forNetwork, AssignedTo = owner?.User is { } u ? [u] : [], AssignedPersons = owner?.Person is { } p ? [p] : [],
        };
        Require(ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, f.Family, f.BirthDates, table, now));
        Require(ItemPolicy.Decide(actor, ItemAction.Correct, facts, f.Family, f.BirthDates, table, now));
        ValidOwner(f.Family, owner);
        if (item.Kind != ItemKind.Goal && target is not null) throw new DomainRuleViolation("plan.goal-fields");
        if (item.Kind != ItemKind.Action && (due is not null || owner is not null)) throw new DomainRuleViolation("plan.action-fields");
        var revised = new PlanItemRevised(item.Id, ValidText(text), Trimmed(target), due, owner, forNetwork, actor.UserId, now);
        var unchanged = revised.Text == item.Text && revised.Target == item.Plan.Target && due == item.Plan.Due && owner == item.Plan.Owner
            && forNetwork == item.Facts.ForNetwork;
        return unchanged ? [] : [revised];
    }

    /// <summary>A professional who writes the plan takes a family member's proposal into it.</summary>
    public static IReadOnlyList<object> Accept(Item item, FamilyOf f, AuthorizationTable table, Actor actor, string? reason, DateTimeOffset now)
    {
        RequireProfessionalWriter(item, f, table, actor, now);
        return [new ProposalAccepted(item.Id, actor.UserId, actor.DisplayName, Trimmed(reason), now)];
    }

    /// <summary>A professional who writes the plan declines a proposal, with a reason the proposer sees.</summary>
    public static IReadOnlyList<object> Decline(Item item, FamilyOf f, AuthorizationTable table, Actor actor, string reason, DateTimeOffset now)
    {
        RequireProfessionalWriter(item, f, table, actor, now);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleViolation("plan.decline-needs-reason");
        return [new ProposalDeclined(item.Id, actor.UserId, actor.DisplayName, reason.Trim(), now)];
    }

    /// <summary>
    /// The coordinator publishes what the plan holds now (proposals and items entered in error
    /// left out) as the next version; a version that changes nothing is refused.
    /// </summary>
    public static IReadOnlyList<object> Publish(
        Board board, FamilyOf f, AuthorizationTable table, Actor actor, ItemId id, IEnumerable<(Item Item, long Version)> plan,
        PlanVersionFields? previous, DateTimeOffset now)
    {
        var family = f.Family;
        var onFamily = Standings.OnFamily(family, actor, f.BirthDates, now);
        if (!onFamily.Exists) throw new ResourceNotFound("plan");
        if (family.Coordinator != actor.UserId) throw new NotAllowed("plan.coordinator-publishes");
        var facts = new ItemFacts(InformationCategory.Plan, [], actor.UserId, actor.OrganisationId, Audience.Everyone);
        Require(ItemPolicy.Decide(actor, ItemAction.Create, facts, family, f.BirthDates, table, now));
        var entries = plan
            .Where(p => Item.IsPlanContent(p.Item.Kind) && p.Item.Plan is { InPlan: true } && !p.Item.EnteredInError && p.Item.FamilyId == family.Id)
            .OrderBy(p => p.Item.PostedAt)
            .Select(p => new PlanEntry(p.Item.Id, p.Version, p.Item.Kind, p.Item.Text, p.Item.Plan!.Goal, p.Item.Plan.Status,
                p.Item.Plan.Scales.IsDefaultOrEmpty ? null : p.Item.Plan.Scales[^1].Score))
            .ToImmutableArray();
        var number = (previous?.Number ?? 0) + 1;
        var version = new PlanVersionFields(number, entries);
        var diff = PlanDiff.Between(previous, version);
        if (previous is not null && diff.Added.IsEmpty && diff.Changed.IsEmpty && diff.Closed.IsEmpty && diff.Removed.IsEmpty)
            throw new DomainRuleViolation("plan.nothing-changed");
        if (previous is null && entries.IsEmpty) throw new DomainRuleViolation("plan.empty");
        return [new ItemPosted(id, family.Id, board.Id, ItemKind.PlanVersion, actor.UserId, actor.DisplayName, actor.Role, actor.OrganisationId,
            actor.Organisation, $"{number}", InformationCategory.Plan, [], Audience.Everyone, [], false, now, Version: version, AssignedPersons: [])];
    }

    /// <summary>A family member whose agreement counts agrees, or not, with a version, with a comment.</summary>
    public static IReadOnlyList<object> Agree(
        Board board, FamilyOf f, AuthorizationTable table, Actor actor, ItemId id, Item version, bool agrees, string? comment, DateTimeOffset now)
    {
        var family = f.Family;
        if (version is not { Kind: ItemKind.PlanVersion, Version: { } fields } || version.FamilyId != family.Id) throw new ResourceNotFound("version");
        Require(ItemPolicy.Decide(actor, ItemAction.Read, version.Facts, family, f.BirthDates, table, now));
        if (actor.PersonId is not { } me || !Agreements.Counts(family, me, f.BirthDates, DateOnly.FromDateTime(now.UtcDateTime)))
            throw new NotAllowed("plan.agreement-not-yours");
        if (comment?.Trim().Length > MaxTextLength) throw new DomainRuleViolation("item.text-too-long", ("max", MaxTextLength));
        var facts = new ItemFacts(InformationCategory.Plan, [me], actor.UserId, actor.OrganisationId, Audience.Everyone);
        Require(ItemPolicy.Decide(actor, ItemAction.Create, facts, family, f.BirthDates, table, now));
        return [new ItemPosted(id, family.Id, board.Id, ItemKind.PlanAgreement, actor.UserId, actor.DisplayName, actor.Role, actor.OrganisationId,
            actor.Organisation, Trimmed(comment) ?? "", InformationCategory.Plan, [me], Audience.Everyone, [], false, now,
            Agreement: new AgreementFields(fields.Number, agrees, Trimmed(comment)), AssignedPersons: [])];
    }

    private static void RequireProfessionalWriter(Item item, FamilyOf f, AuthorizationTable table, Actor actor, DateTimeOffset now)
    {
        Require(ItemPolicy.Decide(actor, ItemAction.Read, item.Facts, f.Family, f.BirthDates, table, now));
        if (item.Plan?.Proposal != ProposalState.Proposed) throw new DomainRuleViolation("plan.not-a-proposal");
        var asNew = item.Facts with { Author = actor.UserId };
        Require(ItemPolicy.Decide(actor, ItemAction.Create, asNew, f.Family, f.BirthDates, table, now));
        if (ItemPolicy.OnlyProposes(actor, asNew, f.Family, f.BirthDates, table, now)) throw new NotAllowed("plan.professionals-decide");
    }

    private static void RequireOpen(Item item, ItemKind kind)
    {
        if (item.Kind != kind || item.Plan is null) throw new DomainRuleViolation(kind == ItemKind.Goal ? "plan.not-a-goal" : "plan.not-an-action");
        if (item.EnteredInError || item.Plan.Proposal == ProposalState.Declined) throw new DomainRuleViolation("plan.goal-closed");
    }

    private static void ValidOwner(Family family, Owner? owner)
    {
        if (owner is null) return;
        var known = owner.Person is { } p ? family.MemberFor(p) is not null : owner.User is { } u && family.ProfessionalFor(u) is not null;
        if (!known || owner.Person is not null && owner.User is not null || string.IsNullOrWhiteSpace(owner.Name))
            throw new DomainRuleViolation("plan.owner-not-in-family");
    }

    private static void Require(Decision decision)
    {
        if (!decision.KnowsItExists) throw new ResourceNotFound("item");
        if (!decision.Allowed) throw new NotAllowed(decision.Reasons);
    }

    private static string ValidText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) throw new DomainRuleViolation("item.text-required");
        if (trimmed.Length > MaxTextLength) throw new DomainRuleViolation("item.text-too-long", ("max", MaxTextLength));
        return trimmed;
    }

    private static int ValidScore(int score) => score is >= 0 and <= 10 ? score : throw new DomainRuleViolation("plan.scale-range");

    private static DateOnly ValidDay(DateOnly on, DateTimeOffset now) => on <= Today(now) ? on : throw new DomainRuleViolation("plan.scale-in-future");

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Whose agreement with the plan counts: parents with gezag of a child under 16, and every youth from 12.</summary>
public static class Agreements
{
    public static bool Counts(Family family, PersonId person, IReadOnlyDictionary<PersonId, DateOnly> birthDates, DateOnly day)
    {
        var member = family.MemberFor(person);
        if (member is null) return false;
        if (member.Relation == Relation.Child) return Person.AgeOn(birthDates.GetValueOrDefault(person), day) >= 12;
        return family.Children.Any(c => family.HasAuthority(person, c, day) && Person.AgeOn(birthDates.GetValueOrDefault(c), day) < 16);
    }

    /// <summary>Everyone whose agreement counts on a day.</summary>
    public static IEnumerable<PersonId> Who(Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, DateOnly day) =>
        family.Members.Select(m => m.PersonId).Where(p => Counts(family, p, birthDates, day));
}
