using Network.Domain.Figures;

namespace Network.Domain.Tests;

/// <summary>Figures per municipality and the changes of municipality (#13), from events alone.</summary>
public sealed class MunicipalityFiguresTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId System = new(Guid.Empty);
    private static readonly UserId Worker = new(Guid.CreateVersion7());

    private static Address In(string municipality) => new("Straat", "1", "1234 AB", municipality, municipality);

    private static PersonDetails Child(string name, string municipality) =>
        new(new PersonName(name, null, "Test"), new DateOnly(2015, 1, 1), null, In(municipality), null, null, null, null);

    [Fact]
    public void a_count_under_the_threshold_is_suppressed_and_zero_is_not()
    {
        Assert.Equal(5, MunicipalityFigures.DefaultThreshold);
        Assert.Null(MunicipalityFigures.Cell(1, 5));
        Assert.Null(MunicipalityFigures.Cell(4, 5));
        Assert.Equal(5, MunicipalityFigures.Cell(5, 5));
        Assert.Equal(0, MunicipalityFigures.Cell(0, 5));
    }

    [Fact]
    public void children_families_frameworks_consent_days_and_consultations_count_per_municipality_and_month()
    {
        var family = new FamilyId(Guid.CreateVersion7());
        var (a, b, parent) = (PersonId.New(), PersonId.New(), PersonId.New());
        var events = new List<object>
        {
            new FamilyRegistered(family, "Gezin Test", Start),
            new FamilyMemberAdded(family, parent, Relation.Parent, Start),
            new FamilyMemberAdded(family, a, Relation.Child, Start),
            new FamilyMemberAdded(family, b, Relation.Child, Start.AddMonths(1)),
            new ConsentGiven(family, Worker, a, parent, Start.AddDays(3)),
            new MeasureRecorded(family, new Measure(MeasureId.New(), b, MeasureType.Ots, new OrganisationId(Guid.CreateVersion7()), "GI",
                new DateOnly(2026, 4, 15), new DateOnly(2026, 5, 20)), Start.AddMonths(1)),
        };
        var people = new Dictionary<PersonId, IReadOnlyList<object>>
        {
            [a] = [new PersonRegistered(a, Child("A", "Amersfoort"), System, Start)],
            [b] = [new PersonRegistered(b, Child("B", "Amersfoort"), System, Start)],
        };
        var held = new AppointmentFact(family, [a], new DateTimeOffset(2026, 4, 2, 10, 0, 0, TimeSpan.Zero), 30, false);
        var cancelled = held with { Cancelled = true };
        var coming = held with { Start = new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero) };
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

        var figures = MunicipalityFigures.Compute([new FamilyHistory(family, events)], people, [held, cancelled, coming], now);
        FigureCounts Month(int m) => Assert.Single(figures, f => f.Month == new DateOnly(2026, m, 1) && f.Municipality == "Amersfoort");

        var march = Month(3);
        Assert.Equal((1, 1, 1, 3.0), (march.Families, march.Children, march.ConsentsFirstGiven, march.AverageDaysToFirstConsent!.Value));
        Assert.Equal(1, march.ChildrenByFramework[Framework.Voluntary]);
        var april = Month(4);
        Assert.Equal((1, 2, 1), (april.Families, april.Children, april.Consultations));
        Assert.Equal(1, april.MeasuresStarted[MeasureType.Ots]);
        Assert.Equal(1, april.ChildrenByFramework[Framework.Civil]);
        var may = Month(5);
        Assert.Equal(1, may.MeasuresEnded[MeasureType.Ots]);
        Assert.Equal(2, may.ChildrenByFramework[Framework.Voluntary]);
        Assert.Equal(0, Month(6).Consultations);
    }

    [Fact]
    public void a_move_during_a_placement_changes_the_municipality_only_when_the_placement_ends()
    {
        var family = new FamilyId(Guid.CreateVersion7());
        var child = PersonId.New();
        var placement = new Placement(PlacementId.New(), child, new DateOnly(2026, 4, 1), null, In("Zeist"), true, "Utrecht");
        var familyEvents = new List<object>
        {
            new FamilyRegistered(family, "Gezin Test", Start),
            new FamilyMemberAdded(family, child, Relation.Child, Start),
            new PlacementStarted(family, placement, Start.AddDays(20)),
            new PlacementEnded(family, placement.Id, new DateOnly(2026, 8, 1), Start.AddMonths(5)),
        };
        var personEvents = new List<object>
        {
            new PersonRegistered(child, Child("C", "Utrecht"), System, Start),
            new PersonDetailsCorrected(child, Child("C", "Amersfoort"), "BRP", System, Start.AddMonths(2)),
            new PersonDetailsCorrected(child, Child("C", "Houten"), "BRP", System, Start.AddMonths(6)),
        };

        var changes = ResponsibilityChanges.Of(child, family, personEvents, familyEvents);

        // The move to Amersfoort during the placement changes nothing (Utrecht, where the child lived before, pays);
        // the end of the placement makes Amersfoort responsible; the later move makes Houten responsible.
        Assert.Equal(
        [
            (new DateOnly(2026, 8, 1), "Utrecht", "Amersfoort", ResponsibilityFact.PlacementEnded),
            (DateOnly.FromDateTime(Start.AddMonths(6).UtcDateTime), "Amersfoort", "Houten", ResponsibilityFact.AddressChanged),
        ], changes.Select(c => (c.On, c.From, c.To, c.Fact)));
    }
}
