using Network.Domain.Accounts;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Tests;

/// <summary>Invitations, consent recorded on a family member's behalf, and organisations: pure decisions.</summary>
public sealed class AccountsDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Coordinator = new(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, OrganisationId.New(), "Buurtteam");
    private static readonly Actor Outsider = new(UserId.New(), "Peter", ActorRole.FamilyGuardian, OrganisationId.New(), "GI");
    private static readonly Actor Admin = new(UserId.New(), "Beheer", ActorRole.FunctionalAdministrator);
    private static readonly PersonId Mother = PersonId.New();
    private static readonly PersonId Youth = PersonId.New();
    private static readonly PersonId Young = PersonId.New();
    private static readonly PersonId Stranger = PersonId.New();
    private static readonly Dictionary<PersonId, DateOnly> Born = new()
    {
        [Mother] = new(1985, 1, 1), [Youth] = new(2012, 6, 1), [Young] = new(2018, 6, 1),
    };

    private static Family NewFamily(bool consented)
    {
        var f = Apply(null, FamilyDecisions.Register(FamilyId.New(), "Gezin", Coordinator, Now.AddDays(-1)));
        f = Apply(f, FamilyDecisions.AddMember(F(f), Coordinator, Mother, Relation.Parent, Now));
        f = Apply(f, FamilyDecisions.AddMember(F(f), Coordinator, Youth, Relation.Child, Now));
        f = Apply(f, FamilyDecisions.AddMember(F(f), Coordinator, Young, Relation.Child, Now));
        f = Apply(f, FamilyDecisions.RecordAuthority(F(f), Coordinator, Mother, Young, new DateOnly(2018, 6, 1), Now));
        f = Apply(f, FamilyDecisions.RecordAuthority(F(f), Coordinator, Mother, Youth, new DateOnly(2012, 6, 1), Now));
        f = Apply(f, FamilyDecisions.InviteProfessional(F(f), Coordinator, Coordinator, MembershipBasis.Consent, [Young, Youth], Now));
        if (consented)
            f = Apply(f, ConsentRecording.Record(F(f), Coordinator, Coordinator.UserId, Young, Mother, ConsentForm.InPerson, new(2026, 11, 20), null, Now));
        return f;
    }

    private static FamilyOf F(Family f) => new(f, Born);

    private static Family Apply(Family? f, IReadOnlyList<object> events) => events.Aggregate(f, Family.Evolve)!;

    [Fact]
    public void a_professional_with_standing_invites_members_and_nobody_outside_the_family_or_under_12()
    {
        var family = NewFamily(consented: true);
        Assert.True(AccountPolicy.Invite(Coordinator, family, Born, Mother, Now).Allowed);
        Assert.False(AccountPolicy.Invite(Outsider, family, Born, Mother, Now).KnowsItExists);
        Assert.False(AccountPolicy.Invite(Admin, family, Born, Mother, Now).KnowsItExists);
        Assert.Null(AccountPolicy.CannotInvite(family, Mother, Born[Mother], Now));
        Assert.Null(AccountPolicy.CannotInvite(family, Youth, Born[Youth], Now));
        Assert.Equal("invitation.too-young", AccountPolicy.CannotInvite(family, Young, Born[Young], Now));
        Assert.Equal("invitation.not-a-member", AccountPolicy.CannotInvite(family, Stranger, null, Now));
        Assert.Equal(ActorRole.Youth, AccountPolicy.RoleFor(Relation.Child));
        Assert.Equal(ActorRole.NetworkMember, AccountPolicy.RoleFor(Relation.FosterParent));
    }

    [Fact]
    public void a_professional_waiting_for_consent_has_no_standing_to_invite()
    {
        Assert.False(AccountPolicy.Invite(Coordinator, NewFamily(consented: false), Born, Mother, Now).Allowed);
    }

    [Fact]
    public void consent_recorded_on_behalf_counts_only_for_who_may_consent_and_is_withdrawn_like_any()
    {
        var family = NewFamily(consented: true);
        var grant = Assert.Single(family.Consents);
        Assert.Equal(Mother, grant.GivenBy);
        Assert.Equal(ConsentForm.InPerson, grant.OnBehalf!.Form);
        Assert.True(Consents.IsValid(family, Coordinator.UserId, Young, Born[Young], DateOnly.FromDateTime(Now.UtcDateTime)));

        // The youth of 14 decides together with the mother: the youth's consent alone is not enough.
        var withYouth = Apply(family, ConsentRecording.Record(F(family), Coordinator, Coordinator.UserId, Youth, Youth, ConsentForm.Paper, new(2026, 11, 21), "scan.pdf", Now));
        Assert.False(Consents.IsValid(withYouth, Coordinator.UserId, Youth, Born[Youth], DateOnly.FromDateTime(Now.UtcDateTime)));
        // The young child cannot consent for themself.
        var refused = Assert.Throws<DomainRuleViolation>(() =>
            ConsentRecording.Record(F(family), Coordinator, Coordinator.UserId, Young, Young, ConsentForm.InPerson, new(2026, 11, 20), null, Now));
        Assert.Equal("consent.parents-decide", refused.Reason.Code);
        Assert.Throws<NotAllowed>(() =>
            ConsentRecording.Record(F(family), Outsider, Coordinator.UserId, Young, Mother, ConsentForm.InPerson, new(2026, 11, 20), null, Now));

        var mother = new Actor(UserId.New(), "Moeder", ActorRole.Parent, PersonId: Mother);
        var withdrawn = Apply(family, FamilyDecisions.WithdrawConsent(F(family), mother, Coordinator.UserId, Young, Now));
        Assert.False(Consents.IsValid(withdrawn, Coordinator.UserId, Young, Born[Young], DateOnly.FromDateTime(Now.UtcDateTime)));
    }

    [Fact]
    public void an_organisation_is_renamed_and_deactivated_with_who_and_why()
    {
        var id = OrganisationId.New();
        var organisation = Organisation.Register(id, "Jeugdteam", OrganisationType.NeighbourhoodTeam, Now).Aggregate((Organisation?)null, Organisation.Evolve)!;
        var renamed = Organisation.Rename(organisation, "Jeugdteam Zeist", Admin.UserId, "Fusie", Now);
        var e = Assert.IsType<OrganisationRenamed>(Assert.Single(renamed));
        Assert.Equal((Admin.UserId, "Fusie"), (e.By, e.Reason));
        Assert.Empty(Organisation.Rename(organisation, "Jeugdteam", Admin.UserId, "Niets", Now));
        var off = renamed.Concat(Organisation.Deactivate(organisation, Admin.UserId, "Opgeheven", Now)).Aggregate(organisation, (o, ev) => Organisation.Evolve(o, ev)!);
        Assert.Equal(("Jeugdteam Zeist", false), (off.Name, off.Active));
        Assert.Empty(Organisation.Deactivate(off, Admin.UserId, "Weer", Now));
        Assert.Throws<DomainRuleViolation>(() => AccountPolicy.RequireReason(" "));
    }
}
