namespace Network.Domain.Tests;

/// <summary>
/// The family view under the table ("Beyond items" in docs/authorization.md), on a family with
/// every framework: Tim (9) under OTS, Eva (16) under jeugdreclassering, Lars placed at a secret
/// address; the mother has gezag, the father lost it; the buurtteam has consent for Tim only.
/// </summary>
public sealed class FamilyPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly Organisation Gi = new(OrganisationId.New(), "GI Samen Veilig", OrganisationType.CertifiedInstitution);
    private static readonly PersonId Mother = PersonId.New(), Father = PersonId.New(), Tim = PersonId.New(), Eva = PersonId.New(), Lars = PersonId.New();
    private static readonly Dictionary<PersonId, DateOnly> Born = new()
    {
        [Tim] = new DateOnly(2017, 2, 2), [Eva] = new DateOnly(2010, 3, 1), [Lars] = new DateOnly(2014, 5, 5),
    };
    private static readonly Actor Fatima = new(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, OrganisationId.New(), "Buurtteam");
    private static readonly Actor Jeroen = new(UserId.New(), "Jeroen", ActorRole.YouthCare, OrganisationId.New(), "De Brug");
    private static readonly Actor Peter = new(UserId.New(), "Peter", ActorRole.FamilyGuardian, Gi.Id, Gi.Name);
    private static readonly Actor Rik = new(UserId.New(), "Rik", ActorRole.ProbationOfficer, Gi.Id, Gi.Name);
    private static readonly Actor Linda = new(UserId.New(), "Linda", ActorRole.Parent, PersonId: Mother);
    private static readonly Actor Kees = new(UserId.New(), "Kees", ActorRole.Parent, PersonId: Father);
    private static readonly Actor EvaHerself = new(UserId.New(), "Eva", ActorRole.Youth, PersonId: Eva);

    private static Family Bos(Func<FamilyOf, Family, Family>? more = null)
    {
        var f = Apply(null, FamilyDecisions.Register(FamilyId.New(), "Gezin Bos", Fatima, Now.AddDays(-30)));
        Family Do(Func<FamilyOf, IReadOnlyList<object>> decide) => f = Apply(f, decide(new FamilyOf(f, Born)));
        Do(x => FamilyDecisions.AddMember(x, Fatima, Mother, Relation.Parent, Now));
        Do(x => FamilyDecisions.AddMember(x, Fatima, Father, Relation.Parent, Now));
        foreach (var child in new[] { Tim, Eva, Lars })
        {
            Do(x => FamilyDecisions.AddMember(x, Fatima, child, Relation.Child, Now));
            Do(x => FamilyDecisions.RecordAuthority(x, Fatima, Mother, child, Born[child], Now));
        }
        Do(x => FamilyDecisions.RecordMeasure(x, Fatima, MeasureId.New(), Tim, MeasureType.Ots, Gi, Today.AddYears(-1), Today.AddYears(1), Now));
        Do(x => FamilyDecisions.RecordMeasure(x, Fatima, MeasureId.New(), Eva, MeasureType.Jeugdreclassering, Gi, Today.AddMonths(-3), Today.AddMonths(9), Now));
        Do(x => FamilyDecisions.RecordMeasure(x, Fatima, MeasureId.New(), Lars, MeasureType.Ots, Gi, Today.AddYears(-1), Today.AddYears(1), Now));
        Do(x => FamilyDecisions.StartPlacement(x, Fatima, PlacementId.New(), Lars, Today.AddMonths(-6),
            new Address("Boslaan", "12", "3701 AB", "Zeist", "Zeist"), true, null, Now));
        Do(x => FamilyDecisions.InviteProfessional(x, Fatima, Peter, MembershipBasis.LegalBasis, [Tim, Lars], Now));
        Do(x => FamilyDecisions.InviteProfessional(x, Fatima, Rik, MembershipBasis.LegalBasis, [Eva], Now));
        Do(x => FamilyDecisions.GiveConsent(x, Linda, Fatima.UserId, Tim, Now));
        return more is null ? f : more(new FamilyOf(f, Born), f);
    }

    private static Family Apply(Family? f, IReadOnlyList<object> events) => events.Aggregate(f, Family.Evolve)!;

    private static FamilySight See(Actor actor, Family family) => FamilyPolicy.See(actor, family, Born, AuthorizationTable.Default, Now);

    private static IEnumerable<MeasureType> MeasuresSeen(FamilySight sight, Family family) =>
        family.Measures.Where(m => sight.Child(m.Child) is { } c && c.Full && c.Of(Measures.CategoryOf(m.Type)) != Sight.None).Select(m => m.Type);

    [Fact]
    public void jeugdreclassering_is_justice_information_hidden_from_whoever_the_table_hides_it_from()
    {
        var bos = Bos();

        // A parent with gezag of a 16-year-old (condition 7), a parent without gezag, the buurtteam: no justice.
        Assert.DoesNotContain(MeasureType.Jeugdreclassering, MeasuresSeen(See(Linda, bos), bos));
        Assert.DoesNotContain(MeasureType.Jeugdreclassering, MeasuresSeen(See(Kees, bos), bos));
        Assert.DoesNotContain(MeasureType.Jeugdreclassering, MeasuresSeen(See(Fatima, bos), bos));
        // Eva herself, and the probation officer carrying it out, do.
        Assert.Contains(MeasureType.Jeugdreclassering, MeasuresSeen(See(EvaHerself, bos), bos));
        Assert.Contains(MeasureType.Jeugdreclassering, MeasuresSeen(See(Rik, bos), bos));
    }

    [Fact]
    public void the_network_list_names_the_probation_officer_only_to_those_who_may_know_of_the_measure()
    {
        var bos = Bos();

        Assert.DoesNotContain(See(Linda, bos).Network, m => m.Professional == Rik.UserId);
        Assert.DoesNotContain(See(Kees, bos).Network, m => m.Professional == Rik.UserId);
        Assert.DoesNotContain(See(Fatima, bos).Network, m => m.Professional == Rik.UserId);
        Assert.Contains(See(EvaHerself, bos).Network, m => m.Professional == Rik.UserId);
        // The coordinator is known to everyone who sees the family.
        Assert.Contains(See(EvaHerself, bos).Network, m => m.Professional == Fatima.UserId && m.IsCoordinator);
    }

    [Fact]
    public void a_parent_without_gezag_sees_that_a_court_measure_exists_but_not_who_carries_it_out()
    {
        var bos = Bos();
        var tim = See(Kees, bos).Child(Tim)!;

        Assert.Equal(Sight.ExistenceOnly, tim.Of(InformationCategory.CourtMeasure));
        Assert.Equal(Sight.Full, See(Linda, bos).Child(Tim)!.Of(InformationCategory.CourtMeasure));
    }

    [Fact]
    public void a_child_one_has_no_standing_on_is_absent_and_an_invitation_waiting_for_consent_shows_only_its_name()
    {
        var bos = Bos();
        var fatima = See(Fatima, bos);

        Assert.True(fatima.Child(Tim)!.Full);
        Assert.True(fatima.Child(Eva)!.Pending);
        Assert.Equal(Sight.None, fatima.Child(Eva)!.Of(InformationCategory.General));
        Assert.Null(See(Peter, bos).Child(Eva));
    }

    [Fact]
    public void only_legal_basis_reads_the_secret_address()
    {
        var bos = Bos();

        Assert.Equal(Sight.Full, See(Peter, bos).Child(Lars)!.Of(InformationCategory.SecretAddress));
        Assert.Equal(Sight.None, See(Linda, bos).Child(Lars)!.Of(InformationCategory.SecretAddress));
        Assert.Equal(Sight.None, See(Fatima, bos).Child(Lars)?.Of(InformationCategory.SecretAddress) ?? Sight.None);
    }

    [Fact]
    public void when_standing_ends_the_family_is_unknown_on_every_path()
    {
        var withdrawn = Bos((x, f) => Apply(f, FamilyDecisions.WithdrawConsent(x, Linda, Fatima.UserId, Tim, Now)));
        var measureEnded = Bos();
        var evaMeasure = measureEnded.Measures.Single(m => m.Child == Eva).Id;
        measureEnded = Apply(measureEnded, FamilyDecisions.EndMeasure(new FamilyOf(measureEnded, Born), Peter, evaMeasure, Today, Now));

        Assert.False(FamilyPolicy.ReadBoard(Fatima, withdrawn, Born, AuthorizationTable.Default, Now).KnowsItExists);
        Assert.False(FamilyPolicy.See(Rik, measureEnded, Born, AuthorizationTable.Default, Now).Decision.KnowsItExists);
        Assert.False(FamilyPolicy.Knows(Rik, measureEnded, Born, Now));
    }

    [Fact]
    public void a_new_family_without_children_is_open_to_the_coordinator_who_registered_it()
    {
        var family = Apply(null, FamilyDecisions.Register(FamilyId.New(), "Gezin Nieuw", Fatima, Now.AddMinutes(-1)));

        Assert.True(FamilyPolicy.ReadBoard(Fatima, family, Born, AuthorizationTable.Default, Now).Allowed);
        Assert.True(FamilyPolicy.Manage(Fatima, family, Born, Now).Allowed);
        Assert.False(FamilyPolicy.ReadBoard(Jeroen, family, Born, AuthorizationTable.Default, Now).KnowsItExists);
    }

    [Fact]
    public void every_fact_shown_names_its_person_for_the_access_log()
    {
        var bos = Bos();

        var subjects = See(Linda, bos).Decision.Subjects;

        Assert.Contains(subjects, s => s.Person is null && s.Allowed);
        Assert.Contains(subjects, s => s.Person == Tim && s.Basis == AccessBasis.FamilyMember);
        Assert.Contains(subjects, s => s.Person == Father);
    }
}
