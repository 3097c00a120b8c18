using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Network.Api.Infrastructure.Realtime;
using Network.Domain.Authorization;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>
/// The youth's own say from 16 through the API: Eva (16) decides what her parents see about her;
/// the parent's very next read and push follow each change. Changes demo state: its own database.
/// </summary>
public sealed class YouthSayTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Bos = BosFamily.Value;
    private static readonly Guid Board = BosBoard.Value;

    [Fact]
    public async Task a_parents_next_read_and_push_follow_the_youths_choice()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var sophie = await api.ClientForAsync(YouthDoctor);
        using var eva = await api.ClientForAsync(BosYouth);
        using var linda = await api.ClientForAsync(BosMother);
        using var kees = await api.ClientForAsync(BosFather);

        // Eva (16) lets the youth doctor join for her, on her consent alone.
        var sophieId = (await sophie.GetFromJsonAsync<MeView>("/api/me", ApiFixture.Json, Ct))!.UserId;
        (await fatima.PostAsJsonAsync($"/api/families/{Bos}/professionals",
            new { userId = sophieId, basis = "Consent", children = new[] { EvaPerson.Value } }, Ct)).EnsureSuccessStatusCode();
        (await eva.PutAsync($"/api/families/{Bos}/consents/{sophieId}/{EvaPerson.Value}", null, Ct)).EnsureSuccessStatusCode();

        // In the demo Eva lets her parents see medical information, not justice information.
        var own = (await eva.GetFromJsonAsync<YouthSayView>($"/api/families/{Bos}/youth-say", ApiFixture.Json, Ct))!;
        Assert.True(own.Mine!.HasSay);
        Assert.Equal([(InformationCategory.Medical, true), (InformationCategory.Justice, false)],
            own.Mine.Categories.Select(c => (c.Category, c.ParentsSee)).OrderBy(c => c.Category));
        Assert.Contains(InformationCategory.Plan, own.Mine.ParentsSeeAnyway);

        var lindaNotices = Channel.CreateUnbounded<string>();
        var lindaPushes = Channel.CreateUnbounded<long>();
        var evaPushes = Channel.CreateUnbounded<long>();
        await using var lindaHub = await api.JoinBoardAsync(BosMother, Board, lindaPushes, Ct);
        lindaHub.On<string, Guid>(nameof(IBoardClient.Notified), (kind, family) => { if (family == Bos && kind == "youth-say") lindaNotices.Writer.TryWrite(kind); });
        await using var evaHub = await api.JoinBoardAsync(BosYouth, Board, evaPushes, Ct);

        var first = await PostMedicalAsync(sophie, "Eva was bij de jeugdarts voor een controle.");
        Assert.True(await NextAsync(lindaPushes) >= first.Version);
        Assert.True(await NextAsync(evaPushes) >= first.Version);
        Assert.Contains(first.ItemId, await TimelineAsync(linda));
        // The father has no medical column: the youth's choice gives him nothing.
        Assert.DoesNotContain(first.ItemId, await TimelineAsync(kees));

        // Eva hides medical information: Linda is told to read again, and reads it no more.
        using var hide = await eva.PutAsJsonAsync($"/api/families/{Bos}/youth-say/Medical", new { parentsSee = false }, Ct);
        Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        Assert.Equal("youth-say", await NextAsync(lindaNotices));
        Assert.DoesNotContain(first.ItemId, await TimelineAsync(linda));
        Assert.Equal(HttpStatusCode.NotFound, (await linda.GetAsync($"/api/items/{first.ItemId}", Ct)).StatusCode);
        Assert.Contains(first.ItemId, await TimelineAsync(eva));

        // The next medical item is pushed to Eva, not to Linda.
        while (lindaPushes.Reader.TryRead(out _)) { }
        var second = await PostMedicalAsync(sophie, "Vervolgafspraak bij de jeugdarts gepland.");
        Assert.True(await NextAsync(evaPushes) >= second.Version);
        await Task.Delay(300, Ct);
        Assert.False(lindaPushes.Reader.TryRead(out _), "Linda was told of a medical item Eva hides from her");

        // What Linda sees: that Eva decides, not what she hides.
        var lindaView = (await linda.GetFromJsonAsync<YouthSayView>($"/api/families/{Bos}/youth-say", ApiFixture.Json, Ct))!;
        Assert.Null(lindaView.Mine);
        var decides = Assert.Single(lindaView.Decided);
        Assert.Equal((EvaPerson.Value, "Eva Bos"), (decides.YouthId, decides.Name));
        Assert.NotNull(decides.LastChoiceAt);
        Assert.Single((await kees.GetFromJsonAsync<YouthSayView>($"/api/families/{Bos}/youth-say", ApiFixture.Json, Ct))!.Decided);

        // Eva shares again: both items are back for Linda at once, and the next one is pushed to her.
        (await eva.PutAsJsonAsync($"/api/families/{Bos}/youth-say/Medical", new { parentsSee = true }, Ct)).EnsureSuccessStatusCode();
        var back = await TimelineAsync(linda);
        Assert.Contains(first.ItemId, back);
        Assert.Contains(second.ItemId, back);
        var third = await PostMedicalAsync(sophie, "Uitslag is goed.");
        Assert.True(await NextAsync(lindaPushes) >= third.Version);

        // Each choice is an event with a date, and each read and write is in the access log.
        var entries = await api.EntriesAsync(Bos, null);
        Assert.Contains(entries.Select(x => x.Record), e => e.Resource == $"family:{Bos}" && e.Action == AccessAction.Update && e.PersonId == EvaPerson.Value && e.Allowed);
        Assert.Contains(entries.Select(x => x.Record), e => e.Resource == $"youth-say:{Bos}" && e.Action == AccessAction.Read && e.PersonId == EvaPerson.Value);
    }

    [Fact]
    public async Task only_the_youth_of_16_chooses_and_bad_input_changes_nothing()
    {
        using var eva = await api.ClientForAsync(BosYouth);
        using var linda = await api.ClientForAsync(BosMother);
        using var noor = await api.ClientForAsync(Youth);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        var url = $"/api/families/{Bos}/youth-say";

        Assert.Equal(HttpStatusCode.BadRequest, (await eva.PutAsJsonAsync($"{url}/Astrology", new { parentsSee = false }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await eva.PutAsJsonAsync($"{url}/5", new { parentsSee = false }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await eva.PutAsJsonAsync($"{url}/Justice", new { }, Ct)).StatusCode);
        var plan = await eva.PutAsJsonAsync($"{url}/Plan", new { parentsSee = false }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, plan.StatusCode);
        Assert.Contains("youth-say.not-your-say", await plan.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await linda.PutAsJsonAsync($"{url}/Justice", new { parentsSee = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jeroen.PutAsJsonAsync($"{url}/Justice", new { parentsSee = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jeroen.GetAsync(url, Ct)).StatusCode);
        // Noor is 14: she consents together with her mother, and has no say of her own yet.
        var young = await noor.PutAsJsonAsync($"/api/families/{JansenFamily.Value}/youth-say/Medical", new { parentsSee = false }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, young.StatusCode);
        Assert.Contains("youth-say.from-16", await young.Content.ReadAsStringAsync(Ct));
        var noorView = (await noor.GetFromJsonAsync<YouthSayView>($"/api/families/{JansenFamily.Value}/youth-say", ApiFixture.Json, Ct))!;
        Assert.False(noorView.Mine!.HasSay);

        var after = (await eva.GetFromJsonAsync<YouthSayView>(url, ApiFixture.Json, Ct))!;
        Assert.False(after.Mine!.Categories.Single(c => c.Category == InformationCategory.Justice).ParentsSee);
    }

    private static async Task<ItemPostedResponse> PostMedicalAsync(HttpClient author, string text)
    {
        using var posted = await author.PostAsJsonAsync($"/api/boards/{Board}/notes",
            new { text, category = "Medical", about = new[] { EvaPerson.Value }, audience = "Everyone" }, Ct);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync(Ct));
        return (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;
    }

    private static async Task<HashSet<Guid>> TimelineAsync(HttpClient reader) =>
        [.. (await reader.GetFromJsonAsync<TimelineView>($"/api/boards/{Board}/timeline", ApiFixture.Json, Ct))!.Entries.Select(e => e.ItemId)];

    private static async Task<T> NextAsync<T>(Channel<T> channel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}
