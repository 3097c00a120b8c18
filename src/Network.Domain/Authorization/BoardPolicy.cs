using Network.Domain.Families;

namespace Network.Domain.Authorization;

/// <summary>
/// The single decision function for boards. Pure: the family, the actor and the time come in
/// as arguments. The authorization-table issue grows this into the full table with categories,
/// conditions and audiences; every path already calls it.
/// </summary>
public static class BoardPolicy
{
    public static Decision Decide(Actor actor, BoardAction action, Family family, DateTimeOffset at)
    {
        if (actor.Role is ActorRole.FunctionalAdministrator or ActorRole.ContractManager)
            return Decision.NoStanding("Beheerders en contractmanagers zien geen casusinhoud.");

        var member = family.MemberFor(actor.UserId);
        if (member is null || member.Since > at)
            return Decision.NoStanding("U hoort niet bij het netwerk van dit gezin.");

        var standing = member.Basis switch
        {
            MembershipBasis.FamilyMember => $"u bent gezinslid van {family.Name}",
            MembershipBasis.Consent => $"u hoort met toestemming van het gezin bij het netwerk sinds {member.Since:yyyy-MM-dd}",
            MembershipBasis.LegalBasis => $"u hoort op wettelijke grondslag bij het netwerk sinds {member.Since:yyyy-MM-dd}",
            _ => "onbekende grondslag",
        };

        return action switch
        {
            BoardAction.Read => Decision.Allow($"Toegestaan: {standing}."),
            BoardAction.PostItem => Decision.Allow($"Toegestaan: {standing}; netwerkleden mogen notities plaatsen."),
            _ => Decision.Deny("Onbekende handeling."),
        };
    }
}
