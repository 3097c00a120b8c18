using Network.Domain.Families;

namespace Network.Domain.Registry;

/// <summary>
/// Woonplaatsbeginsel, as the product applies it: the municipality responsible for a child's
/// youth care is where the child lives according to the registry; for a placed child, where it
/// lived just before the placement. Derived, never typed in, so a registry correction shows at once.
/// </summary>
public static class Responsibility
{
    public static string? MunicipalityFor(Person child, Family family, DateOnly day)
    {
        var placement = family.Placements.FirstOrDefault(p => p.Child == child.Id && p.ActiveOn(day));
        return placement is not null ? placement.MunicipalityBefore ?? child.Details.Address?.Municipality : child.Details.Address?.Municipality;
    }
}
