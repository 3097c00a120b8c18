using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Figures;

/// <summary>The framework a child is helped in during a month: the heaviest that applies at its end.</summary>
public enum Framework
{
    /// <summary>Voluntary help (consent), or no measure.</summary>
    Voluntary,
    /// <summary>A civil measure: OTS, voogdij or machtiging uithuisplaatsing.</summary>
    Civil,
    /// <summary>Jeugdreclassering (criminal law), without a civil measure.</summary>
    Criminal,
    /// <summary>Only a Raad voor de Kinderbescherming investigation.</summary>
    Investigation,
}

/// <summary>A family's history: its events, oldest first.</summary>
public sealed record FamilyHistory(FamilyId Id, IReadOnlyList<object> Events);

/// <summary>A case consultation as far as figures need it (Cancelled: not held): no title, no place, no names.</summary>
public sealed record AppointmentFact(FamilyId Family, ImmutableArray<PersonId> About, DateTimeOffset Start, int DurationMinutes, bool Cancelled);

/// <summary>The counts of one municipality of responsibility in one month, before suppression.</summary>
public sealed record FigureCounts(
    string Municipality, DateOnly Month, int Families, int Children, ImmutableDictionary<Framework, int> ChildrenByFramework,
    ImmutableDictionary<MeasureType, int> MeasuresStarted, ImmutableDictionary<MeasureType, int> MeasuresEnded,
    int ConsentsFirstGiven, double? AverageDaysToFirstConsent, int Consultations);

/// <summary>
/// Aggregate figures per municipality of responsibility (woonplaatsbeginsel, <see cref="Responsibility"/>)
/// and month, computed from events: families and children in the network, children per framework,
/// measures started and ended by type, the average days from a child's registration in a family
/// to the first consent for it, and case consultations held. Only counts: no names, no
/// text. <see cref="Cell"/> hides every cell under the threshold before anything leaves.
/// </summary>
public static class MunicipalityFigures
{
    public const int DefaultThreshold = 5;
    public const string Unknown = "onbekend";

    private static readonly MeasureType[] Civil = [MeasureType.Ots, MeasureType.Voogdij, MeasureType.MachtigingUithuisplaatsing];

