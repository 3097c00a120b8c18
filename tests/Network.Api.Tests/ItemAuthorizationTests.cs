using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Network.Api.Features.Boards.PreviewAudience;
using Network.Api.Features.Boards.Why;
using Network.Api.Features.Families;
using Network.Api.Infrastructure.Realtime;
using Network.Api.Infrastructure.Setup;

namespace Network.Api.Tests;

public sealed class ItemAuthorizationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Board = DemoRegion.JansenBoard.Value;
    private static readonly Guid Daan = DemoRegion.DaanPerson.Value;

    private async Task<ItemPostedResponse> PostAsync(HttpClient client, object note)
    {
        using var response = await client.PostAsJsonAsync($"/api/boards/{Board}/notes", note, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;
    }

    private async Task<IReadOnlyList<Guid>> VisibleItemsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<TimelineView>($"/api/boards/{Board}/timeline", ApiFixture.Json, Ct))!.Entries.Select(e => e.ItemId)];

    [Fact]
    public async Task an_observation_for_professionals_stays_hidden_from_the_parent_until_the_author_includes_the_family()
    {
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);
        using var sanne = await api.ClientForAsync(DemoRegion.Parent);
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);

        var hidden = await PostAsync(jeroen, new { text = "Daan slaapt slecht.", category = "Observation", about = new[] { Daan } });
        var shared = await PostAsync(jeroen, new { text = "Daan speelt graag buiten.", category = "Observation", about = new[] { Daan }, audience = "Everyone" });

        Assert.DoesNotContain(hidden.ItemId, await VisibleItemsAsync(sanne));
        Assert.Contains(shared.ItemId, await VisibleItemsAsync(sanne));
        Assert.Contains(hidden.ItemId, await VisibleItemsAsync(fatima));
        using var why = await sanne.GetAsync($"/api/boards/{Board}/items/{hidden.ItemId}/why", Ct);
        Assert.Equal(HttpStatusCode.NotFound, why.StatusCode);
        var explanation = await sanne.GetFromJsonAsync<Explanation>($"/api/boards/{Board}/items/{shared.ItemId}/why", ApiFixture.Json, Ct);
        Assert.Contains(explanation!.Reasons, r => r.Code == "standing.parent-with-authority");
    }

    [Fact]
    public async Task a_category_the_table_does_not_let_the_author_write_is_refused_with_403_and_stores_nothing()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var before = (await VisibleItemsAsync(fatima)).Count;

        using var response = await fatima.PostAsJsonAsync($"/api/boards/{Board}/notes",
            new { text = "Diagnose", category = "Medical", about = new[] { Daan } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, (await VisibleItemsAsync(fatima)).Count);
    }

    [Fact]
    public async Task preview_and_why_answer_404_to_someone_outside_the_network()
    {
        using var peter = await api.ClientForAsync(DemoRegion.Guardian);

        using var preview = await peter.PostAsJsonAsync($"/api/boards/{Board}/audience-preview", new { category = "General" }, Ct);
        using var why = await peter.GetAsync($"/api/boards/{Board}/why", Ct);

        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, why.StatusCode);
        Assert.DoesNotContain("Jansen", await preview.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task the_preview_names_who_will_be_able_to_read_a_note()
    {
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);

        var professionals = await (await jeroen.PostAsJsonAsync($"/api/boards/{Board}/audience-preview",
            new { category = "Observation", about = new[] { Daan } }, Ct)).Content.ReadFromJsonAsync<AudiencePreview>(ApiFixture.Json, Ct);
        var everyone = await (await jeroen.PostAsJsonAsync($"/api/boards/{Board}/audience-preview",
            new { category = "General", about = new[] { Daan } }, Ct)).Content.ReadFromJsonAsync<AudiencePreview>(ApiFixture.Json, Ct);

        Assert.True(professionals!.MayPost);
        Assert.DoesNotContain(professionals.Readers, r => r.Name == "Sanne Jansen");
        Assert.Contains(professionals.Readers, r => r.Name == "Fatima El Amrani");
        Assert.Contains(everyone!.Readers, r => r.Name == "Sanne Jansen");
        // Noor (14) has standing on herself only: a note about Daan is not for her.
        Assert.DoesNotContain(everyone.Readers, r => r.Name == "Noor Jansen");
    }

    [Fact]
    public async Task a_user_without_access_to_an_item_receives_no_push_for_it_and_after_withdrawal_no_push_at_all()
    {
        var sannePushes = Channel.CreateUnbounded<long>();
        var jeroenPushes = Channel.CreateUnbounded<long>();
        await using var sanneHub = await api.JoinBoardAsync(DemoRegion.Parent, Board, sannePushes, Ct);
        await using var jeroenHub = await api.JoinBoardAsync(DemoRegion.YouthCareWorker, Board, jeroenPushes, Ct);
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var sanne = await api.ClientForAsync(DemoRegion.Parent);

        // Professionals only: Jeroen is told, Sanne is not.
        var observation = await PostAsync(fatima, new { text = "Zorgen over Daan.", category = "Observation", about = new[] { Daan } });
        Assert.Equal(observation.Version, await NextAsync(jeroenPushes));
        // For everyone: now both are told, and Sanne's first push is this one, not the observation.
        var general = await PostAsync(fatima, new { text = "Afspraak dinsdag." });
        Assert.Equal(general.Version, await NextAsync(sannePushes));
        Assert.Equal(general.Version, await NextAsync(jeroenPushes));

        // Sanne withdraws her consent for Jeroen: the next change is not pushed to him.
        var jeroenId = (await sanne.GetFromJsonAsync<FamilyView>($"/api/families/{DemoRegion.JansenFamily.Value}", ApiFixture.Json, Ct))!
            .Professionals.Single(p => p.Name == "Jeroen de Vries").UserId;
        (await sanne.DeleteAsync($"/api/families/{DemoRegion.JansenFamily.Value}/consents/{jeroenId}/{Daan}", Ct)).EnsureSuccessStatusCode();
        var after = await PostAsync(fatima, new { text = "Nog een afspraak." });
        Assert.Equal(after.Version, await NextAsync(sannePushes));
        Assert.False(jeroenPushes.Reader.TryRead(out var leaked), $"Jeroen was told about version {leaked}");
        // Joining again takes a new invitation and consent.
        (await fatima.PostAsJsonAsync($"/api/families/{DemoRegion.JansenFamily.Value}/professionals",
            new { userId = jeroenId, basis = "Consent", children = new[] { Daan } }, Ct)).EnsureSuccessStatusCode();
        (await sanne.PutAsync($"/api/families/{DemoRegion.JansenFamily.Value}/consents/{jeroenId}/{Daan}", null, Ct)).EnsureSuccessStatusCode();
    }

    private static async Task<long> NextAsync(Channel<long> pushes)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await pushes.Reader.ReadAsync(timeout.Token);
    }
}

