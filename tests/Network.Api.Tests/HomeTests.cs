using System.Net;
using System.Net.Http.Json;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>
/// The home after login: what is new since the last visit (each item through the item decision),
/// and what is asked of the caller (a plan version to agree to, consent to give). Changes demo
/// state: its own database.
/// </summary>
public sealed class HomeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Bos = BosFamily.Value;

    [Fact]
    public async Task what_is_new_is_what_the_caller_may_read_since_their_last_visit()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var linda = await api.ClientForAsync(BosMother);
        using var kees = await api.ClientForAsync(BosFather);

        var first = (await linda.GetFromJsonAsync<HomeNewView>("/api/my/home/new", ApiFixture.Json, Ct))!;
        Assert.True(first.FirstVisit);
        Assert.True(first.Since < DateTimeOffset.UtcNow.AddDays(-13));

        var shared = await PostAsync(fatima, new { text = "Gezinsgesprek verzet naar vrijdag." });
        var hidden = await PostAsync(fatima, new { text = "Tim trekt zich terug.", category = "Observation", about = new[] { TimPerson.Value } });

        var linda2 = (await linda.GetFromJsonAsync<HomeNewView>("/api/my/home/new", ApiFixture.Json, Ct))!;
        var entry = Assert.Single(linda2.Entries, e => e.ItemId == shared);
        Assert.Equal((HomeSection.Item, "Gezin Bos", "Fatima El Amrani"), (entry.Section, entry.FamilyName, entry.ByName));
        Assert.Equal($"/boards/{BosBoard.Value}", entry.Link);
        Assert.DoesNotContain(linda2.Entries, e => e.ItemId == hidden);
        Assert.Contains((await kees.GetFromJsonAsync<HomeNewView>("/api/my/home/new", ApiFixture.Json, Ct))!.Entries, e => e.ItemId == shared);
        // One's own items are not news to oneself; the coordinator reads both but wrote them.
        var own = (await fatima.GetFromJsonAsync<HomeNewView>("/api/my/home/new", ApiFixture.Json, Ct))!;
        Assert.DoesNotContain(own.Entries, e => e.ItemId == shared || e.ItemId == hidden);

        // Each item shown is in the access log as found for the caller.
        var entries = await api.EntriesAsync(Bos, "home:new");
        var lindaId = (await linda.GetFromJsonAsync<MeView>("/api/me", ApiFixture.Json, Ct))!.UserId;
        Assert.Contains(entries, e => e.Record.UserId == lindaId && e.Record.Action == Network.Domain.Authorization.AccessAction.Search && e.Record.Allowed);
    }

    [Fact]
    public async Task a_new_plan_version_is_asked_of_the_parent_with_gezag_and_one_agreement_answers_it()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var linda = await api.ClientForAsync(BosMother);
        using var kees = await api.ClientForAsync(BosFather);

        Assert.Empty((await linda.GetFromJsonAsync<HomeAskedView>("/api/my/home/asked", ApiFixture.Json, Ct))!.Agreements);
        (await fatima.PostAsJsonAsync($"/api/families/{Bos}/plan/items",
            new { kind = "Goal", text = "Tim slaapt weer goed", about = new[] { TimPerson.Value }, target = "Vijf nachten per week doorslapen", scale = 4 }, Ct))
            .EnsureSuccessStatusCode();
        using var published = await fatima.PostAsync($"/api/families/{Bos}/plan/versions", null, Ct);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var version = (await published.Content.ReadFromJsonAsync<PlanVersionPublished>(ApiFixture.Json, Ct))!;

        var asked = Assert.Single((await linda.GetFromJsonAsync<HomeAskedView>("/api/my/home/asked", ApiFixture.Json, Ct))!.Agreements);
        Assert.Equal((version.ItemId, version.Number, "Gezin Bos"), (asked.VersionItemId, asked.Number, asked.FamilyName));
        // The father has no gezag: his agreement is not asked.
        Assert.Empty((await kees.GetFromJsonAsync<HomeAskedView>("/api/my/home/asked", ApiFixture.Json, Ct))!.Agreements);
        // The new version is news on the parent's home, under plan changes.
        Assert.Contains((await linda.GetFromJsonAsync<HomeNewView>("/api/my/home/new", ApiFixture.Json, Ct))!.Entries,
            e => e.ItemId == version.ItemId && e.Section == HomeSection.PlanChange && e.Link == $"/gezinnen/{Bos}/plan");

        (await linda.PostAsJsonAsync($"/api/plan/versions/{version.ItemId}/agreement", new { agrees = true }, Ct)).EnsureSuccessStatusCode();
        Assert.Empty((await linda.GetFromJsonAsync<HomeAskedView>("/api/my/home/asked", ApiFixture.Json, Ct))!.Agreements);
    }

    [Fact]
    public async Task consent_waiting_for_the_caller_is_asked_until_they_give_it()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        using var sanne = await api.ClientForAsync(Parent);
        using var noor = await api.ClientForAsync(Youth);
        var jeroenId = (await jeroen.GetFromJsonAsync<MeView>("/api/me", ApiFixture.Json, Ct))!.UserId;

        (await fatima.PostAsJsonAsync($"/api/families/{JansenFamily.Value}/professionals",
            new { userId = jeroenId, basis = "Consent", children = new[] { NoorPerson.Value } }, Ct)).EnsureSuccessStatusCode();

        // Noor is 14: she and her mother decide together, so both are asked.
        foreach (var member in new[] { sanne, noor })
        {
            var asked = (await member.GetFromJsonAsync<HomeAskedView>("/api/my/home/asked", ApiFixture.Json, Ct))!;
            var consent = Assert.Single(asked.Consents, c => c.ChildId == NoorPerson.Value);
            Assert.Equal(("Jeroen de Vries", "Noor Jansen"), (consent.ProfessionalName, consent.ChildName));
        }
        (await sanne.PutAsync($"/api/families/{JansenFamily.Value}/consents/{jeroenId}/{NoorPerson.Value}", null, Ct)).EnsureSuccessStatusCode();
        Assert.DoesNotContain((await sanne.GetFromJsonAsync<HomeAskedView>("/api/my/home/asked", ApiFixture.Json, Ct))!.Consents,
            c => c.ChildId == NoorPerson.Value);
        Assert.Contains((await noor.GetFromJsonAsync<HomeAskedView>("/api/my/home/asked", ApiFixture.Json, Ct))!.Consents,
            c => c.ChildId == NoorPerson.Value);
        // A professional is asked neither, but the mother's proposal waits for her decision.
        var pro = (await fatima.GetFromJsonAsync<HomeAskedView>("/api/my/home/asked", ApiFixture.Json, Ct))!;
        Assert.Empty(pro.Consents);
        Assert.Empty(pro.Agreements);
        var proposal = Assert.Single(pro.Proposals!);
        Assert.Equal(("Sanne Jansen", "Gezin Jansen"), (proposal.ByName, proposal.FamilyName));
        Assert.StartsWith("Ik wil een cursus ontspanning", proposal.Summary);
        Assert.Null((await sanne.GetFromJsonAsync<HomeAskedView>("/api/my/home/asked", ApiFixture.Json, Ct))!.Proposals);
    }

    [Fact]
    public async Task the_last_visit_moves_only_after_a_pause()
    {
        using var peter = await api.ClientForAsync(Guardian);
        var first = (await peter.GetFromJsonAsync<HomeNewView>("/api/my/home/new", ApiFixture.Json, Ct))!;
        var again = (await peter.GetFromJsonAsync<HomeNewView>("/api/my/home/new", ApiFixture.Json, Ct))!;
        // Still the same visit: still "first", from two weeks back.
        Assert.True(first.FirstVisit && again.FirstVisit);
        Assert.True(again.Since >= first.Since);
    }

    private static async Task<Guid> PostAsync(HttpClient author, object note)
    {
        using var posted = await author.PostAsJsonAsync($"/api/boards/{BosBoard.Value}/notes", note, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!.ItemId;
    }
}
