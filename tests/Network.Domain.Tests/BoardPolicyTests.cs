using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Tests;

public sealed class BoardPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Parent = PersonId.New();
    private static readonly PersonId Child = PersonId.New();
    private static readonly Dictionary<PersonId, DateOnly> BirthDates = new() { [Child] = new DateOnly(2018, 1, 1) };

    private static Family FamilyWith(params object[] more)
    {
        var id = FamilyId.New();
        return new object[]
            {
                new FamilyRegistered(id, "Gezin Jansen", Now.AddDays(-10)),
                new FamilyMemberAdded(id, Parent, Relation.Parent, Now.AddDays(-10)),
                new FamilyMemberAdded(id, Child, Relation.Child, Now.AddDays(-10)),
                new ParentalAuthorityRecorded(id, Parent, Child, new DateOnly(2018, 1, 1), Now.AddDays(-10)),
            }
            .Concat(more.Select(m => m switch
            {
                NetworkMember n => new NetworkMemberAdded(id, n),
                ConsentGrant c => new ConsentGiven(id, c.Professional, c.Child, c.GivenBy, c.At),
                _ => m,
            }))
            .Aggregate((Family?)null, Family.Evolve)!;
    }

    [Theory]
    [InlineData(ActorRole.FunctionalAdministrator)]
    [InlineData(ActorRole.ContractManager)]
    public void administrators_and_contract_managers_never_read_a_board_even_when_listed_as_member(ActorRole role)
    {
        var actor = new Actor(UserId.New(), "Beheer", role, OrganisationId.New(), "Regio");
        var family = FamilyWith(
            new NetworkMember(actor.UserId, "Beheer", role, actor.OrganisationId, "Regio", MembershipBasis.Consent, Now.AddDays(-1), [Child]),
            new ConsentGrant(actor.UserId, Child, Parent, Now.AddDays(-1)));

        var decision = BoardPolicy.Decide(actor, BoardAction.Read, family, BirthDates, Now);

        Assert.False(decision.Allowed);
        Assert.False(decision.KnowsItExists);
    }

    [Fact]
    public void no_standing_means_deny_and_the_family_stays_invisible()
    {
        var decision = BoardPolicy.Decide(new Actor(UserId.New(), "X", ActorRole.YouthCare, OrganisationId.New(), "Org"),
            BoardAction.Read, FamilyWith(), BirthDates, Now);

        Assert.False(decision.Allowed);
        Assert.False(decision.KnowsItExists);
        Assert.NotEmpty(decision.Reasons);
    }

    [Fact]
    public void an_invited_professional_without_consent_yet_has_no_standing()
    {
        var actor = new Actor(UserId.New(), "Y", ActorRole.YouthCare, OrganisationId.New(), "Org");
        var family = FamilyWith(new NetworkMember(actor.UserId, "Y", actor.Role, actor.OrganisationId, "Org", MembershipBasis.Consent, Now.AddDays(-1), [Child]));

        Assert.False(BoardPolicy.Decide(actor, BoardAction.Read, family, BirthDates, Now).KnowsItExists);
    }

    [Fact]
    public void a_professional_with_consent_reads_and_the_reason_says_so()
    {
        var actor = new Actor(UserId.New(), "Y", ActorRole.YouthCare, OrganisationId.New(), "Org");
        var family = FamilyWith(
            new NetworkMember(actor.UserId, "Y", actor.Role, actor.OrganisationId, "Org", MembershipBasis.Consent, Now.AddDays(-1), [Child]),
            new ConsentGrant(actor.UserId, Child, Parent, Now.AddDays(-1)));

        var decision = BoardPolicy.Decide(actor, BoardAction.Read, family, BirthDates, Now);

        Assert.True(decision.Allowed);
        Assert.Contains("toestemming", decision.Reasons[0]);
    }

    [Fact]
    public void a_parent_of_the_family_reads_the_board()
    {
        var parent = new Actor(UserId.New(), "Sanne", ActorRole.Parent, PersonId: Parent);

        var decision = BoardPolicy.Decide(parent, BoardAction.Read, FamilyWith(), BirthDates, Now);

        Assert.True(decision.Allowed);
        Assert.Contains("gezag", decision.Reasons[0]);
    }
}