/// <summary>In its own database: it changes the table.</summary>
public sealed class AuthorizationTableTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_table_change_takes_effect_for_the_very_next_read_and_hard_rules_are_enforced()
    {
        using var admin = await api.ClientForAsync(DemoRegion.Administrator);
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);
        using var sanne = await api.ClientForAsync(DemoRegion.Parent);
        using var posted = await jeroen.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes",
            new { text = "Gedeelde observatie", category = "Observation", about = new[] { DemoRegion.DaanPerson.Value }, audience = "Everyone" }, Ct);
        var item = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!.ItemId;
        Assert.Contains(item, await ItemsAsync(sanne));

        using var closed = await admin.PutAsJsonAsync("/api/authorization/table/Observation/ParentWithAuthority",
            new { access = "None", reason = "Pilot: observaties alleen voor professionals" }, Ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("\"2\"", closed.Headers.ETag?.Tag);
        Assert.DoesNotContain(item, await ItemsAsync(sanne));

        using var breaksRule = await admin.PutAsJsonAsync("/api/authorization/table/Observation/FunctionalAdministrator",
            new { access = "Read", reason = "Even meekijken" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, breaksRule.StatusCode);
        using var notAdmin = await jeroen.PutAsJsonAsync("/api/authorization/table/Observation/ParentWithAuthority",
            new { access = "Read", conditions = new[] { "AudienceIncludesFamily" }, reason = "Terug" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        var table = await jeroen.GetFromJsonAsync<TableView>("/api/authorization/table", ApiFixture.Json, Ct);
        Assert.Equal(2, table!.Version);
        Assert.Equal("None", table.Cells.Single(c => c.Category == Network.Domain.Authorization.InformationCategory.Observation && c.Column == Network.Domain.Authorization.TableColumn.ParentWithAuthority).Access.ToString());
    }

    private async Task<IReadOnlyList<Guid>> ItemsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<TimelineView>($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", ApiFixture.Json, Ct))!.Entries.Select(e => e.ItemId)];
}
