using Network.Domain.Boards;
using Network.Domain.Items;
using Network.Domain.Plans;

namespace Network.Domain.Tests;

/// <summary>
/// Case consultations: who schedules, who is invited, who sees which agenda point and decision, and
/// decisions that make or change plan items. A family with a mother (gezag) of Tim (9) and Eva
/// (11); the coordinator has consent for both, the youth care worker for Eva only.
/// </summary>
public sealed class ConsultationDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly AuthorizationTable Table = AuthorizationTable.Default;

    private sealed record Bos(FamilyOf Family, Board Board, Actor Coordinator, Actor Worker, Actor Mother, PersonId Tim, PersonId Eva)
    {
        public static Bos Make()
        {
            var id = FamilyId.New();
            var (mother, tim, eva) = (PersonId.New(), PersonId.New(), PersonId.New());
            var coordinator = new Actor(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, OrganisationId.New(), "Buurtteam");
            var worker = new Actor(UserId.New(), "Jeroen", ActorRole.YouthCare, OrganisationId.New(), "De Brug");
            var history = new List<object>
            {
                new FamilyRegistered(id, "Gezin Bos", Now.AddDays(-10)),
                new CoordinatorAppointed(id, coordinator.UserId, Now.AddDays(-10)),
                new FamilyMemberAdded(id, mother, Relation.Parent, Now.AddDays(-10)),
                new FamilyMemberAdded(id, tim, Relation.Child, Now.AddDays(-10)),
                new FamilyMemberAdded(id, eva, Relation.Child, Now.AddDays(-10)),
                new ParentalAuthorityRecorded(id, mother, tim, new DateOnly(2017, 1, 1), Now.AddDays(-10)),
                new ParentalAuthorityRecorded(id, mother, eva, new DateOnly(2015, 1, 1), Now.AddDays(-10)),
                new NetworkMemberAdded(id, new NetworkMember(coordinator.UserId, coordinator.DisplayName, coordinator.Role, coordinator.OrganisationId,
                    coordinator.Organisation, MembershipBasis.Consent, Now.AddDays(-5), [tim, eva])),
                new NetworkMemberAdded(id, new NetworkMember(worker.UserId, worker.DisplayName, worker.Role, worker.OrganisationId,
                    worker.Organisation, MembershipBasis.Consent, Now.AddDays(-5), [eva])),
                new ConsentGiven(id, coordinator.UserId, tim, mother, Now.AddDays(-2)),
                new ConsentGiven(id, coordinator.UserId, eva, mother, Now.AddDays(-2)),
                new ConsentGiven(id, worker.UserId, eva, mother, Now.AddDays(-2)),
            };
            var family = history.Aggregate((Network.Domain.Families.Family?)null, Network.Domain.Families.Family.Evolve)!;
            var born = new Dictionary<PersonId, DateOnly> { [tim] = new(2017, 1, 1), [eva] = new(2015, 1, 1), [mother] = new(1985, 1, 1) };
            return new Bos(new FamilyOf(family, born), Board.Evolve(null, new BoardOpened(BoardId.New(), id, "Gezinsbord", Now.AddDays(-10)))!,
                coordinator, worker, new Actor(UserId.New(), "Linda", ActorRole.Parent, PersonId: mother), tim, eva);
        }

        public AppointmentFields When(bool withMother = true) =>
            new(Now.AddDays(7), 90, "Buurtteam", null, withMother ? [Mother.PersonId!.Value] : [], [Coordinator.UserId, Worker.UserId]);

        public Item Schedule(AppointmentFields? when = null, string? reason = null) =>
            Consultations.Schedule(Board, Family, Table, Coordinator, ItemId.New(), "Casusoverleg", when ?? When(), new([Tim, Eva], reason), Now)
                .Aggregate((Item?)null, Item.Evolve)!;

        public Item Apply(Item item, IEnumerable<object> events) => events.Aggregate((Item?)item, Item.Evolve)!;
    }

    [Fact]
    public void a_professional_schedules_and_leaving_a_parent_out_takes_a_reason_the_family_can_read()
    {
        var w = Bos.Make();
        var c = w.Schedule();
        Assert.Equal((ItemKind.Consultation, InformationCategory.General), (c.Kind, c.Facts.Category));
        Assert.Empty(c.Facts.About);
        Assert.Equal([w.Tim, w.Eva], c.Consultation!.Fields.Children);

        Assert.Throws<NotAllowed>(() => Consultations.Schedule(w.Board, w.Family, Table, w.Mother, ItemId.New(), "Overleg", w.When(), new([w.Tim], null), Now));
        var missing = Assert.Throws<DomainRuleViolation>(() => w.Schedule(w.When(withMother: false)));
        Assert.Equal("consultation.family-left-out-needs-reason", missing.Code);
        Assert.Equal("Veiligheid eerst", w.Schedule(w.When(withMother: false), " Veiligheid eerst ").Consultation!.Fields.FamilyLeftOutReason);
        Assert.Null(w.Schedule(reason: "niet nodig").Consultation!.Fields.FamilyLeftOutReason);
        Assert.Equal("consultation.child-not-in-family", Assert.Throws<DomainRuleViolation>(() =>
            Consultations.Schedule(w.Board, w.Family, Table, w.Coordinator, ItemId.New(), "Overleg", w.When(), new([w.Mother.PersonId!.Value], null), Now)).Code);
    }

    [Fact]
    public void participants_answer_and_add_points_and_a_participant_without_standing_on_a_child_does_not_see_its_points()
    {
        var w = Bos.Make();
        var c = w.Schedule();
        c = w.Apply(c, Consultations.Respond(c, w.Family, Table, w.Mother, true, null, Now));
        c = w.Apply(c, Consultations.Respond(c, w.Family, Table, w.Mother, false, "Ik moet werken", Now));
        Assert.False(Assert.Single(c.Consultation!.Responses).Accepts);

        c = w.Apply(c, Consultations.AddPoint(c, w.Family, Table, w.Mother, Guid.NewGuid(), "Tims slaap", InformationCategory.General, [w.Tim], null, Now));
        c = w.Apply(c, Consultations.AddPoint(c, w.Family, Table, w.Worker, Guid.NewGuid(), "Eva op school", InformationCategory.General, [w.Eva], null, Now));
        Assert.Throws<DomainRuleViolation>(() =>
            Consultations.AddPoint(c, w.Family, Table, w.Worker, Guid.NewGuid(), "Buiten het overleg", InformationCategory.General, [w.Mother.PersonId!.Value], null, Now));
        // Jeroen may not write about Tim, and does not see the point about him.
        Assert.ThrowsAny<Exception>(() => Consultations.AddPoint(c, w.Family, Table, w.Worker, Guid.NewGuid(), "Tim", InformationCategory.General, [w.Tim], null, Now));
        var seen = c.Consultation!.Agenda.Where(p => Consultations.Sees(w.Worker, Consultations.FactsOf(p), w.Family, Table, Now)).Select(p => p.Text);
        Assert.Equal(["Eva op school"], seen);
        Assert.Equal(2, c.Consultation.Agenda.Count(p => Consultations.Sees(w.Mother, Consultations.FactsOf(p), w.Family, Table, Now)));
        Assert.Throws<NotAllowed>(() => Consultations.Hold(c, w.Family, Table, w.Mother, [], [], Now.AddDays(8)));
    }

    [Fact]
    public void decisions_make_and_change_plan_actions_linked_back_and_the_proposed_agenda_comes_from_open_goals_and_overdue_actions()
    {
        var w = Bos.Make();
        var goal = PlanDecisions.Add(w.Board, w.Family, Table, w.Coordinator, ItemId.New(), new NewPlanItem(ItemKind.Goal, "Tim naar school", [w.Tim]), Now.AddDays(-5))
            .Aggregate((Item?)null, Item.Evolve)!;
        var late = PlanDecisions.Add(w.Board, w.Family, Table, w.Coordinator, ItemId.New(),
            new NewPlanItem(ItemKind.Action, "Bel school", [], Goal: goal, Due: DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1)), Now.AddDays(-4))
            .Aggregate((Item?)null, Item.Evolve)!;
        var c = w.Schedule();
        Assert.Equal([goal.Id, late.Id], Consultations.Proposed(c, w.Family, Table, w.Coordinator, [late, goal], Now).Select(i => i.Id));
        Assert.Empty(Consultations.Proposed(c, w.Family, Table, w.Worker, [late, goal], Now));

        var made = ItemId.New();
        var (onConsultation, planItem, onPlan) = Consultations.Decide(c, w.Board, w.Family, Table, w.Coordinator, Guid.NewGuid(), made,
            new DecisionRequest("Jeroen belt school", null, DecisionEffect.NewAction, goal, ItemText: "School bellen", Due: new DateOnly(2026, 12, 1),
                Owner: new Owner(w.Coordinator.UserId, null, "Fatima")), Now);
        Assert.Equal(made, planItem);
        var action = onPlan.Aggregate((Item?)null, Item.Evolve)!;
        Assert.Equal((ItemKind.Action, "School bellen", c.Id), (action.Kind, action.Text, action.DecidedIn.Single().Consultation));
        c = w.Apply(c, onConsultation);
        Assert.Equal(made, c.Consultation!.Decisions.Single().PlanItem);
        Assert.Equal([w.Tim], c.Consultation.Decisions.Single().About);

        var (_, changed, revise) = Consultations.Decide(c, w.Board, w.Family, Table, w.Coordinator, Guid.NewGuid(), ItemId.New(),
            new DecisionRequest("Later", null, DecisionEffect.ChangedAction, Action: late, Due: new DateOnly(2026, 12, 20)), Now);
        var after = w.Apply(late, revise);
        Assert.Equal((late.Id, new DateOnly(2026, 12, 20)), (changed!.Value, after.Plan!.Due!.Value));
        Assert.Single(after.DecidedIn);

        Assert.Throws<NotAllowed>(() => Consultations.Decide(c, w.Board, w.Family, Table, w.Mother, Guid.NewGuid(), ItemId.New(),
            new DecisionRequest("Ik beslis", null, DecisionEffect.None), Now));
    }

    [Fact]
    public void minutes_are_items_of_their_own_within_the_table()
    {
        var w = Bos.Make();
        var c = w.Schedule();
        var minutes = Consultations.Minutes(c, w.Board, w.Family, Table, w.Coordinator, ItemId.New(), "Verslag",
            new ItemChoices(InformationCategory.General, [w.Tim], null), null, Now).Aggregate((Item?)null, Item.Evolve)!;
        Assert.Equal((ItemKind.Minutes, c.Id), (minutes.Kind, minutes.Minutes!.Consultation));
        Assert.False(ItemPolicy.Decide(w.Worker, ItemAction.Read, minutes.Facts, w.Family.Family, w.Family.BirthDates, Table, Now).Allowed);
        // The buurtteam does not write medical items (table: read only, with the organisation's own).
        Assert.Throws<NotAllowed>(() => Consultations.Minutes(c, w.Board, w.Family, Table, w.Coordinator, ItemId.New(), "Medisch",
            new ItemChoices(InformationCategory.Medical, [w.Tim], null), null, Now));
        Assert.Throws<NotAllowed>(() => Consultations.Minutes(c, w.Board, w.Family, Table, w.Mother, ItemId.New(), "Mijn verslag",
            new ItemChoices(InformationCategory.General, [w.Tim], null), null, Now));
    }
}