    public static IReadOnlyList<FigureCounts> Compute(
        IReadOnlyList<FamilyHistory> families, IReadOnlyDictionary<PersonId, IReadOnlyList<object>> people,
        IReadOnlyList<AppointmentFact> appointments, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var state = families.ToDictionary(f => f.Id, f => f.Events.Aggregate((Family?)null, Family.Evolve));
        // When each child joined its family, and when the first consent for it was given.
        var joined = new List<(FamilyId Family, PersonId Child, DateTimeOffset At)>();
        var firstConsent = new Dictionary<(FamilyId, PersonId), DateTimeOffset>();
        foreach (var f in families)
        foreach (var e in f.Events)
            switch (e)
            {
                case FamilyMemberAdded { Relation: Relation.Child } m when !joined.Any(j => j.Family == f.Id && j.Child == m.PersonId):
                    joined.Add((f.Id, m.PersonId, m.At));
                    break;
                case ConsentGiven c:
                    firstConsent.TryAdd((f.Id, c.Child), c.At);
                    break;
                case ConsentRecordedOnBehalf c:
                    firstConsent.TryAdd((f.Id, c.Child), c.At);
                    break;
            }

        string MunicipalityOf(FamilyId family, PersonId child, DateOnly day)
        {
            if (!people.TryGetValue(child, out var events) || events.Count == 0 || state[family] is not { } f) return Unknown;
            var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var asOf = events.Where(e => At(e) < end).Aggregate((Person?)null, Person.Evolve)
                ?? events.Take(1).Aggregate((Person?)null, Person.Evolve);
            return asOf is null ? Unknown : Responsibility.MunicipalityFor(asOf, f, day) ?? Unknown;
        }

        var first = joined.Select(j => j.At).DefaultIfEmpty(now).Min();
        var months = new List<DateOnly>();
        for (var m = new DateOnly(first.UtcDateTime.Year, first.UtcDateTime.Month, 1); m <= today; m = m.AddMonths(1)) months.Add(m);
        // Measures may have started long before the family joined Network: their months count too.
        var measureMonths = state.Values.OfType<Family>().SelectMany(f => f.Measures)
            .SelectMany(m => new[] { m.Start, m.End ?? DateOnly.MaxValue }).Where(d => d <= today).Select(d => new DateOnly(d.Year, d.Month, 1));
        months = [.. months.Union(measureMonths).Order()];

        var result = new List<FigureCounts>();
        foreach (var month in months)
        {
            var end = month.AddMonths(1).AddDays(-1) is var last && last < today ? last : today;
            var endInstant = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var children = joined.Where(j => j.At < endInstant)
                .Select(j => (j.Family, j.Child, Municipality: MunicipalityOf(j.Family, j.Child, end))).ToList();
            var municipalityOf = children.ToDictionary(c => (c.Family, c.Child), c => c.Municipality);

            var started = state.Values.OfType<Family>().SelectMany(f => f.Measures.Select(m => (f.Id, m)))
                .Where(x => x.m.Start >= month && x.m.Start <= end).ToList();
            var ended = state.Values.OfType<Family>().SelectMany(f => f.Measures.Select(m => (f.Id, m)))
                .Where(x => x.m.End is { } e && e >= month && e <= end).ToList();
            var consents = firstConsent.Where(c => c.Value >= ToInstant(month) && c.Value < endInstant)
                .Select(c => (Key: c.Key, Days: (c.Value - joined.FirstOrDefault(j => (j.Family, j.Child) == c.Key).At).TotalDays)).ToList();
            var held = appointments.Where(a => !a.Cancelled && a.Start >= ToInstant(month) && a.Start < endInstant
                && a.Start.AddMinutes(a.DurationMinutes) <= now).ToList();

            string Of(FamilyId family, PersonId child) =>
                municipalityOf.TryGetValue((family, child), out var m) ? m : MunicipalityOf(family, child, end);

            var municipalities = children.Select(c => c.Municipality)
                .Concat(started.Concat(ended).Select(x => Of(x.Id, x.m.Child)))
                .Distinct().Order(StringComparer.Ordinal);
            foreach (var municipality in municipalities)
            {
                var here = children.Where(c => c.Municipality == municipality).ToList();
                var byFramework = Enum.GetValues<Framework>().ToImmutableDictionary(f => f,
                    f => here.Count(c => FrameworkOf(state[c.Family]!, c.Child, end) == f));
                var consentsHere = consents.Where(c => Of(c.Key.Item1, c.Key.Item2) == municipality).ToList();
                var consultations = held.Count(a =>
                {
                    var about = a.About.IsDefaultOrEmpty
                        ? here.Where(c => c.Family == a.Family).Select(c => c.Child).ToList()
                        : [.. a.About.Where(p => here.Any(c => c.Family == a.Family && c.Child == p))];
                    return about.Count > 0;
                });
                var counts = new FigureCounts(
                    municipality, month,
                    here.Select(c => c.Family).Distinct().Count(), here.Count, byFramework,
                    Enum.GetValues<MeasureType>().ToImmutableDictionary(t => t, t => started.Count(x => x.m.Type == t && Of(x.Id, x.m.Child) == municipality)),
                    Enum.GetValues<MeasureType>().ToImmutableDictionary(t => t, t => ended.Count(x => x.m.Type == t && Of(x.Id, x.m.Child) == municipality)),
                    consentsHere.Count, consentsHere.Count > 0 ? Math.Round(consentsHere.Average(c => c.Days), 1) : null,
                    consultations);
                result.Add(counts);
            }
        }
        return result;
    }

    /// <summary>The framework of a child on a day, from the measures active then.</summary>
    public static Framework FrameworkOf(Family family, PersonId child, DateOnly day)
    {
        var active = family.Measures.Where(m => m.Child == child && m.ActiveOn(day)).Select(m => m.Type).ToList();
        if (active.Any(Civil.Contains)) return Framework.Civil;
        if (active.Contains(MeasureType.Jeugdreclassering)) return Framework.Criminal;
        if (active.Contains(MeasureType.RaadOnderzoek)) return Framework.Investigation;
        return Framework.Voluntary;
    }

    /// <summary>A count, or null when it is above zero and under the threshold (too few to show without pointing at someone).</summary>
    public static int? Cell(int count, int threshold) => count > 0 && count < threshold ? null : count;

    private static DateTimeOffset ToInstant(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset At(object e) => e switch
    {
        PersonRegistered r => r.At,
        PersonDetailsCorrected c => c.At,
        PersonMergedInto m => m.At,
        PersonAbsorbed a => a.At,
        _ => DateTimeOffset.MinValue,
    };
}
