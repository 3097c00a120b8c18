using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Tests;

public sealed class FamilyTests
{
    // Decisions are taken "now", long before most days the tests ask about, so memberships exist then.
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Organisation Buurtteam = new(OrganisationId.New(), "Buurtteam", OrganisationType.NeighbourhoodTeam);
    private static readonly Organisation Gi = new(OrganisationId.New(), "GI Samen Veilig", OrganisationType.CertifiedInstitution);
    private static readonly Organisation OtherGi = new(OrganisationId.New(), "GI Elders", OrganisationType.CertifiedInstitution);
    private static readonly Actor Coordinator = new(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, Buurtteam.Id, Buurtteam.Name);
    private static readonly Actor Worker = new(UserId.New(), "Jeroen", ActorRole.YouthCare, OrganisationId.New(), "De Brug");
    private static readonly Actor Guardian = new(UserId.New(), "Peter", ActorRole.FamilyGuardian, Gi.Id, Gi.Name);
    private static readonly Actor Probation = new(UserId.New(), "Rik", ActorRole.ProbationOfficer, Gi.Id, Gi.Name);
    private static readonly PersonId Mother = PersonId.New();
    private static readonly PersonId Father = PersonId.New();
    private static readonly PersonId Child = PersonId.New();
    private static readonly Actor MotherActor = new(UserId.New(), "Moeder", ActorRole.Parent, PersonId: Mother);
    private static readonly Actor FatherActor = new(UserId.New(), "Vader", ActorRole.Parent, PersonId: Father);
    private static readonly Actor ChildActor = new(UserId.New(), "Kind", ActorRole.Youth, PersonId: Child);

    /// <summary>A family with mother and father (both with gezag) and one child, coordinated by Fatima.</summary>
    private static Family NewFamily()
    {
        var f = Apply(null, FamilyDecisions.Register(FamilyId.New(), "Gezin", Coordinator, Now.AddDays(-1)));
        f = Apply(f, FamilyDecisions.AddMember(F(f), Coordinator, Mother, Relation.Parent, Now));
        f = Apply(f, FamilyDecisions.AddMember(F(f), Coordinator, Father, Relation.Parent, Now));
        f = Apply(f, FamilyDecisions.AddMember(F(f), Coordinator, Child, Relation.Child, Now));
        f = Apply(f, FamilyDecisions.RecordAuthority(F(f), Coordinator, Mother, Child, new DateOnly(2010, 1, 1), Now));
        f = Apply(f, FamilyDecisions.RecordAuthority(F(f), Coordinator, Father, Child, new DateOnly(2010, 1, 1), Now));
        return Apply(f, FamilyDecisions.InviteProfessional(F(f), Coordinator, Worker, MembershipBasis.Consent, [Child], Now));
    }

    private static FamilyOf F(Family f) => new(f, new Dictionary<PersonId, DateOnly> { [Child] = Born });

    private static Family Apply(Family? f, IReadOnlyList<object> events) => events.Aggregate(f, Network.Domain.Families.Family.Evolve)!;

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static Family ConsentBy(Family f, Actor who, DateOnly born, DateTimeOffset at) =>
        Apply(f, FamilyDecisions.GiveConsent(F(f), who, Worker.UserId, Child, at));

    // The child turns 12 on 2026-11-23 and 16 on 2030-11-23.
    private static readonly DateOnly Born = new(2014, 11, 23);

    [Fact]
    public void under_12_both_parents_with_gezag_decide_and_the_child_does_not()
    {
        var dayBefore12 = At(new DateOnly(2026, 11, 22));
        var f = ConsentBy(NewFamily(), MotherActor, Born, dayBefore12);
        Assert.False(Consents.IsValid(f, Worker.UserId, Child, Born, new DateOnly(2026, 11, 22)));

        f = ConsentBy(f, FatherActor, Born, dayBefore12);
        Assert.True(Consents.IsValid(f, Worker.UserId, Child, Born, new DateOnly(2026, 11, 22)));
        Assert.Throws<NotAllowed>(() => ConsentBy(f, ChildActor, Born, dayBefore12));
    }

