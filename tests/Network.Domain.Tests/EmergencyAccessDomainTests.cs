using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Tests;

public sealed class EmergencyAccessDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Child = PersonId.New();
    private static readonly Dictionary<PersonId, DateOnly> Born = new() { [Child] = new DateOnly(2018, 1, 1) };
    private static readonly Actor Doctor = new(UserId.New(), "Dokter", ActorRole.YouthHealth, OrganisationId.New(), "JGZ");
    private static readonly Actor Coordinator = new(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, OrganisationId.New(), "Buurtteam");

    private static Family NewFamily()
    {
        var f = FamilyDecisions.Register(FamilyId.New(), "Gezin", Coordinator, Now.AddDays(-1)).Aggregate((Family?)null, Family.Evolve)!;
        return FamilyDecisions.AddMember(f, Coordinator, Child, Relation.Child, Now).Aggregate(f, (s, e) => Family.Evolve(s, e)!);
    }

    [Fact]
    public void emergency_standing_lasts_only_the_granted_time_and_names_the_coordinator()
    {
        var family = NewFamily();
        var granted = (EmergencyAccessGranted)Assert.Single(FamilyDecisions.BreakTheGlass(family, Doctor, "Acute medische zorg nodig", TimeSpan.FromHours(1), Born, Now));
        family = Family.Evolve(family, granted)!;

        Assert.Equal(Coordinator.UserId, granted.NotifiedCoordinator);
        Assert.Equal(StandingKind.Emergency, Standings.OnChild(family, Doctor, Child, Born[Child], Now.AddMinutes(59)).Kind);
        Assert.Equal(StandingKind.None, Standings.OnChild(family, Doctor, Child, Born[Child], Now.AddMinutes(60)).Kind);
        Assert.Equal(AccessBasis.Emergency, AccessLogChain.BasisOf(StandingKind.Emergency));
    }

    [Fact]
    public void breaking_the_glass_needs_a_reason_a_limited_time_and_no_existing_standing()
    {
        var family = NewFamily();

        Assert.Throws<DomainRuleViolation>(() => FamilyDecisions.BreakTheGlass(family, Doctor, "kort", TimeSpan.FromHours(1), Born, Now));
        Assert.Throws<DomainRuleViolation>(() => FamilyDecisions.BreakTheGlass(family, Doctor, "Acute medische zorg nodig", TimeSpan.FromHours(5), Born, Now));
        Assert.Throws<NotAllowed>(() => FamilyDecisions.BreakTheGlass(family, new Actor(UserId.New(), "Ouder", ActorRole.Parent), "Acute medische zorg nodig", TimeSpan.FromHours(1), Born, Now));
        var admin = new Actor(UserId.New(), "Beheer", ActorRole.FunctionalAdministrator);
        Assert.Throws<NotAllowed>(() => FamilyDecisions.BreakTheGlass(family, admin, "Acute medische zorg nodig", TimeSpan.FromHours(1), Born, Now));
    }
}
