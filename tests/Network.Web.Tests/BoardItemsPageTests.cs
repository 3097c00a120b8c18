using Network.Web.Components.Pages;
using static Network.Web.Tests.Samples;

namespace Network.Web.Tests;

/// <summary>The board page with documents, appointments, replies, themed and closed boards and paging, through the real API client.</summary>
public sealed class BoardItemsPageTests : BunitContext
{
    private static readonly Guid BoardId = Guid.CreateVersion7();
    private static readonly Guid FamilyId = Guid.CreateVersion7();

    /// <summary>Generous on a busy machine; a passing wait returns at once.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly FakeApi api;

    public BoardItemsPageTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        api = FakeApi.AddTo(this);
    }

    private static TimelineView Timeline(ComposerView? composer, params ItemView[] items) =>
        new(BoardId, FamilyId, "Gezin Jansen", "Noor", 9, [new PersonRef(Noor, "Noor Jansen")], items, [], Themed: true, Composer: composer);

    [Fact]
    public void someone_who_may_not_post_sees_the_board_without_a_composer()
    {
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline(null, Item(3, "Fatima", "Welkom")), etag: 9);
        var cut = RenderSettled();

        Assert.Contains("Welkom", cut.Find("[data-testid=timeline]").TextContent);
        Assert.Empty(cut.FindAll("form.composer"));
        Assert.Empty(cut.FindAll("[data-testid=item-composer]"));
    }

    [Fact]
    public void a_composer_without_categories_is_no_composer_either()
    {
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline(new ComposerView([], [], [], true, false)), etag: 9);
        var cut = RenderSettled();

        Assert.Empty(cut.FindAll("[data-testid=item-composer]"));
    }

    [Fact]
    public void a_closed_board_says_so_keeps_its_items_readable_and_offers_no_composer()
    {
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline",
            Timeline(BoardPageTests.Composer(), Item(3, "Fatima", "Oud bericht")) with { Closed = true }, etag: 9);
        var cut = RenderSettled();

        Assert.StartsWith("Dit bord is gesloten.", cut.Find("[data-testid=board-closed]").TextContent);
        Assert.Contains("Oud bericht", cut.Find("[data-testid=timeline]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=item-composer]"));
        Assert.Empty(cut.FindAll("[data-testid=close-board]"));
    }

    [Fact]
    public void a_professional_closes_a_themed_board_with_a_reason_and_the_board_reads_again_as_closed()
    {
        this.AddAuthorization().SetAuthorized("Fatima El Amrani").SetClaims(
            new System.Security.Claims.Claim(Network.Web.Auth.TokenStore.SessionClaim, "session"),
            new System.Security.Claims.Claim("role", "NeighbourhoodTeam"));
        var reads = 0;
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline",
                _ => FakeApi.Json(Timeline(BoardPageTests.Composer()) with { Closed = ++reads > 1 }, etag: 9))
            .On(HttpMethod.Post, $"/api/boards/{BoardId}/close", _ => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        var cut = RenderSettled();

        cut.Find("#close-reason").Change("Noor woont weer thuis");
        cut.Find("[data-testid=close-board] form").Submit();

        cut.WaitForElement("[data-testid=board-closed]", TimeSpan.FromSeconds(30));
        var close = Assert.Single(api.Requests, r => r.PathAndQuery.EndsWith("/close"));
        Assert.Contains("\"reason\":\"Noor woont weer thuis\"", close.Body);
    }

    [Fact]
    public void a_board_closed_while_open_loses_its_composer_when_the_next_change_is_read()
    {
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline(BoardPageTests.Composer()) with { Version = 9 }, etag: 9)
            .On(HttpMethod.Post, $"/api/boards/{BoardId}/audience-preview", new AudiencePreview(true, [], []))
            .On(HttpMethod.Post, $"/api/boards/{BoardId}/notes", _ => FakeApi.Json(new ItemPostedResponse(Guid.NewGuid(), BoardId, 10, 1),
                status: System.Net.HttpStatusCode.Created))
            .On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline?since=9",
                Timeline(null, Item(10, "Fatima", "Laatste bericht")) with { Version = 10, Closed = true }, etag: 10);
        var cut = RenderSettled();

        cut.Find("#note-text").Input("Laatste bericht");
        cut.Find("[data-testid=note-composer]").Submit();

        cut.WaitForElement("[data-testid=board-closed]", Wait);
        Assert.Empty(cut.FindAll("[data-testid=item-composer]"));
        Assert.Contains("Laatste bericht", cut.Find("[data-testid=timeline]").TextContent);
    }

    [Fact]
    public void a_parent_sees_no_close_form()
    {
        this.AddAuthorization().SetAuthorized("Sanne Jansen").SetClaims(
            new System.Security.Claims.Claim(Network.Web.Auth.TokenStore.SessionClaim, "session"), new System.Security.Claims.Claim("role", "Parent"));
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline(BoardPageTests.Composer()), etag: 9);
        var cut = RenderSettled();

        Assert.Empty(cut.FindAll("[data-testid=close-board]"));
    }

    [Fact]
    public void load_more_pages_back_from_the_smallest_position_shown_until_there_is_no_more()
    {
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline",
                Timeline(null, Item(8, "Fatima", "Nieuwste"), Item(6, "Fatima", "Nieuw")) with { MoreBefore = true }, etag: 9)
            .On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline?limit=50&before=6",
                Timeline(null, Item(2, "Jeroen", "Heel oud")) with { MoreBefore = false }, etag: 9);
        var cut = RenderSettled();

        cut.Find("[data-testid=load-more]").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=timeline-entry]").Count), Wait);
        Assert.Contains("Heel oud", cut.FindAll("[data-testid=timeline-entry]")[2].TextContent);
        Assert.Empty(cut.FindAll("[data-testid=load-more]"));
    }

    [Fact]
    public void a_document_is_uploaded_as_multipart_with_its_facts_and_appears_on_the_timeline()
    {
        var itemId = Guid.CreateVersion7();
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline(BoardPageTests.Composer()), etag: 9)
            .On(HttpMethod.Post, $"/api/boards/{BoardId}/audience-preview", new AudiencePreview(true, [], []))
            .On(HttpMethod.Post, $"/api/boards/{BoardId}/documents", _ => FakeApi.Json(new ItemPostedResponse(itemId, BoardId, 10, 1),
                status: System.Net.HttpStatusCode.Created))
            .On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline?since=9",
                Timeline(null, Document(10) with { ItemId = itemId }) with { Version = 10 }, etag: 10);
        var cut = RenderSettled();

        cut.Find(".kind-option input[value=Document]").Change("Document");
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("%PDF-1.4 verslag", "verslag.pdf", contentType: "application/pdf"));
        cut.Find("#document-text").Input("Verslag van het gesprek");
        cut.FindAll("[data-testid=document-composer] fieldset input[type=checkbox]")[0].Change(true);
        cut.Find("#document-category").Change("Observation");
        cut.Find("[data-testid=document-composer]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("verslag.pdf", cut.Find("[data-testid=timeline]").TextContent), Wait);
        var post = Assert.Single(api.Requests, r => r.PathAndQuery.EndsWith("/documents"));
        Assert.Null(post.IfMatch);
        foreach (var part in new[] { "name=file; filename=verslag.pdf", "%PDF-1.4 verslag", "name=text", "Verslag van het gesprek",
                     "name=category", "Observation", "name=about", Noor.ToString() })
            Assert.Contains(part, post.Body);
        Assert.DoesNotContain("name=audience", post.Body);
    }

    [Fact]
    public void an_appointment_is_posted_as_json_and_a_reply_goes_to_the_item_and_shows_after_reloading_it()
    {
        var appointment = Appointment(10) with { MayReply = true };
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline(BoardPageTests.Composer(), appointment) with { Version = 10 }, etag: 10)
            .On(HttpMethod.Post, $"/api/boards/{BoardId}/audience-preview", new AudiencePreview(true, [], []))
            .On(HttpMethod.Post, $"/api/boards/{BoardId}/appointments", _ => FakeApi.Json(new ItemPostedResponse(Guid.NewGuid(), BoardId, 11, 1),
                status: System.Net.HttpStatusCode.Created))
            .On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline?since=10", Timeline(null) with { Version = 11 }, etag: 11)
            .On(HttpMethod.Post, $"/api/items/{appointment.ItemId}/replies", new ItemChangedResponse(appointment.ItemId, 2))
            .On(HttpMethod.Get, $"/api/items/{appointment.ItemId}", appointment with
            {
                ItemVersion = 2, Replies = [new ReplyView(Guid.NewGuid(), Guid.NewGuid(), "Fatima El Amrani", ActorRole.NeighbourhoodTeam, "Ik kom ook", Monday)],
            }, etag: 2);
        var cut = RenderSettled();

        cut.Find(".kind-option input[value=Appointment]").Change("Appointment");
        cut.WaitForElement("#appointment-title", Wait).Input("Huisbezoek");
        cut.Find("#appointment-day").Change("2026-12-02");
        cut.Find("#appointment-time").Change("09:30");
        cut.Find("[data-testid=appointment-composer]").Submit();
        cut.WaitForAssertion(() => Assert.Single(api.Requests, r => r.PathAndQuery.EndsWith("/appointments")), Wait);
        var post = api.Requests.Single(r => r.PathAndQuery.EndsWith("/appointments"));
        Assert.Contains("\"title\":\"Huisbezoek\"", post.Body);
        Assert.Contains("\"start\":\"2026-12-02T09:30:00+01:00\"", post.Body);
        Assert.Contains("\"durationMinutes\":60", post.Body);

        cut.FindAll("button").Single(b => b.TextContent == "Reageren").Click();
        cut.WaitForElement("[data-testid=reply-form] textarea", Wait).Input("Ik kom ook");
        cut.Find("[data-testid=reply-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Ik kom ook", cut.Find("[data-testid=reply]").TextContent), Wait);
        var reply = Assert.Single(api.Requests, r => r.PathAndQuery.EndsWith("/replies"));
        Assert.Equal("{\"text\":\"Ik kom ook\"}", reply.Body);
    }

    [Fact]
    public void cancelling_an_appointment_sends_its_version_as_if_match()
    {
        var appointment = Appointment(10, mayCorrect: true, itemVersion: 4);
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline", Timeline(null, appointment), etag: 10)
            .On(HttpMethod.Post, $"/api/items/{appointment.ItemId}/appointment/cancel", new ItemChangedResponse(appointment.ItemId, 5))
            .On(HttpMethod.Get, $"/api/items/{appointment.ItemId}", Appointment(11, cancelled: true, reason: "ziek", itemVersion: 5) with { ItemId = appointment.ItemId }, etag: 5);
        var cut = RenderSettled();

        cut.FindAll("button").Single(b => b.TextContent == "Afspraak afzeggen").Click();
        cut.Find("[data-testid=appointment-cancel-form] input").Change("ziek");
        cut.Find("[data-testid=appointment-cancel-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Afgezegd: ziek", cut.Find("[data-testid=appointment-cancelled]").TextContent.Trim()), Wait);
        var cancel = Assert.Single(api.Requests, r => r.PathAndQuery.EndsWith("/cancel"));
        Assert.Equal("\"4\"", cancel.IfMatch);
    }

    private IRenderedComponent<Board> RenderSettled()
    {
        var cut = Render<Board>(p => p.Add(b => b.BoardId, BoardId));
        cut.WaitForAssertion(() => Assert.Contains("Live bijwerken werkt nu niet", cut.Find("[data-testid=live-status]").TextContent),
            TimeSpan.FromSeconds(30));
        return cut;
    }
}
