using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Network.Domain.Authorization;
using Network.Domain.Items;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>
/// Documents, appointments, replies, themed boards and search, through the API with real logins,
/// each checked against the table for the people around Gezin Jansen: Fatima (coordinator, consent
/// for Daan and Noor), Sanne (mother with gezag), Noor (14), Jeroen (youth care, consent for Daan only).
/// </summary>
public sealed class ItemsBeyondNotesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private async Task<Guid> ThemedBoardAsync(HttpClient professional, string title)
    {
        using var opened = await professional.PostAsJsonAsync($"/api/families/{JansenFamily.Value}/boards", new { title }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (await opened.Content.ReadFromJsonAsync<BoardOpenedResponse>(ApiFixture.Json, Ct))!.BoardId;
    }

    internal static MultipartFormDataContent Upload(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private async Task<TimelineView> TimelineAsync(HttpClient client, Guid board, string query = "") =>
        (await client.GetFromJsonAsync<TimelineView>($"/api/boards/{board}/timeline{query}", ApiFixture.Json, Ct))!;

    [Fact]
    public async Task a_document_on_a_themed_board_is_read_on_the_family_board_downloaded_by_who_may_and_not_found_for_others()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var sanne = await api.ClientForAsync(Parent);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        var school = await ThemedBoardAsync(fatima, "School");

        using var posted = await fatima.PostAsync($"/api/boards/{school}/documents",
            Upload(Pdf, "../../Rapport Noor.pdf", ("text", "Rapport van school"), ("about", NoorPerson.Value.ToString()), ("category", "General")), Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var item = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;

        // The mother sees it on the family board (which shows every board), with its file.
        var onFamilyBoard = (await TimelineAsync(sanne, JansenBoard.Value)).Entries.Single(e => e.ItemId == item.ItemId);
        Assert.Equal(ItemKind.Document, onFamilyBoard.Kind);
        Assert.Equal("Rapport Noor.pdf", onFamilyBoard.Document!.FileName);
        Assert.Equal("application/pdf", onFamilyBoard.Document.ContentType);
        Assert.True(onFamilyBoard.Document.Previewable);

        using var download = await sanne.GetAsync($"/api/items/{item.ItemId}/document", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Rapport Noor.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        using var preview = await sanne.GetAsync($"/api/items/{item.ItemId}/document/preview", Ct);
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);

        // Jeroen has no standing on Noor: the item, its file and its board page do not exist for him, and the try is logged as refused.
        Assert.Equal(HttpStatusCode.NotFound, (await jeroen.GetAsync($"/api/items/{item.ItemId}/document", Ct)).StatusCode);
        Assert.DoesNotContain((await TimelineAsync(jeroen, JansenBoard.Value)).Entries, e => e.ItemId == item.ItemId);
        var entries = await api.EntriesAsync(null, $"item:{item.ItemId}");
        Assert.Contains(entries, e => e.Record.Action == AccessAction.Export && e.Record.Allowed && e.Record.UserName == "Sanne Jansen");
        Assert.Contains(entries, e => e.Record.Action == AccessAction.Export && !e.Record.Allowed && e.Record.UserName == "Jeroen de Vries");
    }

    [Fact]
    public async Task a_file_whose_content_is_not_its_type_is_refused_and_nothing_is_posted()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        var before = (await TimelineAsync(fatima, JansenBoard.Value)).Version;

        using var renamed = await fatima.PostAsync($"/api/boards/{JansenBoard.Value}/documents", Upload(Png, "verslag.pdf"), Ct);
        using var program = await fatima.PostAsync($"/api/boards/{JansenBoard.Value}/documents", Upload([0x4D, 0x5A, 0x90, 0], "setup.exe"), Ct);
        using var empty = await fatima.PostAsync($"/api/boards/{JansenBoard.Value}/documents", Upload([], "leeg.txt"), Ct);
        using var noFile = await fatima.PostAsync($"/api/boards/{JansenBoard.Value}/documents", new MultipartFormDataContent { { new StringContent("x"), "text" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Contains("document.content-does-not-match", await renamed.Content.ReadAsStringAsync(Ct));
        Assert.Equal("application/problem+json", renamed.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        Assert.Contains("document.type-not-allowed", await program.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Equal(before, (await TimelineAsync(fatima, JansenBoard.Value)).Version);
        await using var db = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await db.OpenAsync(Ct);
        await using var orphans = new Npgsql.NpgsqlCommand(
            "select count(*) from network.files f where not exists (select 1 from network.items i where i.details::text like '%' || f.id || '%')", db);
        Assert.Equal(0L, (long)(await orphans.ExecuteScalarAsync(Ct))!);
    }

    [Fact]
    public async Task a_new_version_of_a_document_keeps_the_old_one_and_only_the_author_adds_it()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var sanne = await api.ClientForAsync(Parent);
        using var posted = await fatima.PostAsync($"/api/boards/{JansenBoard.Value}/documents",
            Upload(Encoding.UTF8.GetBytes("Afspraken versie 1"), "afspraken.txt", ("about", DaanPerson.Value.ToString())), Ct);
        var item = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/items/{item.ItemId}/document/versions")
            { Content = Upload(Encoding.UTF8.GetBytes("Afspraken versie 2"), "afspraken.txt") };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"9\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await fatima.SendAsync(stale, Ct)).StatusCode);
        var byMother = new HttpRequestMessage(HttpMethod.Post, $"/api/items/{item.ItemId}/document/versions")
            { Content = Upload(Encoding.UTF8.GetBytes("Mijn versie"), "afspraken.txt") };
        Assert.Equal(HttpStatusCode.Forbidden, (await sanne.SendAsync(byMother, Ct)).StatusCode);
        var second = new HttpRequestMessage(HttpMethod.Post, $"/api/items/{item.ItemId}/document/versions")
            { Content = Upload(Encoding.UTF8.GetBytes("Afspraken versie 2"), "afspraken v2.txt") };
        second.Headers.TryAddWithoutValidation("If-Match", $"\"{item.ItemVersion}\"");
        Assert.Equal(HttpStatusCode.OK, (await fatima.SendAsync(second, Ct)).StatusCode);

        Assert.Equal("Afspraken versie 2", await sanne.GetStringAsync($"/api/items/{item.ItemId}/document", Ct));
        Assert.Equal("Afspraken versie 1", await sanne.GetStringAsync($"/api/items/{item.ItemId}/document?version=1", Ct));
        var view = (await sanne.GetFromJsonAsync<ItemView>($"/api/items/{item.ItemId}", ApiFixture.Json, Ct))!;
        Assert.Equal([1, 2], view.Document!.Versions.Select(v => v.Version));
        Assert.Equal("afspraken v2.txt", view.Document.FileName);
        Assert.Equal(HttpStatusCode.NotFound, (await sanne.GetAsync($"/api/items/{item.ItemId}/document?version=3", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sanne.GetAsync($"/api/items/{item.ItemId}/document/preview", Ct)).StatusCode);
    }

    [Fact]
    public async Task an_appointment_comes_up_for_its_participants_and_its_ics_keeps_one_uid_through_changes_and_cancelling()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var sanne = await api.ClientForAsync(Parent);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        var start = DateTimeOffset.UtcNow.AddDays(3).Date.AddHours(14);
        using var posted = await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/appointments", new
        {
            title = "Huisbezoek",
            start = new DateTimeOffset(start, TimeSpan.Zero),
            durationMinutes = 60,
            place = "Thuis, Burgemeester Reigerstraat 12",
            participantPersons = new[] { SannePerson.Value },
            participantUsers = new[] { (await MeAsync(fatima)) },
            about = new[] { NoorPerson.Value },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var item = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;

        var upcoming = (await sanne.GetFromJsonAsync<List<UpcomingAppointment>>("/api/appointments/upcoming", ApiFixture.Json, Ct))!;
        var mine = Assert.Single(upcoming, u => u.ItemId == item.ItemId);
        Assert.Equal("Huisbezoek", mine.Title);
        Assert.Contains(mine.Appointment.Participants, p => p.Name == "Sanne Jansen");
        Assert.DoesNotContain((await jeroen.GetFromJsonAsync<List<UpcomingAppointment>>("/api/appointments/upcoming", ApiFixture.Json, Ct))!,
            u => u.ItemId == item.ItemId);

        var first = await sanne.GetStringAsync($"/api/items/{item.ItemId}/appointment.ics", Ct);
        Assert.Contains($"UID:{item.ItemId}@network", first);
        Assert.Contains("SEQUENCE:0", first);
        Assert.Contains("SUMMARY:Huisbezoek", first);
        Assert.Contains($"DTSTART:{start:yyyyMMdd}T140000Z", first);

        var move = new HttpRequestMessage(HttpMethod.Put, $"/api/items/{item.ItemId}/appointment")
        {
            Content = JsonContent.Create(new { title = "Huisbezoek (verzet)", start = new DateTimeOffset(start.AddHours(1), TimeSpan.Zero), durationMinutes = 30,
                participantPersons = new[] { SannePerson.Value } }),
        };
        move.Headers.TryAddWithoutValidation("If-Match", $"\"{item.ItemVersion}\"");
        using var moved = await fatima.SendAsync(move, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var changed = (await moved.Content.ReadFromJsonAsync<ItemChangedResponse>(ApiFixture.Json, Ct))!;
        var second = await sanne.GetStringAsync($"/api/items/{item.ItemId}/appointment.ics", Ct);
        Assert.Contains($"UID:{item.ItemId}@network", second);
        Assert.Contains("SEQUENCE:1", second);
        Assert.Contains($"DTSTART:{start:yyyyMMdd}T150000Z", second);

        var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/items/{item.ItemId}/appointment/cancel") { Content = JsonContent.Create(new { reason = "Ziek" }) };
        cancel.Headers.TryAddWithoutValidation("If-Match", $"\"{changed.ItemVersion}\"");
        Assert.Equal(HttpStatusCode.OK, (await fatima.SendAsync(cancel, Ct)).StatusCode);
        var third = await sanne.GetStringAsync($"/api/items/{item.ItemId}/appointment.ics", Ct);
        Assert.Contains("SEQUENCE:2", third);
        Assert.Contains("STATUS:CANCELLED", third);
        Assert.DoesNotContain((await sanne.GetFromJsonAsync<List<UpcomingAppointment>>("/api/appointments/upcoming", ApiFixture.Json, Ct))!,
            u => u.ItemId == item.ItemId);
        Assert.Equal(HttpStatusCode.NotFound, (await jeroen.GetAsync($"/api/items/{item.ItemId}/appointment.ics", Ct)).StatusCode);

        // Bad input changes nothing.
        using var bad = await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/appointments",
            new { title = "", start = (DateTimeOffset?)null, durationMinutes = 0, videoLink = "http://onveilig" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var outsider = await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/appointments",
            new { title = "Met een vreemde", start = DateTimeOffset.UtcNow.AddDays(1), durationMinutes = 30, participantPersons = new[] { EvaPerson.Value } }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, outsider.StatusCode);
    }

    private async Task<Guid> MeAsync(HttpClient client)
    {
        using var me = await client.GetAsync("/api/me", Ct);
        return System.Text.Json.JsonDocument.Parse(await me.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("userId").GetGuid();
    }

    [Fact]
    public async Task replies_are_read_by_exactly_the_items_readers()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var sanne = await api.ClientForAsync(Parent);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        using var forFamily = await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/notes",
            new { text = "Noor heeft haar rooster rond.", about = new[] { NoorPerson.Value } }, Ct);
        var note = (await forFamily.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;
        using var forProfessionals = await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/notes",
            new { text = "Alleen voor professionals.", about = new[] { NoorPerson.Value }, audience = "Professionals" }, Ct);
        var professional = (await forProfessionals.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;

        Assert.True((await TimelineAsync(sanne, JansenBoard.Value)).Entries.Single(e => e.ItemId == note.ItemId).MayReply);
        using var replied = await sanne.PostAsJsonAsync($"/api/items/{note.ItemId}/replies", new { text = "Dank je, fijn!" }, Ct);
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);

        var seen = (await TimelineAsync(fatima, JansenBoard.Value)).Entries.Single(e => e.ItemId == note.ItemId);
        var reply = Assert.Single(seen.Replies!);
        Assert.Equal("Dank je, fijn!", reply.Text);
        Assert.Equal("Sanne Jansen", reply.AuthorName);
        Assert.DoesNotContain((await TimelineAsync(jeroen, JansenBoard.Value)).Entries, e => e.ItemId == note.ItemId);
        Assert.Equal(HttpStatusCode.NotFound, (await jeroen.PostAsJsonAsync($"/api/items/{note.ItemId}/replies", new { text = "Hallo" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sanne.PostAsJsonAsync($"/api/items/{professional.ItemId}/replies", new { text = "Mag ik?" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sanne.PostAsJsonAsync($"/api/items/{note.ItemId}/replies", new { text = " " }, Ct)).StatusCode);
        var entries = await api.EntriesAsync(null, $"item:{note.ItemId}");
        Assert.Contains(entries, e => e.Record.Action == AccessAction.Update && e.Record.Allowed && e.Record.UserName == "Sanne Jansen");
        Assert.Contains(entries, e => e.Record.Action == AccessAction.Update && !e.Record.Allowed && e.Record.UserName == "Jeroen de Vries");
    }

    [Fact]
    public async Task a_closed_themed_board_takes_nothing_new_and_keeps_its_items_readable_the_family_board_stays_open()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var sanne = await api.ClientForAsync(Parent);
        var board = await ThemedBoardAsync(fatima, "Verhuizing");
        using var posted = await fatima.PostAsJsonAsync($"/api/boards/{board}/notes", new { text = "De verhuizing is rond." }, Ct);
        var note = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;

        Assert.Equal(HttpStatusCode.Forbidden, (await sanne.PostAsJsonAsync($"/api/boards/{board}/close", new { reason = "Klaar" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fatima.PostAsJsonAsync($"/api/boards/{board}/close", new { reason = "Klaar" }, Ct)).StatusCode);
        using var late = await fatima.PostAsJsonAsync($"/api/boards/{board}/notes", new { text = "Nog iets" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("board.closed", await late.Content.ReadAsStringAsync(Ct));

        var closed = await TimelineAsync(sanne, board);
        Assert.True(closed.Closed);
        Assert.True(closed.Themed);
        Assert.Contains(closed.Entries, e => e.ItemId == note.ItemId);
        Assert.Empty(closed.Composer!.Categories);
        Assert.Contains((await TimelineAsync(sanne, JansenBoard.Value)).Boards, b => b.BoardId == board && b.Closed && b.Themed);
        Assert.Equal(HttpStatusCode.Conflict, (await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/close", new { }, Ct)).StatusCode);
        Assert.Contains((await sanne.GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct))!, b => b.Id == board && b.Closed);
    }

    [Fact]
    public async Task the_composer_offers_only_what_the_reader_may_post_and_the_timeline_pages_back_through_a_long_history()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var sanne = await api.ClientForAsync(Parent);
        using var riet = await api.ClientForAsync(Grandmother);
        var board = await ThemedBoardAsync(fatima, "Lange geschiedenis");
        for (var i = 1; i <= 70; i++)
            (await fatima.PostAsJsonAsync($"/api/boards/{board}/notes",
                new { text = $"Bericht {i}", about = new[] { NoorPerson.Value }, audience = i % 3 == 0 ? "Professionals" : "Everyone" }, Ct)).EnsureSuccessStatusCode();

        // The mother may read two of every three: 47 of 70, newest first in pages of 20.
        var seen = new List<ItemView>();
        var page = await TimelineAsync(sanne, board, "?limit=20");
        seen.AddRange(page.Entries);
        while (page.MoreBefore)
        {
            Assert.Equal(20, page.Entries.Count);
            page = await TimelineAsync(sanne, board, $"?limit=20&before={page.Entries.Min(e => e.Version)}");
            seen.AddRange(page.Entries);
        }
        Assert.Equal(47, seen.Count);
        Assert.Equal(47, seen.Select(e => e.ItemId).Distinct().Count());
        Assert.DoesNotContain(seen, e => e.Audience == AudienceKind.Professionals);
        Assert.Equal(50, (await TimelineAsync(fatima, board)).Entries.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await sanne.GetAsync($"/api/boards/{board}/timeline?limit=0", Ct)).StatusCode);

        // What the composer offers is what a post is allowed.
        var composer = (await TimelineAsync(sanne, board)).Composer!;
        Assert.True(composer.MayUpload);
        foreach (var category in Enum.GetValues<InformationCategory>().Where(c => c != InformationCategory.Plan))
        {
            var offered = composer.Categories.Any(c => c.Category == category);
            using var tried = await sanne.PostAsJsonAsync($"/api/boards/{board}/notes", new { text = "Probeer", category = category.ToString() }, Ct);
            Assert.True(offered == tried.IsSuccessStatusCode, $"{category}: offered {offered}, post {tried.StatusCode}");
        }
        var grandmother = (await TimelineAsync(riet, JansenBoard.Value)).Composer;
        Assert.True(grandmother is null || grandmother.Categories.Count == 0 || grandmother.Categories.All(c => c.Category != InformationCategory.Medical));
    }

    [Fact]
    public async Task search_finds_in_dutch_only_what_the_user_may_read_and_a_hidden_word_changes_nothing()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var sanne = await api.ClientForAsync(Parent);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        (await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/notes",
            new { text = "Noor bezoekt open dagen van middelbare scholen.", about = new[] { NoorPerson.Value } }, Ct)).EnsureSuccessStatusCode();

        async Task<SearchResults> Search(HttpClient client, string q) =>
            (await client.GetFromJsonAsync<SearchResults>($"/api/search?q={Uri.EscapeDataString(q)}", ApiFixture.Json, Ct))!;

        // Dutch stemming: "middelbare school" finds "middelbare scholen".
        var found = await Search(sanne, "middelbare school");
        var hit = Assert.Single(found.Hits);
        Assert.Contains("«scholen»", hit.Snippet);
        Assert.Equal(JansenFamily.Value, hit.FamilyId);
        Assert.Empty((await Search(jeroen, "middelbare school")).Hits);

        var before = await Search(sanne, "school");
        (await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/notes",
            new { text = "Zorgen over school, alleen voor professionals.", about = new[] { NoorPerson.Value }, audience = "Professionals" }, Ct)).EnsureSuccessStatusCode();
        var after = await Search(sanne, "school");
        Assert.Equal(before.Hits.Select(h => h.ItemId), after.Hits.Select(h => h.ItemId));
        Assert.Equal(before.More, after.More);
        Assert.Contains((await Search(fatima, "school")).Hits, h => h.Snippet.Contains("professionals"));

        var filtered = await sanne.GetFromJsonAsync<SearchResults>($"/api/search?q=school&kind=Appointment", ApiFixture.Json, Ct);
        Assert.All(filtered!.Hits, h => Assert.Equal(ItemKind.Appointment, h.Kind));
        Assert.Equal(HttpStatusCode.BadRequest, (await sanne.GetAsync("/api/search?q=a", Ct)).StatusCode);
        Assert.Contains(await api.EntriesAsync(JansenFamily.Value, "search"), e => e.Record.Action == AccessAction.Search && e.Record.UserName == "Sanne Jansen");
    }

    [Fact]
    public async Task a_reply_on_an_item_of_a_themed_board_is_pushed_on_the_family_board_to_its_readers_only()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        var board = await ThemedBoardAsync(fatima, "Sport");
        using var posted = await fatima.PostAsJsonAsync($"/api/boards/{board}/notes",
            new { text = "Noor gaat op hockey.", about = new[] { NoorPerson.Value } }, Ct);
        var note = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;

        var toSanne = System.Threading.Channels.Channel.CreateUnbounded<long>();
        var toJeroen = System.Threading.Channels.Channel.CreateUnbounded<long>();
        await using var sanneHub = await api.JoinBoardAsync(Parent, JansenBoard.Value, toSanne, Ct);
        await using var jeroenHub = await api.JoinBoardAsync(YouthCareWorker, JansenBoard.Value, toJeroen, Ct);
        using var sanne = await api.ClientForAsync(Parent);

        using var replied = await sanne.PostAsJsonAsync($"/api/items/{note.ItemId}/replies", new { text = "Leuk!" }, Ct);
        replied.EnsureSuccessStatusCode();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var version = await toSanne.Reader.ReadAsync(timeout.Token);
        var changed = await TimelineAsync(sanne, JansenBoard.Value, $"?since={version - 1}");
        Assert.Contains(changed.Entries, e => e.ItemId == note.ItemId && e.Replies!.Any(r => r.Text == "Leuk!"));
        // Jeroen (no standing on Noor) is told nothing about it.
        await Task.Delay(500, Ct);
        Assert.False(toJeroen.Reader.TryRead(out _));
    }

    [Fact]
    public async Task a_board_about_a_child_is_not_named_to_whoever_may_not_see_that_child_and_appointments_name_only_known_people()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        using var opened = await fatima.PostAsJsonAsync($"/api/families/{JansenFamily.Value}/boards", new { title = "Noor en school", about = new[] { NoorPerson.Value } }, Ct);
        var board = (await opened.Content.ReadFromJsonAsync<BoardOpenedResponse>(ApiFixture.Json, Ct))!.BoardId;

        // Jeroen works with Daan only: the board about Noor is not listed, not named, not there.
        Assert.DoesNotContain((await jeroen.GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct))!, b => b.Id == board);
        Assert.DoesNotContain((await TimelineAsync(jeroen, JansenBoard.Value)).Boards, b => b.BoardId == board);
        Assert.DoesNotContain((await jeroen.GetFromJsonAsync<FamilyView>($"/api/families/{JansenFamily.Value}", ApiFixture.Json, Ct))!.Boards, b => b.BoardId == board);
        Assert.Equal(HttpStatusCode.NotFound, (await jeroen.GetAsync($"/api/boards/{board}/timeline", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jeroen.PostAsJsonAsync($"/api/boards/{board}/notes", new { text = "x" }, Ct)).StatusCode);
        Assert.Contains((await fatima.GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct))!, b => b.Id == board);

        // An appointment about Daan with Noor and her mother taking part: Jeroen reads it, but Noor is not named to him.
        using var posted = await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/appointments", new
        {
            title = "Gesprek over Daan",
            start = DateTimeOffset.UtcNow.AddDays(2),
            durationMinutes = 30,
            participantPersons = new[] { NoorPerson.Value, SannePerson.Value },
            about = new[] { DaanPerson.Value },
        }, Ct);
        var item = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;
        var seen = (await jeroen.GetFromJsonAsync<ItemView>($"/api/items/{item.ItemId}", ApiFixture.Json, Ct))!;
        Assert.DoesNotContain(seen.Appointment!.Participants, p => p.PersonId == NoorPerson.Value);
        Assert.DoesNotContain("Noor", await jeroen.GetStringAsync($"/api/items/{item.ItemId}/appointment.ics", Ct));
        Assert.Contains((await fatima.GetFromJsonAsync<ItemView>($"/api/items/{item.ItemId}", ApiFixture.Json, Ct))!.Appointment!.Participants,
            p => p.PersonId == NoorPerson.Value);

        // Bad input: a start far out of range, a file name of only an extension, too long a name.
        using var far = await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/appointments",
            new { title = "Ver weg", start = new DateTimeOffset(9999, 12, 31, 23, 0, 0, TimeSpan.Zero), durationMinutes = 30 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        using var longName = await fatima.PostAsync($"/api/boards/{JansenBoard.Value}/documents", Upload(Pdf, "a." + new string('x', 200)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        using var emoji = await fatima.PostAsync($"/api/boards/{JansenBoard.Value}/documents", Upload(Pdf, string.Concat(Enumerable.Repeat("😀", 120)) + ".pdf"), Ct);
        Assert.Equal(HttpStatusCode.Created, emoji.StatusCode);
    }

    [Fact]
    public async Task the_demo_family_has_a_themed_board_with_a_document_an_appointment_and_replies()
    {
        using var sanne = await api.ClientForAsync(Parent);
        var family = await TimelineAsync(sanne, JansenBoard.Value, "?limit=500");
        var noor = Assert.Single(family.Boards, b => b.Title == "Noor");
        Assert.True(noor.Themed);
        Assert.Contains(family.Entries, e => e.Kind == ItemKind.Document && e.Replies!.Count > 0);
        Assert.Contains(family.Entries, e => e.Kind == ItemKind.Appointment && e.Appointment!.Participants.Count == 3);
        Assert.Contains((await sanne.GetFromJsonAsync<List<UpcomingAppointment>>("/api/appointments/upcoming", ApiFixture.Json, Ct))!,
            u => u.Title == "Gesprek op school over Noor");
    }
}
