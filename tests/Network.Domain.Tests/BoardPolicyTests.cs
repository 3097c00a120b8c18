using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;

namespace Network.Domain.Tests;

public sealed class BoardPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static Family FamilyWith(params NetworkMember[] members) =>
        new(FamilyId.New(), "Gezin Jansen", [.. members]);

    [Theory]
    [InlineData(ActorRole.FunctionalAdministrator)]
    [InlineData(ActorRole.ContractManager)]
    public void administrators_and_contract_managers_never_read_a_board_even_when_listed_as_member(ActorRole role)
    {
        var actor = new Actor(UserId.New(), "Beheer", role, "Regio");
        var family = FamilyWith(new NetworkMember(actor.UserId, "Beheer", role, "Regio", MembershipBasis.Consent, Now.AddDays(-1)));

        var decision = BoardPolicy.Decide(actor, BoardAction.Read, family, Now);

        Assert.False(decision.Allowed);
        Assert.False(decision.KnowsItExists);
    }

    [Fact]
    public void no_standing_means_deny_and_the_family_stays_invisible()
    {
        var decision = BoardPolicy.Decide(new Actor(UserId.New(), "X", ActorRole.YouthCare, "Org"), BoardAction.Read, FamilyWith(), Now);

        Assert.False(decision.Allowed);
        Assert.False(decision.KnowsItExists);
        Assert.NotEmpty(decision.Reasons);
    }

    [Theory]
    [InlineData(MembershipBasis.Consent, "toestemming")]
    [InlineData(MembershipBasis.LegalBasis, "wettelijke grondslag")]
    [InlineData(MembershipBasis.FamilyMember, "gezinslid")]
    public void an_allowed_decision_says_on_which_basis(MembershipBasis basis, string expected)
    {
        var actor = new Actor(UserId.New(), "Y", ActorRole.YouthCare, "Org");
        var family = FamilyWith(new NetworkMember(actor.UserId, "Y", actor.Role, "Org", basis, Now.AddDays(-1)));

        var decision = BoardPolicy.Decide(actor, BoardAction.Read, family, Now);

        Assert.True(decision.Allowed);
        Assert.Contains(expected, decision.Reasons[0]);
    }
}
