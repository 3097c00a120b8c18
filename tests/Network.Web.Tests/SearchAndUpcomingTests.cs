using Network.Web.Components.Appointments;
using Network.Web.Components.Pages;
using static Network.Web.Tests.Samples;

namespace Network.Web.Tests;

public sealed class SearchAndUpcomingTests : BunitContext
{
    private static readonly Guid Jansen = Guid.CreateVersion7();
    private static readonly Guid JansenBoard = Guid.CreateVersion7();
    private static readonly Guid NoorBoard = Guid.CreateVersion7();
    private static readonly Guid Yilmaz = Guid.CreateVersion7();

    /// <summary>Generous on a busy machine; a passing wait returns at once.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly FakeApi api;

    public SearchAndUpcomingTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        api = FakeApi.AddTo(this);
        api.On(HttpMethod.Get, "/api/boards", new List<BoardSummary>
        {
            new(JansenBoard, Jansen, "Gezin Jansen", "Gezinsbord Jansen", 5),
            new(NoorBoard, Jansen, "Gezin Jansen", "Noor", 5, Themed: true),
            new(Guid.CreateVersion7(), Yilmaz, "Gezin Yılmaz", "Gezinsbord Yılmaz", 3),
        });
    }

    private static SearchHit Hit(string snippet, ItemKind kind = ItemKind.Note) =>
        new(Guid.CreateVersion7(), Jansen, "Gezin Jansen", NoorBoard, kind, InformationCategory.General, "Fatima El Amrani", Monday, snippet);

    [Fact]
    public void a_search_sends_its_words_and_filters_and_links_each_hit_to_its_item_on_its_board()
    {
        var hit = Hit("… het gesprek op school over Noor …", ItemKind.Document);
        api.On(HttpMethod.Get, "/api/search?*", new SearchResults("school", [hit], false));
        var cut = Render<SearchPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("#search-family option").Count), Wait);

        cut.Find("#search-q").Input("school");
        cut.Find("#search-family").Change(Jansen.ToString());
        Assert.Equal(["Alle borden", "Gezinsbord Jansen", "Noor"], cut.FindAll("#search-board option").Select(o => o.TextContent));
        cut.Find("#search-board").Change(NoorBoard.ToString());
        cut.Find("#search-category").Change("General");
        cut.Find("#search-kind").Change("Document");
        cut.Find("#search-from").Change("2026-11-01");
        cut.Find("#search-to").Change("2026-11-30");
        cut.Find("[data-testid=search-form]").Submit();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=search-hit]")), Wait);
        var request = Assert.Single(api.Requests, r => r.PathAndQuery.StartsWith("/api/search"));
        Assert.Equal($"/api/search?q=school&familyId={Jansen}&boardId={NoorBoard}&category=General&kind=Document&from=2026-11-01&to=2026-11-30&page=1",
            request.PathAndQuery);
        var found = cut.Find("[data-testid=search-hit]");
        Assert.Contains("… het gesprek op school over Noor …", found.TextContent);
        Assert.Contains("Document", found.TextContent);
        Assert.Contains("Gezin Jansen · Fatima El Amrani", found.TextContent);
        Assert.Equal($"/boards/{NoorBoard}#item-{hit.ItemId}", found.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=search-more]"));
    }

    [Fact]
    public void more_results_fetch_the_next_page_and_nothing_found_says_so_without_counting()
    {
        api.On(HttpMethod.Get, "/api/search?q=gesprek&page=1", new SearchResults("gesprek", [Hit("eerste")], true))
            .On(HttpMethod.Get, "/api/search?q=gesprek&page=2", new SearchResults("gesprek", [Hit("tweede")], false))
            .On(HttpMethod.Get, "/api/search?q=niets&page=1", new SearchResults("niets", [], false));
        var cut = Render<SearchPage>();

        cut.Find("#search-q").Input("gesprek");
        cut.Find("[data-testid=search-form]").Submit();
        cut.WaitForElement("[data-testid=search-more]", Wait).Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=search-hit]").Count), Wait);
        Assert.Empty(cut.FindAll("[data-testid=search-more]"));

        cut.Find("#search-q").Input("niets");
        cut.Find("[data-testid=search-form]").Submit();
        cut.WaitForAssertion(() => Assert.Equal("Niets gevonden voor \"niets\".", cut.Find("[data-testid=search-status]").TextContent), Wait);
        Assert.Empty(cut.FindAll("[data-testid=search-hit]"));
    }

    [Fact]
    public void an_empty_search_is_not_sent()
    {
        var cut = Render<SearchPage>();

        cut.Find("[data-testid=search-form]").Submit();

        Assert.Equal("Typ eerst waar u naar zoekt.", cut.Find("[role=alert]").TextContent);
        Assert.DoesNotContain(api.Requests, r => r.PathAndQuery.StartsWith("/api/search"));
    }

    [Fact]
    public void coming_up_lists_the_users_appointments_soonest_first_with_their_board_and_ics()
    {
        var later = new UpcomingAppointment(Guid.CreateVersion7(), Jansen, "Gezin Jansen", NoorBoard, "MDO over Noor", Appointment(1).Appointment! with
        {
            Start = new DateTimeOffset(2026, 12, 8, 13, 0, 0, TimeSpan.Zero),
        });
        var sooner = new UpcomingAppointment(Guid.CreateVersion7(), Jansen, "Gezin Jansen", JansenBoard, "Gesprek op school", Appointment(1).Appointment!);
        api.On(HttpMethod.Get, "/api/appointments/upcoming", new List<UpcomingAppointment> { later, sooner });

        var cut = Render<UpcomingAppointments>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=upcoming-appointment]").Count), Wait);
        Assert.Equal("Binnenkort", cut.Find("h2").TextContent);
        var first = cut.FindAll("[data-testid=upcoming-appointment]")[0];
        Assert.Equal("Gesprek op school", first.QuerySelector("h3")!.TextContent);
        Assert.Contains("di 1-12-2026 10:00 tot 11:00 · De Regenboog, Utrecht", first.TextContent);
        Assert.Contains(first.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/afspraken/{sooner.ItemId}.ics");
        Assert.Contains(first.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/boards/{JansenBoard}#item-{sooner.ItemId}");
    }

    [Fact]
    public void coming_up_shows_nothing_when_there_is_nothing_or_the_api_cannot_say()
    {
        var cut = Render<UpcomingAppointments>();

        cut.WaitForAssertion(() => Assert.Single(api.Requests, r => r.PathAndQuery == "/api/appointments/upcoming"), Wait);
        Assert.Empty(cut.FindAll("[data-testid=upcoming]"));
    }
}
