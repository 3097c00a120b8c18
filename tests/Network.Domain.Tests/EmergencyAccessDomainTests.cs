namespace Network.Domain.Tests;

public sealed class EmergencyAccessDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Child = PersonId.New();
    private static readonly PersonId Sibling = PersonId.New();
    private static readonly Dictionary<PersonId, DateOnly> Born = new() { [Child] = new DateOnly(2018, 1, 1), [Sibling] = new DateOnly(2015, 1, 1) };
    private static readonly Actor Doctor = new(UserId.New(), "Dokter", ActorRole.YouthHealth, OrganisationId.New(), "JGZ");
    private static readonly Actor Coordinator = new(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, OrganisationId.New(), "Buurtteam");

    private static FamilyOf NewFamily()
    {
        var f = FamilyDecisions.Register(FamilyId.New(), "Gezin", Coordinator, Now.AddDays(-1)).Aggregate((Family?)null, Family.Evolve)!;
        f = FamilyDecisions.AddMember(new(f, Born), Coordinator, Child, Relation.Child, Now).Aggregate(f, (s, e) => Family.Evolve(s, e)!);
        f = FamilyDecisions.AddMember(new(f, Born), Coordinator, Sibling, Relation.Child, Now).Aggregate(f, (s, e) => Family.Evolve(s, e)!);
        return new FamilyOf(f, Born);
    }

    [Fact]
    public void emergency_standing_is_for_the_one_child_only_lasts_the_granted_time_and_names_the_coordinator()
    {
        var f = NewFamily();
        var granted = (EmergencyAccessGranted)Assert.Single(FamilyDecisions.BreakTheGlass(f, Doctor, Child, "Acute medische zorg nodig", TimeSpan.FromHours(1), Now));
        var family = Family.Evolve(f.Family, granted)!;

        Assert.Equal(Coordinator.UserId, granted.NotifiedCoordinator);
        var standing = Standings.OnChild(family, Doctor, Child, Born[Child], Now.AddMinutes(59));
        Assert.Equal(StandingKind.Emergency, standing.Kind);
        Assert.Equal(AccessBasis.Emergency, standing.Basis);
        Assert.Equal(StandingKind.None, Standings.OnChild(family, Doctor, Sibling, Born[Sibling], Now.AddMinutes(59)).Kind);
        Assert.Equal(StandingKind.None, Standings.OnChild(family, Doctor, Child, Born[Child], Now.AddMinutes(60)).Kind);
    }

    [Fact]
    public void with_emergency_access_the_family_lists_only_that_child_and_its_general_facts()
    {
        var f = NewFamily();
        var family = Family.Evolve(f.Family, FamilyDecisions.BreakTheGlass(f, Doctor, Child, "Acute medische zorg nodig", TimeSpan.FromHours(1), Now)[0])!;

        var sight = FamilyPolicy.See(Doctor, family, Born, AuthorizationTable.Default, Now.AddMinutes(5));

        Assert.True(sight.Decision.Allowed);
        Assert.Equal([Child], sight.Children.Select(c => c.Child));
        Assert.Equal([Child], sight.EmergenciesFor);
        Assert.True(FamilyPolicy.ReadBoard(Doctor, family, Born, AuthorizationTable.Default, Now.AddMinutes(5)).Allowed);
        Assert.False(FamilyPolicy.ReadBoard(Doctor, family, Born, AuthorizationTable.Default, Now.AddHours(2)).KnowsItExists);
    }

    [Fact]
    public void breaking_the_glass_needs_a_reason_a_limited_time_a_child_and_no_existing_standing()
    {
        var f = NewFamily();

        Assert.Throws<DomainRuleViolation>(() => FamilyDecisions.BreakTheGlass(f, Doctor, Child, "kort", TimeSpan.FromHours(1), Now));
        Assert.Throws<DomainRuleViolation>(() => FamilyDecisions.BreakTheGlass(f, Doctor, Child, "Acute medische zorg nodig", TimeSpan.FromHours(5), Now));
        Assert.Throws<DomainRuleViolation>(() => FamilyDecisions.BreakTheGlass(f, Doctor, PersonId.New(), "Acute medische zorg nodig", TimeSpan.FromHours(1), Now));
        Assert.Throws<NotAllowed>(() => FamilyDecisions.BreakTheGlass(f, new Actor(UserId.New(), "Ouder", ActorRole.Parent), Child, "Acute medische zorg nodig", TimeSpan.FromHours(1), Now));
        var admin = new Actor(UserId.New(), "Beheer", ActorRole.FunctionalAdministrator);
        Assert.Throws<NotAllowed>(() => FamilyDecisions.BreakTheGlass(f, admin, Child, "Acute medische zorg nodig", TimeSpan.FromHours(1), Now));
    }
}
