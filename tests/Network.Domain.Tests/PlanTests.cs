namespace Network.Domain.Tests;

/// <summary>
/// The family plan on a family with a mother with gezag, a father without, Tess (14), Sem (16) and
/// an aunt in the network; the buurtteam coordinates with consent for both children.
/// </summary>
public sealed class PlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Mother = PersonId.New(), Father = PersonId.New(), Tess = PersonId.New(), Sem = PersonId.New(), Aunt = PersonId.New();
    private static readonly Dictionary<PersonId, DateOnly> Born = new() { [Tess] = new DateOnly(2012, 6, 1), [Sem] = new DateOnly(2010, 1, 1) };
    private static readonly Actor Fatima = new(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, OrganisationId.New(), "Buurtteam");
    private static readonly Actor Jeroen = new(UserId.New(), "Jeroen", ActorRole.YouthCare, OrganisationId.New(), "De Brug");
    private static readonly Actor Sanne = new(UserId.New(), "Sanne", ActorRole.Parent, PersonId: Mother);
    private static readonly Actor Kees = new(UserId.New(), "Kees", ActorRole.Parent, PersonId: Father);
    private static readonly Actor TessHerself = new(UserId.New(), "Tess", ActorRole.Youth, PersonId: Tess);
    private static readonly Actor SemHimself = new(UserId.New(), "Sem", ActorRole.Youth, PersonId: Sem);
    private static readonly Actor Auntie = new(UserId.New(), "Tante Ria", ActorRole.NetworkMember, PersonId: Aunt);

    private static (FamilyOf Family, Board Board) Given()
    {
        var f = FamilyDecisions.Register(FamilyId.New(), "Gezin Plan", Fatima, Now.AddDays(-10)).Aggregate((Family?)null, Family.Evolve)!;
        Family Do(Func<FamilyOf, IReadOnlyList<object>> d) => f = d(new FamilyOf(f, Born)).Aggregate(f, (s, e) => Family.Evolve(s, e)!);
        Do(x => FamilyDecisions.AddMember(x, Fatima, Mother, Relation.Parent, Now));
        Do(x => FamilyDecisions.AddMember(x, Fatima, Father, Relation.Parent, Now));
        Do(x => FamilyDecisions.AddMember(x, Fatima, Aunt, Relation.NetworkMember, Now));
        foreach (var child in new[] { Tess, Sem })
        {
            Do(x => FamilyDecisions.AddMember(x, Fatima, child, Relation.Child, Now));
            Do(x => FamilyDecisions.RecordAuthority(x, Fatima, Mother, child, Born[child], Now));
        }
        Do(x => FamilyDecisions.InviteProfessional(x, Fatima, Jeroen, MembershipBasis.Consent, [Tess], Now));
        Do(x => FamilyDecisions.GiveConsent(x, Sanne, Fatima.UserId, Tess, Now));
        Do(x => FamilyDecisions.GiveConsent(x, TessHerself, Fatima.UserId, Tess, Now));
        Do(x => FamilyDecisions.GiveConsent(x, SemHimself, Fatima.UserId, Sem, Now));
        Do(x => FamilyDecisions.GiveConsent(x, Sanne, Jeroen.UserId, Tess, Now));
        Do(x => FamilyDecisions.GiveConsent(x, TessHerself, Jeroen.UserId, Tess, Now));
        return (new FamilyOf(f, Born), Board.Evolve(null, new BoardOpened(BoardId.New(), f.Id, "Gezinsbord", Now.AddDays(-10)))!);
    }

    private static Item Add(FamilyOf f, Board b, Actor actor, NewPlanItem n) =>
        PlanDecisions.Add(b, f, AuthorizationTable.Default, actor, ItemId.New(), n, Now).Aggregate((Item?)null, Item.Evolve)!;

    private static Item Then(Item item, IReadOnlyList<object> events) => events.Aggregate(item, (i, e) => Item.Evolve(i, e)!);

    private static bool Reads(Actor actor, Item item, FamilyOf f) =>
        ItemPolicy.Decide(actor, ItemAction.Read, item.Facts, f.Family, f.BirthDates, AuthorizationTable.Default, Now).Allowed;

    [Fact]
    public void a_professional_writes_goals_and_actions_straight_into_the_plan()
    {
        var (f, b) = Given();
        var goal = Add(f, b, Fatima, new NewPlanItem(ItemKind.Goal, "Tess gaat weer elke dag naar school", [Tess], "5 dagen per week", 3));
        var action = Add(f, b, Fatima, new NewPlanItem(ItemKind.Action, "Gesprek met mentor", [], Goal: goal, Due: new DateOnly(2026, 12, 1),
            Owner: new Owner(null, Mother, "Sanne")));

        Assert.Equal(ProposalState.None, goal.Plan!.Proposal);
        Assert.Equal([Tess], action.Facts.About);
        Assert.Equal(ActionStatus.Open, action.Plan!.Status);
        Assert.Equal(3, goal.Plan.Scales.Single().Score);
    }

    [Fact]
    public void condition_1_family_members_propose_and_never_change_what_a_professional_wrote()
    {
        var (f, b) = Given();
        var goal = Add(f, b, Fatima, new NewPlanItem(ItemKind.Goal, "Rust in huis", []));
        var proposal = Add(f, b, Sanne, new NewPlanItem(ItemKind.Action, "Ik bel de huisarts", [], Goal: goal, Owner: new Owner(null, Mother, "Sanne")));

        Assert.Equal(ProposalState.Proposed, proposal.Plan!.Proposal);
        Assert.Throws<NotAllowed>(() => PlanDecisions.Revise(goal, f, AuthorizationTable.Default, Sanne, "Anders", null, null, null, false, Now));
        Assert.Single(PlanDecisions.Revise(proposal, f, AuthorizationTable.Default, Sanne, "Ik bel de huisarts deze week", null, null, proposal.Plan.Owner, false, Now));
        // A youth proposes about themself, not about a sibling; a parent without gezag only reads.
        Assert.Equal(ProposalState.Proposed, Add(f, b, TessHerself, new NewPlanItem(ItemKind.Goal, "Ik wil op voetbal", [Tess])).Plan!.Proposal);
        Assert.Throws<ResourceNotFound>(() => Add(f, b, TessHerself, new NewPlanItem(ItemKind.Goal, "Sem moet helpen", [Sem])));
        Assert.Throws<NotAllowed>(() => Add(f, b, Kees, new NewPlanItem(ItemKind.Goal, "Meer omgang", [])));
        Assert.True(Reads(Kees, goal, f));
    }

    [Fact]
    public void a_proposal_is_accepted_or_declined_by_a_professional_with_a_reason_the_proposer_sees()
    {
        var (f, b) = Given();
        var goal = Add(f, b, Fatima, new NewPlanItem(ItemKind.Goal, "Rust in huis", []));
        var first = Add(f, b, Sanne, new NewPlanItem(ItemKind.Action, "Ik bel de huisarts", [], Goal: goal));
        var second = Add(f, b, Sanne, new NewPlanItem(ItemKind.Action, "Verhuizen", [], Goal: goal));

        var accepted = Then(first, PlanDecisions.Accept(first, f, AuthorizationTable.Default, Fatima, null, Now));
        var declined = Then(second, PlanDecisions.Decline(second, f, AuthorizationTable.Default, Fatima, "Past nu niet in het plan", Now));

        Assert.Equal(ProposalState.Accepted, accepted.Plan!.Proposal);
        Assert.True(accepted.Plan.InPlan);
        Assert.Equal((ProposalState.Declined, "Past nu niet in het plan"), (declined.Plan!.Proposal, declined.Plan.ProposalReason));
        Assert.True(Reads(Sanne, declined, f));
        Assert.Throws<NotAllowed>(() => PlanDecisions.Accept(second, f, AuthorizationTable.Default, Sanne, null, Now));
        Assert.Throws<DomainRuleViolation>(() => PlanDecisions.Decline(second, f, AuthorizationTable.Default, Fatima, " ", Now));
    }

    [Fact]
    public void condition_2_a_network_member_sees_only_actions_assigned_to_them_or_for_the_network()
    {
        var (f, b) = Given();
        var goal = Add(f, b, Fatima, new NewPlanItem(ItemKind.Goal, "Rust in huis", []));
        var theirs = Add(f, b, Fatima, new NewPlanItem(ItemKind.Action, "Tante Ria haalt Tess op", [], Goal: goal, Owner: new Owner(null, Aunt, "Ria")));
        var network = Add(f, b, Fatima, new NewPlanItem(ItemKind.Action, "Iedereen let op het rooster", [], Goal: goal, ForNetwork: true));
        var other = Add(f, b, Fatima, new NewPlanItem(ItemKind.Action, "Gesprek met school", [], Goal: goal, Owner: new Owner(Fatima.UserId, null, "Fatima")));

        Assert.True(Reads(Auntie, theirs, f));
        Assert.True(Reads(Auntie, network, f));
        Assert.False(Reads(Auntie, other, f));
        Assert.False(Reads(Auntie, goal, f));
        // The owner reports progress on their own action; a reader who is not its owner does not.
        Assert.Single(PlanDecisions.SetStatus(theirs, f, AuthorizationTable.Default, Auntie, ActionStatus.Done, null, Now));
        Assert.Throws<NotAllowed>(() => PlanDecisions.SetStatus(network, f, AuthorizationTable.Default, Auntie, ActionStatus.Done, null, Now));
    }

    [Fact]
    public void the_scale_is_updated_with_a_date_by_anyone_who_may_add_to_the_plan_about_the_goal()
    {
        var (f, b) = Given();
        var goal = Add(f, b, Fatima, new NewPlanItem(ItemKind.Goal, "Tess slaapt goed", [Tess], "7 nachten", 2));

        var scaled = Then(goal, PlanDecisions.Scale(goal, f, AuthorizationTable.Default, TessHerself, 5, new DateOnly(2026, 11, 20), Now));

        Assert.Equal([2, 5], scaled.Plan!.Scales.Select(s => s.Score));
        Assert.Throws<DomainRuleViolation>(() => PlanDecisions.Scale(goal, f, AuthorizationTable.Default, Fatima, 11, new DateOnly(2026, 11, 20), Now));
        Assert.Throws<DomainRuleViolation>(() => PlanDecisions.Scale(goal, f, AuthorizationTable.Default, Fatima, 4, new DateOnly(2026, 12, 20), Now));
        Assert.Throws<NotAllowed>(() => PlanDecisions.Scale(goal, f, AuthorizationTable.Default, Kees, 4, new DateOnly(2026, 11, 20), Now));
    }

    [Fact]
    public void dropping_an_action_takes_a_reason()
    {
        var (f, b) = Given();
        var goal = Add(f, b, Fatima, new NewPlanItem(ItemKind.Goal, "Rust in huis", []));
        var action = Add(f, b, Fatima, new NewPlanItem(ItemKind.Action, "Cursus", [], Goal: goal));

        Assert.Throws<DomainRuleViolation>(() => PlanDecisions.SetStatus(action, f, AuthorizationTable.Default, Fatima, ActionStatus.Dropped, null, Now));
        var dropped = Then(action, PlanDecisions.SetStatus(action, f, AuthorizationTable.Default, Fatima, ActionStatus.Dropped, "Wachtlijst te lang", Now));
        Assert.Equal((ActionStatus.Dropped, "Wachtlijst te lang"), (dropped.Plan!.Status, dropped.Plan.StatusReason));
    }

    [Fact]
    public void the_coordinator_publishes_versions_and_the_diff_says_what_changed()
    {
        var (f, b) = Given();
        var goal = Add(f, b, Fatima, new NewPlanItem(ItemKind.Goal, "Rust in huis", []));
        var action = Add(f, b, Fatima, new NewPlanItem(ItemKind.Action, "Cursus", [], Goal: goal));
        var proposal = Add(f, b, Sanne, new NewPlanItem(ItemKind.Action, "Ik bel", [], Goal: goal));
        var first = (ItemPosted)PlanDecisions.Publish(b, f, AuthorizationTable.Default, Fatima, ItemId.New(), [(goal, 1), (action, 1), (proposal, 1)], null, Now)[0];

        Assert.Equal(1, first.Version!.Number);
        Assert.Equal([goal.Id, action.Id], first.Version.Entries.Select(e => e.Item));
        Assert.Throws<NotAllowed>(() => PlanDecisions.Publish(b, f, AuthorizationTable.Default, Jeroen, ItemId.New(), [(goal, 1)], first.Version, Now));
        Assert.Equal("plan.nothing-changed", Assert.Throws<DomainRuleViolation>(() =>
            PlanDecisions.Publish(b, f, AuthorizationTable.Default, Fatima, ItemId.New(), [(goal, 1), (action, 1)], first.Version, Now)).Code);

        var done = Then(action, PlanDecisions.SetStatus(action, f, AuthorizationTable.Default, Fatima, ActionStatus.Done, null, Now));
        var second = (ItemPosted)PlanDecisions.Publish(b, f, AuthorizationTable.Default, Fatima, ItemId.New(),
            [(goal, 2), (done, 2), (Then(proposal, PlanDecisions.Accept(proposal, f, AuthorizationTable.Default, Fatima, null, Now)), 2)], first.Version, Now)[0];
        var diff = PlanDiff.Between(first.Version, second.Version!);

        Assert.Equal([proposal.Id], diff.Added.Select(e => e.Item));
        Assert.Equal([action.Id], diff.Closed.Select(e => e.Item));
        Assert.Equal([goal.Id], diff.Changed.Select(e => e.Item));
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void parents_with_gezag_and_youths_from_12_agree_and_a_parent_without_gezag_cannot()
    {
        var (f, b) = Given();
        var goal = Add(f, b, Fatima, new NewPlanItem(ItemKind.Goal, "Rust in huis", []));
        var version = Then(null!, PlanDecisions.Publish(b, f, AuthorizationTable.Default, Fatima, ItemId.New(), [(goal, 1)], null, Now));

        var mother = (ItemPosted)PlanDecisions.Agree(b, f, AuthorizationTable.Default, Sanne, ItemId.New(), version, true, "Goed zo", Now)[0];
        var tess = (ItemPosted)PlanDecisions.Agree(b, f, AuthorizationTable.Default, TessHerself, ItemId.New(), version, false, "Te veel tegelijk", Now)[0];
        var sem = (ItemPosted)PlanDecisions.Agree(b, f, AuthorizationTable.Default, SemHimself, ItemId.New(), version, true, null, Now)[0];

        Assert.Equal((1, true), (mother.Agreement!.Version, mother.Agreement.Agrees));
        Assert.False(tess.Agreement!.Agrees);
        Assert.True(sem.Agreement!.Agrees);
        Assert.Throws<NotAllowed>(() => PlanDecisions.Agree(b, f, AuthorizationTable.Default, Kees, ItemId.New(), version, true, null, Now));
        Assert.Throws<NotAllowed>(() => PlanDecisions.Agree(b, f, AuthorizationTable.Default, Fatima, ItemId.New(), version, true, null, Now));
        Assert.True(new[] { Mother, Tess, Sem }.ToHashSet().SetEquals(Agreements.Who(f.Family, Born, DateOnly.FromDateTime(Now.UtcDateTime))));
    }
}
