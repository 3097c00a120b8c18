using Marten;
using Microsoft.AspNetCore.Identity;
using Network.Api.Infrastructure.Auth;

namespace Network.Api.Infrastructure.Setup;

/// <summary>
/// A small demo region: organisations, professionals, registry persons and two families, whose
/// parents can log in. Created through the same domain decisions as the app uses. Created once;
/// a second run finds it and does nothing.
/// </summary>
public sealed class DemoRegion(
    UserManager<NetworkUser> users, IDocumentSession session, Features.Documents.IFileStore files, TimeProvider clock, ILogger<DemoRegion> logger)
{
    public const string Password = "Netwerk-demo-2026";

    public sealed record DemoOrganisation(OrganisationId Id, string Name, OrganisationType Type);

    public sealed record DemoUser(string Email, string DisplayName, ActorRole Role, DemoOrganisation? Organisation, PersonId? Person = null);

    private static OrganisationId Org(int n) => new(Guid.Parse($"0193a000-0000-7000-8000-0000000000{n:D2}"));
    private static PersonId Pid(int n) => new(Guid.Parse($"0193a000-0000-7000-8000-0000000001{n:D2}"));

    public static readonly DemoOrganisation Buurtteam = new(Org(1), "Buurtteam Utrecht-Oost", OrganisationType.NeighbourhoodTeam);
    public static readonly DemoOrganisation DeBrug = new(Org(2), "Jeugdhulp De Brug", OrganisationType.YouthCareProvider);
    public static readonly DemoOrganisation SamenVeilig = new(Org(3), "GI Samen Veilig", OrganisationType.CertifiedInstitution);
    public static readonly DemoOrganisation Regio = new(Org(4), "Regio Utrecht", OrganisationType.Administration);
    public static readonly DemoOrganisation Raad = new(Org(5), "Raad voor de Kinderbescherming Midden-Nederland", OrganisationType.ChildProtectionBoard);
    public static readonly DemoOrganisation Jgz = new(Org(6), "JGZ Utrecht", OrganisationType.YouthHealth);
    public static readonly DemoOrganisation Gemeente = new(Org(7), "Gemeente Utrecht", OrganisationType.Municipality);
    public static IReadOnlyList<DemoOrganisation> Organisations => [Buurtteam, DeBrug, SamenVeilig, Regio, Raad, Jgz, Gemeente];

    public static readonly PersonId SannePerson = Pid(1);
    public static readonly PersonId DaanPerson = Pid(2);
    public static readonly PersonId NoorPerson = Pid(3);
    public static readonly PersonId MarkPerson = Pid(4);
    public static readonly PersonId AysePerson = Pid(5);
    public static readonly PersonId EmrePerson = Pid(6);
    public static readonly PersonId LindaPerson = Pid(7);
    public static readonly PersonId KeesPerson = Pid(8);
    public static readonly PersonId TimPerson = Pid(9);
    public static readonly PersonId EvaPerson = Pid(10);
    public static readonly PersonId LarsPerson = Pid(11);
    /// <summary>Oma Riet: in Gezin Jansen's network, without an account.</summary>
    public static readonly PersonId RietPerson = Pid(12);

    public static readonly DemoUser Coordinator = new("fatima@buurtteam.demo", "Fatima El Amrani", ActorRole.NeighbourhoodTeam, Buurtteam);
    public static readonly DemoUser YouthCareWorker = new("jeroen@debrug.demo", "Jeroen de Vries", ActorRole.YouthCare, DeBrug);
    public static readonly DemoUser Parent = new("sanne.jansen@gezin.demo", "Sanne Jansen", ActorRole.Parent, null, SannePerson);
    public static readonly DemoUser Youth = new("noor.jansen@gezin.demo", "Noor Jansen", ActorRole.Youth, null, NoorPerson);
    public static readonly DemoUser NewParent = new("mark.deboer@gezin.demo", "Mark de Boer", ActorRole.Parent, null, MarkPerson);
    public static readonly DemoUser YilmazParent = new("ayse.yilmaz@gezin.demo", "Ayşe Yılmaz", ActorRole.Parent, null, AysePerson);
    public static readonly DemoUser Guardian = new("peter@samenveilig.demo", "Peter Bakker", ActorRole.FamilyGuardian, SamenVeilig);
    public static readonly DemoUser BosMother = new("linda.bos@gezin.demo", "Linda Bos", ActorRole.Parent, null, LindaPerson);
    public static readonly DemoUser BosFather = new("kees.bos@gezin.demo", "Kees Bos", ActorRole.Parent, null, KeesPerson);
    public static readonly DemoUser BosYouth = new("eva.bos@gezin.demo", "Eva Bos", ActorRole.Youth, null, EvaPerson);
    public static readonly DemoUser ProbationOfficer = new("rik@samenveilig.demo", "Rik Meijer", ActorRole.ProbationOfficer, SamenVeilig);
    public static readonly DemoUser BoardInvestigator = new("anouk@raad.demo", "Anouk de Wit", ActorRole.ChildProtectionBoard, Raad);
    public static readonly DemoUser YouthDoctor = new("sophie@jgz.demo", "Sophie Visser", ActorRole.YouthHealth, Jgz);
    public static readonly DemoUser Grandmother = new("riet.jansen@gezin.demo", "Riet Jansen", ActorRole.NetworkMember, null, RietPerson);
    public static readonly DemoUser Administrator = new("beheer@network.demo", "Functioneel beheer", ActorRole.FunctionalAdministrator, Regio);
    /// <summary>The municipality's contract manager: aggregate figures only, no case content.</summary>
    public static readonly DemoUser ContractManager = new("gemeente@utrecht.demo", "Contractmanager Gemeente Utrecht", ActorRole.ContractManager, Gemeente);

    public static IReadOnlyList<DemoUser> Users =>
        [Coordinator, YouthCareWorker, Parent, Youth, NewParent, YilmazParent, Guardian, Administrator,
         BosMother, BosFather, BosYouth, ProbationOfficer, BoardInvestigator, YouthDoctor, Grandmother, ContractManager];

    /// <summary>Stable ids, so a re-run and the tests can find the demo families and boards.</summary>
    public static readonly FamilyId JansenFamily = new(Guid.Parse("0193a000-0000-7000-8000-00000000f001"));
    public static readonly BoardId JansenBoard = new(Guid.Parse("0193a000-0000-7000-8000-00000000b001"));
    public static readonly FamilyId YilmazFamily = new(Guid.Parse("0193a000-0000-7000-8000-00000000f002"));
    public static readonly BoardId YilmazBoard = new(Guid.Parse("0193a000-0000-7000-8000-00000000b002"));
    public static readonly FamilyId BosFamily = new(Guid.Parse("0193a000-0000-7000-8000-00000000f003"));
    public static readonly BoardId BosBoard = new(Guid.Parse("0193a000-0000-7000-8000-00000000b003"));

    public async Task EnsureAsync(CancellationToken ct)
    {
        var actors = new Dictionary<DemoUser, Actor>();
        foreach (var u in Users) actors[u] = await EnsureUserAsync(u);

        if (await session.LoadAsync<Family>(JansenFamily, ct) is not null)
            return;

        var now = clock.GetUtcNow();
        var system = new UserId(Guid.Empty);
        var orgs = new Dictionary<OrganisationId, Organisation>();
        foreach (var o in Organisations)
        {
            var events = Organisation.Register(o.Id, o.Name, o.Type, now);
            session.Events.StartStream<Organisation>(o.Id.Value, events.ToArray());
            orgs[o.Id] = events.Aggregate((Organisation?)null, Organisation.Evolve)!;
        }

        Address Utrecht(string street, string number) => new(street, number, "3581 KL", "Utrecht", "Utrecht");
        var people = new Dictionary<PersonId, PersonDetails>
        {
            [SannePerson] = new(new("Sanne", null, "Jansen"), new DateOnly(1988, 6, 3), "111222333", Utrecht("Burgemeester Reigerstraat", "12"), "06-12345678", "sanne.jansen@gezin.demo", null, "Huisartsenpraktijk Oost"),
            [DaanPerson] = new(new("Daan", null, "Jansen"), new DateOnly(2018, 5, 14), null, Utrecht("Burgemeester Reigerstraat", "12"), null, null, "Basisschool De Regenboog", "Huisartsenpraktijk Oost"),
            [NoorPerson] = new(new("Noor", null, "Jansen"), new DateOnly(2012, 3, 2), null, Utrecht("Burgemeester Reigerstraat", "12"), null, "noor.jansen@gezin.demo", "Stedelijk Gymnasium", "Huisartsenpraktijk Oost"),
            [MarkPerson] = new(new("Mark", "de", "Boer"), new DateOnly(1985, 11, 20), "123456782", new("Oudegracht", "200", "3511 NR", "Utrecht", "Utrecht"), "06-87654321", "mark.deboer@gezin.demo", null, null),
            [AysePerson] = new(new("Ayşe", null, "Yılmaz"), new DateOnly(1990, 1, 15), null, new("Amsterdamsestraatweg", "50", "3513 AC", "Utrecht", "Utrecht"), null, null, null, null),
            [EmrePerson] = new(new("Emre", null, "Yılmaz"), new DateOnly(2016, 9, 9), null, new("Amsterdamsestraatweg", "50", "3513 AC", "Utrecht", "Utrecht"), null, null, "OBS Zuilen", null),
            [LindaPerson] = new(new("Linda", null, "Bos"), new DateOnly(1982, 4, 4), null, new("Kanaalweg", "8", "3526 KL", "Utrecht", "Utrecht"), "06-11112222", "linda.bos@gezin.demo", null, null),
            [KeesPerson] = new(new("Kees", null, "Bos"), new DateOnly(1980, 8, 8), null, new("Lange Nieuwstraat", "3", "3512 PA", "Utrecht", "Utrecht"), null, "kees.bos@gezin.demo", null, null),
            [TimPerson] = new(new("Tim", null, "Bos"), new DateOnly(2017, 2, 2), null, new("Kanaalweg", "8", "3526 KL", "Utrecht", "Utrecht"), null, null, "OBS Kanaleneiland", null),
            [EvaPerson] = new(new("Eva", null, "Bos"), new DateOnly(2010, 3, 1), null, new("Kanaalweg", "8", "3526 KL", "Utrecht", "Utrecht"), null, "eva.bos@gezin.demo", "ROC Midden Nederland", null),
            [RietPerson] = new(new("Riet", null, "Jansen"), new DateOnly(1958, 2, 11), null, Utrecht("Adelaarstraat", "40"), "030-2345678", null, null, null),
            [LarsPerson] = new(new("Lars", null, "Bos"), new DateOnly(2014, 5, 5), null, new("Kanaalweg", "8", "3526 KL", "Utrecht", "Utrecht"), null, null, null, null),
        };
        foreach (var (id, details) in people)
            session.Events.StartStream<Person>(id.Value, Person.Register(id, details, system, now).ToArray());

        var birthDates = people.ToDictionary(p => p.Key, p => p.Value.DateOfBirth);
        var authorityFrom = new DateOnly(2012, 3, 2);

        // Gezin Jansen (in the network for a month, with a lived-in plan):
        var then = now.AddDays(-30);
        // voluntary help. Fatima (buurtteam) coordinates, Jeroen (jeugdhulp) helps Daan.
        var fatima = actors[Coordinator];
        var jansen = new FamilyBuilder(FamilyDecisions.Register(JansenFamily, "Gezin Jansen", fatima, then), birthDates);
        jansen.Do(f => FamilyDecisions.AddMember(f, fatima, SannePerson, Relation.Parent, then));
        jansen.Do(f => FamilyDecisions.AddMember(f, fatima, DaanPerson, Relation.Child, then));
        jansen.Do(f => FamilyDecisions.AddMember(f, fatima, NoorPerson, Relation.Child, then));
        jansen.Do(f => FamilyDecisions.AddMember(f, fatima, RietPerson, Relation.NetworkMember, then));
        jansen.Do(f => FamilyDecisions.RecordAuthority(f, fatima, SannePerson, DaanPerson, new DateOnly(2018, 5, 14), then));
        jansen.Do(f => FamilyDecisions.RecordAuthority(f, fatima, SannePerson, NoorPerson, authorityFrom, then));
        jansen.Do(f => FamilyDecisions.InviteProfessional(f, fatima, fatima, MembershipBasis.Consent, [DaanPerson, NoorPerson], then));
        jansen.Do(f => FamilyDecisions.InviteProfessional(f, fatima, actors[YouthCareWorker], MembershipBasis.Consent, [DaanPerson], then));
        var sanne = actors[Parent];
        var noor = actors[Youth];
        jansen.Do(f => FamilyDecisions.GiveConsent(f, sanne, fatima.UserId, DaanPerson, then));
        jansen.Do(f => FamilyDecisions.GiveConsent(f, sanne, fatima.UserId, NoorPerson, then));
        jansen.Do(f => FamilyDecisions.GiveConsent(f, noor, fatima.UserId, NoorPerson, then));
        jansen.Do(f => FamilyDecisions.GiveConsent(f, sanne, actors[YouthCareWorker].UserId, DaanPerson, then));
        session.Events.StartStream<Family>(JansenFamily.Value, jansen.Events.ToArray());
        var jansenBoard = Board.Open(JansenBoard, jansen.State, "Gezinsbord Jansen", now.AddDays(-30));
        session.Events.StartStream<Board>(JansenBoard.Value, jansenBoard.ToArray());
        DemoPlan.ForJansen(session, (Board)Board.Evolve(null, jansenBoard[0])!, new FamilyOf(jansen.State, birthDates), fatima,
            actors[YouthCareWorker], sanne, noor, DaanPerson, NoorPerson, SannePerson, RietPerson, now);
        await DemoItems.ForJansenAsync(session, files, new FamilyOf(jansen.State, birthDates), fatima, sanne, NoorPerson, now, ct);

        // Gezin Yılmaz: Emre is under supervision (OTS), executed by GI Samen Veilig (Peter).
        var peter = actors[Guardian];
        var yilmaz = new FamilyBuilder(FamilyDecisions.Register(YilmazFamily, "Gezin Yılmaz", peter, now), birthDates);
        yilmaz.Do(f => FamilyDecisions.AddMember(f, peter, AysePerson, Relation.Parent, now));
        yilmaz.Do(f => FamilyDecisions.AddMember(f, peter, EmrePerson, Relation.Child, now));
        yilmaz.Do(f => FamilyDecisions.RecordAuthority(f, peter, AysePerson, EmrePerson, new DateOnly(2016, 9, 9), now));
        yilmaz.Do(f => FamilyDecisions.RecordMeasure(f, peter, MeasureId.New(), EmrePerson, MeasureType.Ots, orgs[SamenVeilig.Id],
            DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-3), DateOnly.FromDateTime(now.UtcDateTime).AddMonths(9), now));
        yilmaz.Do(f => FamilyDecisions.InviteProfessional(f, peter, peter, MembershipBasis.LegalBasis, [EmrePerson], now));
        session.Events.StartStream<Family>(YilmazFamily.Value, yilmaz.Events.ToArray());
        var yilmazBoard = Board.Open(YilmazBoard, yilmaz.State, "Gezinsbord Yılmaz", now);
        session.Events.StartStream<Board>(YilmazBoard.Value, yilmazBoard.ToArray());
        DemoVoice.ForYilmaz(session, yilmazBoard.Aggregate((Board?)null, Board.Evolve)!, new FamilyOf(yilmaz.State, birthDates), peter, AysePerson, EmrePerson, now);

        // Gezin Bos: every framework in one family. Divorced parents (Kees lost gezag), Tim (9) under
        // OTS and a Raad investigation, Eva (16) under jeugdreclassering, Lars placed at a secret
        // address; the buurtteam and the JGZ work with consent for Tim only.
        var bos = new FamilyBuilder(FamilyDecisions.Register(BosFamily, "Gezin Bos", fatima, now), birthDates);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        bos.Do(f => FamilyDecisions.AddMember(f, fatima, LindaPerson, Relation.Parent, now));
        bos.Do(f => FamilyDecisions.AddMember(f, fatima, KeesPerson, Relation.Parent, now));
        foreach (var child in new[] { TimPerson, EvaPerson, LarsPerson })
        {
            bos.Do(f => FamilyDecisions.AddMember(f, fatima, child, Relation.Child, now));
            bos.Do(f => FamilyDecisions.RecordAuthority(f, fatima, LindaPerson, child, birthDates[child], now));
            bos.Do(f => FamilyDecisions.RecordAuthority(f, fatima, KeesPerson, child, birthDates[child], now));
            bos.Do(f => FamilyDecisions.EndAuthority(f, fatima, KeesPerson, child, new DateOnly(2024, 1, 1), now));
        }
        void Measure(PersonId child, MeasureType type, DemoOrganisation org, DateOnly start, DateOnly? end) =>
            bos.Do(f => FamilyDecisions.RecordMeasure(f, fatima, MeasureId.New(), child, type, orgs[org.Id], start, end, now));
        Measure(TimPerson, MeasureType.Ots, SamenVeilig, today.AddYears(-1), today.AddYears(1));
        Measure(TimPerson, MeasureType.RaadOnderzoek, Raad, today.AddMonths(-2), today.AddMonths(4));
        Measure(LarsPerson, MeasureType.Ots, SamenVeilig, today.AddYears(-1), today.AddYears(1));
        Measure(LarsPerson, MeasureType.MachtigingUithuisplaatsing, SamenVeilig, today.AddMonths(-6), today.AddMonths(6));
        Measure(EvaPerson, MeasureType.Jeugdreclassering, SamenVeilig, today.AddMonths(-3), today.AddMonths(9));
        bos.Do(f => FamilyDecisions.StartPlacement(f, fatima, PlacementId.New(), LarsPerson, today.AddMonths(-6),
            new Address("Boslaan", "12", "3701 AB", "Zeist", "Zeist"), true, people[LarsPerson].Address, now));
        bos.Do(f => FamilyDecisions.InviteProfessional(f, fatima, fatima, MembershipBasis.Consent, [TimPerson], now));
        bos.Do(f => FamilyDecisions.InviteProfessional(f, fatima, actors[YouthDoctor], MembershipBasis.Consent, [TimPerson], now));
        bos.Do(f => FamilyDecisions.InviteProfessional(f, fatima, peter, MembershipBasis.LegalBasis, [TimPerson, LarsPerson], now));
        bos.Do(f => FamilyDecisions.InviteProfessional(f, fatima, actors[ProbationOfficer], MembershipBasis.LegalBasis, [EvaPerson], now));
        bos.Do(f => FamilyDecisions.InviteProfessional(f, fatima, actors[BoardInvestigator], MembershipBasis.LegalBasis, [TimPerson], now));
        bos.Do(f => FamilyDecisions.GiveConsent(f, actors[BosMother], fatima.UserId, TimPerson, now));
        bos.Do(f => FamilyDecisions.GiveConsent(f, actors[BosMother], actors[YouthDoctor].UserId, TimPerson, now));
        // Eva (16) has her own say: her parents see medical information about her, not her justice information.
        bos.Do(f => YouthSay.Choose(f, actors[BosYouth], InformationCategory.Medical, true, AuthorizationTable.Default, now));
        bos.Do(f => YouthSay.Choose(f, actors[BosYouth], InformationCategory.Justice, false, AuthorizationTable.Default, now));
        session.Events.StartStream<Family>(BosFamily.Value, bos.Events.ToArray());
        var bosBoard = Board.Open(BosBoard, bos.State, "Gezinsbord Bos", now);
        session.Events.StartStream<Board>(BosBoard.Value, bosBoard.ToArray());
        DemoVoice.ForBos(session, bosBoard.Aggregate((Board?)null, Board.Evolve)!, new FamilyOf(bos.State, birthDates), fatima,
            LindaPerson, KeesPerson, EvaPerson, now);

        await session.SaveChangesAsync(ct);
        logger.LogInformation("Demo region created");
    }

    /// <summary>Runs decisions one after another on the evolving state, collecting the events.</summary>
    private sealed class FamilyBuilder
    {
        private readonly IReadOnlyDictionary<PersonId, DateOnly> birthDates;

        public List<object> Events { get; } = [];
        public Family State { get; private set; } = null!;

        public FamilyBuilder(IReadOnlyList<object> first, IReadOnlyDictionary<PersonId, DateOnly> birthDates)
        {
            this.birthDates = birthDates;
            Add(first);
        }

        public void Do(Func<FamilyOf, IReadOnlyList<object>> decide) => Add(decide(new FamilyOf(State, birthDates)));

        private void Add(IReadOnlyList<object> events)
        {
            Events.AddRange(events);
            State = events.Aggregate((Family?)State, Family.Evolve)!;
        }
    }

    private async Task<Actor> EnsureUserAsync(DemoUser demo)
    {
        var user = await users.FindByEmailAsync(demo.Email);
        if (user is null)
        {
            user = new NetworkUser
            {
                Id = Guid.CreateVersion7(),
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                Role = demo.Role,
                Organisation = demo.Organisation?.Name,
                OrganisationId = demo.Organisation?.Id.Value,
                PersonId = demo.Person?.Value,
                IsDemo = true,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo user {demo.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        else if (!user.IsDemo)
        {
            // Seeded before accounts had the flag: still a ready demo account.
            user.IsDemo = true;
            await users.UpdateAsync(user);
        }
        return new Actor(new UserId(user.Id), demo.DisplayName, demo.Role, demo.Organisation?.Id, demo.Organisation?.Name, demo.Person);
    }
}
