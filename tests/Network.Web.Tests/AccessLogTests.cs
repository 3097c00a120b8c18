using Network.Web.Components.AccessLog;
using static Network.Web.Tests.Samples;

namespace Network.Web.Tests;

public sealed class AccessLogTests : BunitContext
{
    private static readonly PersonRef Daan = new(Guid.CreateVersion7(), "Daan Jansen");

    public AccessLogTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    private static AccessLogVisit Visit(
        string? name, ActorRole role, string? organisation, IReadOnlyList<AccessBasis> bases, IReadOnlyList<AccessAction> actions,
        IReadOnlyList<string> what, int entries, bool refused = false) =>
        new(Monday, Monday.AddMinutes(12), name, role, organisation, bases, refused, actions, what, [Daan], entries);

    [Fact]
    public void a_visit_reads_as_one_plain_sentence()
    {
        var visit = Visit("Fatima El Amrani", ActorRole.NeighbourhoodTeam, "Buurtteam Utrecht-Oost",
            [AccessBasis.Consent], [AccessAction.Read], ["board"], 3);

        Assert.Equal("Fatima El Amrani (buurtteam) bekeek het gezinsbord, met toestemming van het gezin, 3 keer", Visits.Sentence(visit));
    }

    [Fact]
    public void several_actions_and_things_are_joined_with_and()
    {
        var visit = Visit("Jeroen de Vries", ActorRole.YouthCare, "Jeugdhulp De Brug",
            [AccessBasis.Consent, AccessBasis.Emergency], [AccessAction.Create, AccessAction.Read], ["board", "item", "family"], 7);

        Assert.Equal("Jeroen de Vries (jeugdhulp) bekeek en schreef het gezinsbord, berichten en de gezinsgegevens, "
            + "met toestemming van het gezin en met noodtoegang, 7 keer", Visits.Sentence(visit));
    }

    [Fact]
    public void a_search_reads_as_seeing_the_family_in_an_overview()
    {
        var visit = Visit("Jeroen de Vries", ActorRole.YouthCare, null,
            [AccessBasis.Consent], [AccessAction.Search, AccessAction.Read], ["boards", "board", "item", "persons"], 42);

        Assert.Equal("Jeroen de Vries (jeugdhulp) bekeek het gezinsbord en berichten, zag het gezin in een overzicht en zocht in het register, "
            + "met toestemming van het gezin, 42 keer", Visits.Sentence(visit));
    }

    [Fact]
    public void someone_outside_the_network_is_never_named()
    {
        var visit = Visit(null, ActorRole.YouthHealth, "JGZ Utrecht", [AccessBasis.None], [AccessAction.Read], ["board"], 1, refused: true);

        var cut = Render<VisitList>(p => p.Add(v => v.Visits, [visit]));

        Assert.Equal("Iemand zonder toegang (JGZ Utrecht) bekeek het gezinsbord, 1 keer · geweigerd", cut.Find(".visit-sentence").TextContent);
        Assert.Contains("over Daan Jansen", cut.Find("[data-testid=visit]").TextContent);
    }

    [Fact]
    public void an_outsider_without_organisation_is_only_someone_without_access()
    {
        var visit = Visit(null, ActorRole.Parent, null, [AccessBasis.None], [AccessAction.Read], ["family"], 2, refused: true);

        Assert.StartsWith("Iemand zonder toegang bekeek de gezinsgegevens", Visits.Sentence(visit));
    }

    [Fact]
    public void emergency_access_and_unknown_things_have_words_too()
    {
        var emergency = Visit("Peter Bakker", ActorRole.FamilyGuardian, "GI Samen Veilig", [AccessBasis.Emergency], [AccessAction.Update], ["emergency"], 1);
        var unknown = Visit("Sanne Jansen", ActorRole.Parent, null, [AccessBasis.FamilyMember], [(AccessAction)(-1)], ["hologram"], 2);

        Assert.Equal("Peter Bakker (jeugdbeschermer) vroeg noodtoegang, met noodtoegang, 1 keer", Visits.Sentence(emergency));
        Assert.Equal("Sanne Jansen (ouder) gebruikte gegevens, als gezinslid, 2 keer", Visits.Sentence(unknown));
    }

    [Fact]
    public void in_english_too()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
        var visit = Visit("Fatima El Amrani", ActorRole.NeighbourhoodTeam, null, [AccessBasis.Consent], [AccessAction.Read], ["board", "item"], 1);

        Assert.Equal("Fatima El Amrani (neighbourhood team) viewed the family board and items, with the family's consent, once", Visits.Sentence(visit));
    }
}
