using Network.Web.Components.Pages;
using static Network.Web.Tests.Samples;

namespace Network.Web.Tests;

public sealed class BoardPageTests : BunitContext
{
    private static readonly Guid BoardId = Guid.CreateVersion7();
    private static readonly Guid FamilyId = Guid.CreateVersion7();
    private static readonly Guid SchoolBoard = Guid.CreateVersion7();

    private readonly FakeApi api;

    public BoardPageTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        api = FakeApi.AddTo(this);
    }

    private static TimelineView Timeline(params ItemView[] items) =>
        new(BoardId, FamilyId, "Gezin Jansen", "Gezinsbord Jansen", 7, [new PersonRef(Guid.CreateVersion7(), "Daan Jansen")], items,
            [new BoardRef(SchoolBoard, "School")]);

    /// <summary>What a professional may post: general (everyone by default) and observations (professionals by default).</summary>
    internal static ComposerView Composer(bool mayUpload = true) => new(
        [new ComposerCategory(InformationCategory.General, AudienceKind.Everyone, [AudienceKind.Everyone, AudienceKind.Professionals, AudienceKind.OwnOrganisation]),
         new ComposerCategory(InformationCategory.Observation, AudienceKind.Professionals, [AudienceKind.Professionals, AudienceKind.OwnOrganisation])],
        [], [], mayUpload, true);

    [Fact]
    public void the_board_shows_its_items_and_links_to_the_familys_other_boards()
    {
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline(Item(3, "Fatima El Amrani", "Huisbezoek dinsdag")), etag: 7);

        var cut = Render<Board>(p => p.Add(b => b.BoardId, BoardId));

        cut.WaitForAssertion(() => Assert.Contains("Huisbezoek dinsdag", cut.Find("[data-testid=timeline]").TextContent));
        Assert.Equal($"/boards/{SchoolBoard}", cut.Find("[data-testid=other-boards] a").GetAttribute("href"));
        Assert.Equal("School", cut.Find("[data-testid=other-boards] a").TextContent);
    }

    [Fact]
    public void a_correction_sends_the_items_version_as_if_match_and_shows_the_new_text()
    {
        var item = Item(3, "Fatima El Amrani", "Huisbezoek dinsdag", mayCorrect: true, itemVersion: 1);
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline(item), etag: 7)
            .On(HttpMethod.Put, $"/api/items/{item.ItemId}", new ItemChangedResponse(item.ItemId, 2), etag: 2)
            .On(HttpMethod.Get, $"/api/items/{item.ItemId}", item with { Text = "Huisbezoek woensdag", ItemVersion = 2, Corrected = true }, etag: 2);
        var cut = RenderSettled();

        cut.FindAll("button").Single(b => b.TextContent == "Corrigeren").Click();
        cut.WaitForElement("[data-testid=correct-form] textarea").Input("Huisbezoek woensdag");
        cut.Find("[data-testid=correct-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Huisbezoek woensdag", cut.Find(".text").TextContent));
        Assert.Equal("gecorrigeerd", cut.Find("[data-testid=corrected]").TextContent);
        var put = Assert.Single(api.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal("\"1\"", put.IfMatch);
        Assert.Contains("\"text\":\"Huisbezoek woensdag\"", put.Body);
    }

    [Fact]
    public void when_someone_else_changed_the_item_the_page_says_so_and_shows_the_latest_version()
    {
        var item = Item(3, "Fatima El Amrani", "Huisbezoek dinsdag", mayCorrect: true, itemVersion: 1);
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline(item), etag: 7)
            .On(HttpMethod.Post, $"/api/items/{item.ItemId}/entered-in-error", _ => FakeApi.Problem(412, "request.stale"))
            .On(HttpMethod.Get, $"/api/items/{item.ItemId}", item with { Text = "Huisbezoek donderdag", ItemVersion = 3, Corrected = true }, etag: 3);
        var cut = RenderSettled();

        cut.FindAll("button").Single(b => b.TextContent == "Onjuist ingevoerd").Click();
        cut.WaitForElement("[data-testid=error-form] input").Input("Verkeerd gezin");
        cut.Find("[data-testid=error-form]").Submit();

        cut.WaitForAssertion(() => Assert.StartsWith("Iemand anders heeft dit bericht intussen gewijzigd.", cut.Find("[role=alert]").TextContent));
        Assert.Equal("Huisbezoek donderdag", cut.Find(".text").TextContent);
        Assert.Equal("\"1\"", Assert.Single(api.Requests, r => r.PathAndQuery.EndsWith("/entered-in-error")).IfMatch);
    }

    [Fact]
    public void a_new_item_is_posted_without_if_match()
    {
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline() with { Composer = Composer() }, etag: 7)
            .On(HttpMethod.Post, $"/api/boards/{BoardId}/audience-preview", new AudiencePreview(true, [], []))
            .On(HttpMethod.Post, $"/api/boards/{BoardId}/notes", _ => FakeApi.Json(new ItemPostedResponse(Guid.CreateVersion7(), BoardId, 8, 1),
                status: System.Net.HttpStatusCode.Created))
            .On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline?since=7", Timeline(Item(8, "Fatima El Amrani", "Nieuw")), etag: 8);
        var cut = RenderSettled();

        cut.Find("#note-text").Input("Nieuw");
        cut.Find("[data-testid=note-composer]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Nieuw", cut.Find("[data-testid=timeline]").TextContent));
        var post = Assert.Single(api.Requests, r => r.PathAndQuery.EndsWith("/notes"));
        Assert.Null(post.IfMatch);
        Assert.Contains("\"category\":\"General\"", post.Body);
    }

    [Fact]
    public void a_board_the_user_may_not_know_shows_not_found()
    {
        var cut = Render<Board>(p => p.Add(b => b.BoardId, BoardId));

        cut.WaitForAssertion(() => Assert.Equal("Bord niet gevonden", cut.Find("h1").TextContent));
    }

    /// <summary>The page once it has loaded and given up on live updates (nothing listens in these tests).</summary>
    private IRenderedComponent<Board> RenderSettled()
    {
        var cut = Render<Board>(p => p.Add(b => b.BoardId, BoardId));
        cut.WaitForAssertion(() => Assert.Contains("Live bijwerken werkt nu niet", cut.Find("[data-testid=live-status]").TextContent),
            TimeSpan.FromSeconds(30));
        return cut;
    }
}