    [Fact]
    public void from_the_12th_birthday_the_youth_must_agree_too()
    {
        var f = ConsentBy(ConsentBy(NewFamily(), MotherActor, Born, At(new DateOnly(2026, 11, 22))), FatherActor, Born, At(new DateOnly(2026, 11, 22)));

        Assert.True(Consents.IsValid(f, Worker.UserId, Child, Born, new DateOnly(2026, 11, 22)));
        Assert.False(Consents.IsValid(f, Worker.UserId, Child, Born, new DateOnly(2026, 11, 23)));

        f = ConsentBy(f, ChildActor, Born, At(new DateOnly(2026, 11, 23)));
        Assert.True(Consents.IsValid(f, Worker.UserId, Child, Born, new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void from_the_16th_birthday_the_youth_decides_alone()
    {
        var f = ConsentBy(NewFamily(), ChildActor, Born, At(new DateOnly(2030, 11, 22)));

        Assert.False(Consents.IsValid(f, Worker.UserId, Child, Born, new DateOnly(2030, 11, 22)));
        Assert.True(Consents.IsValid(f, Worker.UserId, Child, Born, new DateOnly(2030, 11, 23)));
        Assert.Throws<NotAllowed>(() => ConsentBy(f, MotherActor, Born, At(new DateOnly(2030, 11, 23))));
    }

    [Fact]
    public void withdrawing_consent_ends_standing_at_once()
    {
        var day = At(new DateOnly(2026, 1, 1));
        var f = ConsentBy(ConsentBy(NewFamily(), MotherActor, Born, day), FatherActor, Born, day);
        Assert.Equal(StandingKind.ProfessionalByConsent, Standings.OnChild(f, Worker, Child, Born, day).Kind);

        f = Apply(f, FamilyDecisions.WithdrawConsent(F(f), FatherActor, Worker.UserId, Child, day.AddMinutes(1)));

        Assert.Equal(StandingKind.None, Standings.OnChild(f, Worker, Child, Born, day.AddMinutes(1)).Kind);
    }

    [Fact]
    public void a_parent_whose_gezag_ended_no_longer_counts_for_consent_and_reads_as_parent_without_gezag()
    {
        var f = NewFamily();
        f = Apply(f, FamilyDecisions.EndAuthority(F(f), Coordinator, Father, Child, new DateOnly(2026, 6, 1), Now));
        var day = At(new DateOnly(2026, 7, 1));

        f = ConsentBy(f, MotherActor, Born, day);

        Assert.True(Consents.IsValid(f, Worker.UserId, Child, Born, new DateOnly(2026, 7, 1)));
        Assert.Equal(StandingKind.ParentWithoutAuthority, Standings.OnChild(f, FatherActor, Child, Born, day).Kind);
        Assert.Equal(StandingKind.ParentWithAuthority, Standings.OnChild(f, FatherActor, Child, Born, At(new DateOnly(2026, 5, 31))).Kind);
        Assert.Throws<NotAllowed>(() => ConsentBy(f, FatherActor, Born, day));
    }

    [Fact]
    public void a_child_under_12_has_no_own_standing_and_a_youth_of_12_has()
    {
        var f = NewFamily();

        Assert.Equal(StandingKind.None, Standings.OnChild(f, ChildActor, Child, Born, At(new DateOnly(2026, 11, 22))).Kind);
        Assert.Equal(StandingKind.Youth, Standings.OnChild(f, ChildActor, Child, Born, At(new DateOnly(2026, 11, 23))).Kind);
    }

    [Fact]
    public void legal_basis_standing_runs_from_the_start_of_the_measure_to_its_end()
    {
        var f = NewFamily();
        f = Apply(f, FamilyDecisions.RecordMeasure(F(f), Coordinator, MeasureId.New(), Child, MeasureType.Ots, Gi,
            new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), Now));
        f = Apply(f, FamilyDecisions.InviteProfessional(F(f), Coordinator, Guardian, MembershipBasis.LegalBasis, [Child], Now));

        Assert.Equal(StandingKind.None, Standings.OnChild(f, Guardian, Child, Born, At(new DateOnly(2026, 2, 28))).Kind);
        Assert.Equal(StandingKind.ProfessionalByLegalBasis, Standings.OnChild(f, Guardian, Child, Born, At(new DateOnly(2026, 3, 1))).Kind);
        Assert.Equal(StandingKind.ProfessionalByLegalBasis, Standings.OnChild(f, Guardian, Child, Born, At(new DateOnly(2027, 2, 28))).Kind);
        Assert.Equal(StandingKind.None, Standings.OnChild(f, Guardian, Child, Born, At(new DateOnly(2027, 3, 1))).Kind);
    }

    [Fact]
    public void a_measure_gives_standing_only_to_the_fitting_role_of_the_executing_organisation()
    {
        var f = NewFamily();
        f = Apply(f, FamilyDecisions.RecordMeasure(F(f), Coordinator, MeasureId.New(), Child, MeasureType.Ots, Gi, new DateOnly(2026, 3, 1), null, Now));
        var other = new Actor(UserId.New(), "Anna", ActorRole.FamilyGuardian, OtherGi.Id, OtherGi.Name);

        Assert.Throws<DomainRuleViolation>(() => FamilyDecisions.InviteProfessional(F(f), Coordinator, other, MembershipBasis.LegalBasis, [Child], Now));
        Assert.Throws<DomainRuleViolation>(() => FamilyDecisions.InviteProfessional(F(f), Coordinator, Probation, MembershipBasis.LegalBasis, [Child], Now));
    }

    [Fact]
    public void ending_a_measure_ends_legal_basis_standing()
    {
        var f = NewFamily();
        var measure = MeasureId.New();
        f = Apply(f, FamilyDecisions.RecordMeasure(F(f), Coordinator, measure, Child, MeasureType.Voogdij, Gi, new DateOnly(2026, 3, 1), null, Now));
        f = Apply(f, FamilyDecisions.InviteProfessional(F(f), Coordinator, Guardian, MembershipBasis.LegalBasis, [Child], Now));
        f = Apply(f, FamilyDecisions.EndMeasure(F(f), Coordinator, measure, new DateOnly(2026, 10, 1), Now));

        Assert.Equal(StandingKind.ProfessionalByLegalBasis, Standings.OnChild(f, Guardian, Child, Born, At(new DateOnly(2026, 9, 30))).Kind);
        Assert.Equal(StandingKind.None, Standings.OnChild(f, Guardian, Child, Born, At(new DateOnly(2026, 10, 1))).Kind);
    }

    [Fact]
    public void a_measure_is_executed_by_a_gi_and_an_investigation_by_the_board()
    {
        var f = NewFamily();

        Assert.Throws<DomainRuleViolation>(() =>
            FamilyDecisions.RecordMeasure(F(f), Coordinator, MeasureId.New(), Child, MeasureType.Ots, Buurtteam, new DateOnly(2026, 1, 1), null, Now));
        Assert.Throws<DomainRuleViolation>(() =>
            FamilyDecisions.RecordMeasure(F(f), Coordinator, MeasureId.New(), Child, MeasureType.RaadOnderzoek, Gi, new DateOnly(2026, 1, 1), null, Now));
        Assert.Throws<DomainRuleViolation>(() =>
            FamilyDecisions.RecordMeasure(F(f), Coordinator, MeasureId.New(), Child, MeasureType.Ots, Gi, new DateOnly(2026, 1, 1), new DateOnly(2025, 1, 1), Now));
    }

    [Fact]
    public void a_professional_without_standing_cannot_tell_the_family_exists()
    {
        var stranger = new Actor(UserId.New(), "X", ActorRole.YouthCare, OrganisationId.New(), "Org");

        Assert.Throws<ResourceNotFound>(() => FamilyDecisions.AddMember(F(NewFamily()), stranger, PersonId.New(), Relation.Child, Now));
    }

    [Fact]
    public void only_the_coordinator_or_legal_basis_changes_the_composition()
    {
        Assert.Throws<NotAllowed>(() => FamilyDecisions.AddMember(F(NewFamily()), Worker, PersonId.New(), Relation.Child, Now));
    }

    [Fact]
    public void consent_can_only_be_given_for_children_the_professional_was_invited_for()
    {
        var f = NewFamily();
        var other = PersonId.New();
        f = Apply(f, FamilyDecisions.AddMember(F(f), Coordinator, other, Relation.Child, Now));
        f = Apply(f, FamilyDecisions.RecordAuthority(F(f), Coordinator, Mother, other, new DateOnly(2020, 1, 1), Now));

        Assert.Equal("consent.not-invited", Assert.Throws<DomainRuleViolation>(() =>
            FamilyDecisions.GiveConsent(new FamilyOf(f, new Dictionary<PersonId, DateOnly> { [Child] = Born, [other] = new DateOnly(2020, 1, 1) }), MotherActor, Worker.UserId, other, Now)).Code);
    }

    [Fact]
    public void the_municipality_of_a_placed_child_is_where_it_lived_before_the_placement()
    {
        var f = NewFamily();
        var utrecht = new Address("Straat", "1", "3581 KL", "Utrecht", "Utrecht");
        var foster = new Address("Dorpsweg", "2", "3901 AA", "Veenendaal", "Veenendaal");
        var child = new Person(Child, new PersonDetails(new PersonName("Kind", null, "Jansen"), Born, null, utrecht, null, null, null, null), null, []);
        f = Apply(f, FamilyDecisions.StartPlacement(F(f), Coordinator, PlacementId.New(), Child, new DateOnly(2026, 5, 1), foster, true, utrecht, Now));

        Assert.Equal("Utrecht", Responsibility.MunicipalityFor(child, f, new DateOnly(2026, 4, 30)));
        var moved = child with { Details = child.Details with { Address = foster } };
        Assert.Equal("Utrecht", Responsibility.MunicipalityFor(moved, f, new DateOnly(2026, 6, 1)));
        Assert.Equal("Veenendaal", Responsibility.MunicipalityFor(moved, f, new DateOnly(2026, 4, 30)));
    }
}
