using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Authorization;

/// <summary>
/// The decision function for boards. Pure: the family, the children's birth dates (from the
/// registry), the actor and the time come in as arguments. A family board is about the family as
/// a whole, so standing on any child of it opens the board. The authorization-table issue grows
/// this into the full table with categories, conditions and audiences; every path already calls it.
/// </summary>
public static class BoardPolicy
{
    public static Decision Decide(
        Actor actor, BoardAction action, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, DateTimeOffset at)
    {
        var standings = family.Children
            .Select(child => Standings.OnChild(family, actor, child, birthDates.GetValueOrDefault(child), at))
            .Where(s => s.Exists)
            .ToList();
        if (standings.Count == 0)
            return Decision.NoStanding("U hoort niet bij het netwerk van dit gezin.");

        return action switch
        {
            BoardAction.Read => Decision.Allow($"Toegestaan: {standings[0].Reason}"),
            BoardAction.PostItem => Decision.Allow($"Toegestaan: {standings[0].Reason} Netwerkleden mogen notities plaatsen."),
            _ => Decision.Deny("Onbekende handeling."),
        };
    }
}
