using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Figures;

/// <summary>What changed a child's municipality of responsibility: a registry fact, never free text.</summary>
public enum ResponsibilityFact
{
    /// <summary>The registry's address of the child moved to another municipality.</summary>
    AddressChanged,
    /// <summary>A placement started: the municipality where the child lived before it is responsible.</summary>
    PlacementStarted,
    /// <summary>A placement ended: the child's own address counts again.</summary>
    PlacementEnded,
}

/// <summary>One change of a child's municipality of responsibility, with its day and the fact that caused it.</summary>
public sealed record ResponsibilityChange(PersonId Child, FamilyId Family, DateOnly On, string? From, string? To, ResponsibilityFact Fact);

/// <summary>
/// Which children changed municipality of responsibility (woonplaatsbeginsel), when, and by which
/// registry fact: found by replaying the child's registry events and the family's placements,
/// and asking <see cref="Responsibility"/> after each, so nobody has to work it out by hand.
/// </summary>
public static class ResponsibilityChanges
{
    public static IReadOnlyList<ResponsibilityChange> Of(PersonId child, FamilyId familyId, IReadOnlyList<object> personEvents, IReadOnlyList<object> familyEvents)
    {
        var steps = new List<(DateTimeOffset At, DateOnly On, object Event, bool OnPerson)>();
        foreach (var e in personEvents)
            if (e is PersonRegistered r) steps.Add((r.At, DateOnly.FromDateTime(r.At.UtcDateTime), e, true));
            else if (e is PersonDetailsCorrected c) steps.Add((c.At, DateOnly.FromDateTime(c.At.UtcDateTime), e, true));
        foreach (var e in familyEvents)
            steps.Add(e switch
            {
                PlacementStarted s => (s.At, s.Placement.From, e, false),
                PlacementEnded x => (x.At, x.On, e, false),
                _ => (DateTimeOffset.MinValue, DateOnly.MinValue, e, false),
            });

        Person? person = null;
        Family? family = null;
        string? current = null;
        var changes = new List<ResponsibilityChange>();
        foreach (var (_, on, e, onPerson) in steps.OrderBy(s => s.At))
        {
            if (onPerson) person = Person.Evolve(person, e);
            else family = Family.Evolve(family, e);
            if (person is null || family is null) continue;
            var now = Responsibility.MunicipalityFor(person, family, on);
            var fact = e switch
            {
                PlacementStarted s when s.Placement.Child == child => ResponsibilityFact.PlacementStarted,
                PlacementEnded => ResponsibilityFact.PlacementEnded,
                PersonDetailsCorrected => ResponsibilityFact.AddressChanged,
                _ => (ResponsibilityFact?)null,
            };
            if (fact is { } f && current is not null && now != current)
                changes.Add(new ResponsibilityChange(child, familyId, on, current, now, f));
            current = now;
        }
        return changes;
    }
}
