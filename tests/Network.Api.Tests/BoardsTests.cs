using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Api.Infrastructure.Setup;

namespace Network.Api.Tests;

public sealed class BoardsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly Guid Jansen = DemoRegion.JansenBoard.Value;
    private static readonly Guid Yilmaz = DemoRegion.YilmazBoard.Value;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_professional_lists_only_the_boards_of_families_they_belong_to()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);

        var boards = await fatima.GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct);

        Assert.Equal(["Gezin Bos", "Gezin Jansen"], boards!.Select(b => b.FamilyName).Distinct().Order());
        // Each family's main board first, then its themed boards (the demo's "Noor").
        Assert.Equal(["Gezinsbord Jansen", "Noor"], boards!.Where(b => b.FamilyName == "Gezin Jansen").Select(b => b.Title));
        Assert.Equal([false, true], boards!.Where(b => b.FamilyName == "Gezin Jansen").Select(b => b.Themed));
        Assert.DoesNotContain(boards!, b => b.Id == Yilmaz);
    }

    [Fact]
    public async Task the_timeline_is_json_as_every_answer_of_the_api_writes_it()
    {
        var options = api.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        // Every kind of item the demo has (notes, plan items, documents, appointments, consultations, replies).
        foreach (var (user, board) in new[] { (DemoRegion.Guardian, Yilmaz), (DemoRegion.Coordinator, Jansen), (DemoRegion.Parent, Jansen) })
        {
            using var client = await api.ClientForAsync(user);
            using var response = await client.GetAsync($"/api/boards/{board}/timeline?limit=500", Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);

            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), response.Content.Headers.ContentLength);
            // The same text as the reflection-based serializer writes with the API's options (its
            // encoder leaves "ı" as it is), whole and unindented.
            var view = System.Text.Json.JsonSerializer.Deserialize<TimelineView>(text, ApiFixture.Json)!;
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(view, options), text);
            if (board == Yilmaz) Assert.Contains("\"familyName\":\"Gezin Yılmaz\"", text);
        }
    }

    [Fact]
    public async Task a_functional_administrator_sees_no_boards()
    {
        using var admin = await api.ClientForAsync(DemoRegion.Administrator);

        var boards = await admin.GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct);

        Assert.Empty(boards!);
    }

    [Fact]
    public async Task a_board_the_caller_does_not_belong_to_answers_404_like_one_that_does_not_exist()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);

        using var foreign = await fatima.GetAsync($"/api/boards/{Yilmaz}/timeline", Ct);
        using var missing = await fatima.GetAsync($"/api/boards/{Guid.CreateVersion7()}/timeline", Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        var foreignProblem = await foreign.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Ct);
        var missingProblem = await missing.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Ct);
        Assert.Equal(missingProblem.GetProperty("title").GetString(), foreignProblem.GetProperty("title").GetString());
        Assert.DoesNotContain("Yılmaz", foreignProblem.GetRawText());
    }

    [Fact]
    public async Task posting_to_a_board_of_another_family_answers_404_and_stores_nothing()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var before = await EventCountAsync(Yilmaz);

        using var response = await fatima.PostAsJsonAsync($"/api/boards/{Yilmaz}/notes", new { text = "Mag ik meekijken?" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await EventCountAsync(Yilmaz));
    }

    [Fact]
    public async Task a_member_posts_a_note_and_it_appears_on_the_timeline_with_a_new_etag()
    {
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);
        using var sanne = await api.ClientForAsync(DemoRegion.Parent);

        using var posted = await jeroen.PostAsJsonAsync($"/api/boards/{Jansen}/notes", new { text = "Gesprek met Sanne ging goed." }, Ct);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var note = await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct);
        // The new item's own ETag (its version), for a later correction with If-Match.
        Assert.Equal($"\"{note!.ItemVersion}\"", posted.Headers.ETag?.Tag);
        Assert.Equal($"/api/items/{note.ItemId}", posted.Headers.Location?.OriginalString);

        var changes = await sanne.GetFromJsonAsync<TimelineView>($"/api/boards/{Jansen}/timeline?since={note.Version - 1}", ApiFixture.Json, Ct);
        var entry = Assert.Single(changes!.Entries);
        Assert.Equal("Gesprek met Sanne ging goed.", entry.Text);
        Assert.Equal("Jeroen de Vries", entry.AuthorName);
        Assert.Equal(note.Version, changes.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task a_note_without_text_answers_400_with_a_problem_and_stores_nothing(string text)
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var before = await EventCountAsync(Jansen);

        using var response = await fatima.PostAsJsonAsync($"/api/boards/{Jansen}/notes", new { text }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Text", out _));
        Assert.Equal(before, await EventCountAsync(Jansen));
    }

    [Fact]
    public async Task a_body_that_is_not_json_answers_400()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);

        using var response = await fatima.PostAsync($"/api/boards/{Jansen}/notes",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task a_correction_with_a_stale_if_match_answers_412_and_changes_nothing()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var posted = await fatima.PostAsJsonAsync($"/api/boards/{Jansen}/notes", new { text = "Eerste versie" }, Ct);
        var etag = posted.Headers.ETag!.Tag;
        var item = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;
        using (var first = await SendWithIfMatch(fatima, HttpMethod.Put, $"/api/items/{item.ItemId}", etag, new { text = "Tweede versie" }))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = await EventCountAsync(Jansen);

        using var stale = await SendWithIfMatch(fatima, HttpMethod.Put, $"/api/items/{item.ItemId}", etag, new { text = "Op basis van een oude versie" });

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await EventCountAsync(Jansen));
        var now = await fatima.GetFromJsonAsync<ItemView>($"/api/items/{item.ItemId}", ApiFixture.Json, Ct);
        Assert.Equal("Tweede versie", now!.Text);
    }

    [Fact]
    public async Task if_match_on_a_new_item_is_refused_not_ignored()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var before = await EventCountAsync(Jansen);

        using var refused = await SendWithIfMatch(fatima, HttpMethod.Post, $"/api/boards/{Jansen}/notes", "\"3\"", new { text = "Met If-Match" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, await EventCountAsync(Jansen));
    }

    private static async Task<HttpResponseMessage> SendWithIfMatch(HttpClient client, HttpMethod method, string path, string etag, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Every event in the store: "stores nothing" means none was added anywhere.</summary>
    private async Task<long> EventCountAsync(Guid _)
    {
        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.QueryAllRawEvents().CountAsync(Ct));
    }
}
