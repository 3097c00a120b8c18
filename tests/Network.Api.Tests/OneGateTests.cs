using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Network.Domain.Authorization;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>The findings of the "One gate" issue, each through the API with real logins.</summary>
public sealed class OneGateTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task the_duplicate_check_looks_over_the_region_but_tells_an_outsider_only_that_the_person_exists_and_lets_them_link()
    {
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        // Eva Bos exists; Jeroen has no standing in Gezin Bos.
        var eva = new PersonDetailsDto("Eva", null, "Bos", new DateOnly(2010, 3, 1), null, null, null, null, null, null);

        using var warned = await jeroen.PostAsJsonAsync("/api/persons", new { details = eva }, ApiFixture.Json, Ct);

        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        var body = await warned.Content.ReadAsStringAsync(Ct);
        var duplicate = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("duplicates").EnumerateArray());
        Assert.False(duplicate.GetProperty("visible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, duplicate.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, duplicate.GetProperty("dateOfBirth").ValueKind);
        Assert.DoesNotContain("Kanaalweg", body);
        Assert.DoesNotContain("ROC", body);

        // Linking: the registration refers to the existing record (register once) and still shows nothing of it.
        using var registered = await jeroen.PostAsJsonAsync("/api/families", new { name = "Gezin Test" }, Ct);
        var family = (await registered.Content.ReadFromJsonAsync<FamilyRegisteredResponse>(ApiFixture.Json, Ct))!;
        using var linked = await jeroen.PostAsJsonAsync($"/api/families/{family.FamilyId}/members",
            new { personId = duplicate.GetProperty("personId").GetGuid(), relation = "Child" }, Ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        using var read = await jeroen.GetAsync($"/api/persons/{EvaPerson.Value}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task when_the_only_measure_ends_the_probation_officer_loses_the_family_on_every_path()
    {
        using var rik = await api.ClientForAsync(ProbationOfficer);
        using var fatima = await api.ClientForAsync(Coordinator);
        Assert.Contains((await rik.GetFromJsonAsync<List<FamilySummary>>("/api/families", ApiFixture.Json, Ct))!, f => f.FamilyId == BosFamily.Value);
        var measure = (await rik.GetFromJsonAsync<FamilyView>($"/api/families/{BosFamily.Value}", ApiFixture.Json, Ct))!
            .Children.Single().Measures.Single(m => m.Type == Network.Domain.Families.MeasureType.Jeugdreclassering);

        // The coordinator composes the family (Eva waits for her consent, so she sees only Eva's name).
        using var ended = await fatima.PostAsJsonAsync($"/api/families/{BosFamily.Value}/measures/{measure.MeasureId}/end",
            new { on = DateOnly.FromDateTime(DateTime.UtcNow) }, Ct);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await rik.GetAsync($"/api/families/{BosFamily.Value}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rik.GetAsync($"/api/boards/{BosBoard.Value}/timeline", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rik.GetAsync($"/api/persons/{EvaPerson.Value}", Ct)).StatusCode);
        Assert.DoesNotContain((await rik.GetFromJsonAsync<List<FamilySummary>>("/api/families", ApiFixture.Json, Ct))!, f => f.FamilyId == BosFamily.Value);
        Assert.DoesNotContain((await rik.GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct))!, b => b.FamilyId == BosFamily.Value);
        Assert.Empty((await rik.GetFromJsonAsync<List<PersonHit>>("/api/persons?q=bos", ApiFixture.Json, Ct))!);
    }

    [Fact]
    public async Task a_stale_correction_leaves_no_allowed_entry_in_the_log()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var posted = await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/notes",
            new { text = "Eerste versie", about = new[] { DaanPerson.Value } }, Ct);
        var item = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/items/{item.ItemId}") { Content = JsonContent.Create(new { text = "Tweede" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"7\"");

        using var stale = await fatima.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var entries = await api.EntriesAsync(null, $"item:{item.ItemId}");
        Assert.Equal([AccessAction.Create], entries.Select(e => e.Record.Action));
    }

    [Fact]
    public async Task the_log_never_names_someone_outside_the_network_and_hides_a_16_year_olds_own_reads_from_the_parents()
    {
        using var ayse = await api.ClientForAsync(YilmazParent);
        using var eva = await api.ClientForAsync(BosYouth);
        using var linda = await api.ClientForAsync(BosMother);
        Assert.Equal(HttpStatusCode.NotFound, (await ayse.GetAsync($"/api/boards/{BosBoard.Value}/timeline", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await eva.GetAsync($"/api/boards/{BosBoard.Value}/timeline", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await eva.GetAsync($"/api/families/{BosFamily.Value}", Ct)).StatusCode);

        var mothers = (await linda.GetFromJsonAsync<AccessLogPage>($"/api/families/{BosFamily.Value}/access-log", ApiFixture.Json, Ct))!;
        var evas = (await eva.GetFromJsonAsync<AccessLogPage>($"/api/families/{BosFamily.Value}/access-log", ApiFixture.Json, Ct))!;

        Assert.DoesNotContain(mothers.Visits, v => v.UserName == "Ayşe Yılmaz");
        Assert.Contains(mothers.Visits, v => v.UserName is null && v.Refused && v.Role == ActorRole.Parent && v.Organisation is null);
        Assert.DoesNotContain(mothers.Visits, v => v.UserName == "Eva Bos");
        Assert.Contains(evas.Visits, v => v.UserName == "Eva Bos");
        // Jeroen looked for Eva in the registry and linked her to another family: outside this network, unnamed.
        Assert.DoesNotContain(evas.Visits, v => v.UserName == "Jeroen de Vries");
    }

    [Fact]
    public async Task the_table_refuses_to_give_a_parent_the_secret_address_and_names_the_rule()
    {
        using var admin = await api.ClientForAsync(Administrator);

        using var refused = await admin.PutAsJsonAsync("/api/authorization/table/SecretAddress/ParentWithAuthority",
            new { access = "Read", reason = "Moeder wil het adres weten" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Ct);
        Assert.Equal(HardRules.SecretAddressLegalBasisOnly, problem.GetProperty("code").GetString());
        Assert.Contains("geheim adres", problem.GetProperty("title").GetString());
        var table = await admin.GetFromJsonAsync<TableView>("/api/authorization/table", ApiFixture.Json, Ct);
        Assert.Equal(1, table!.Version);
    }

    [Fact]
    public async Task a_new_family_without_children_is_open_to_the_coordinator_who_registered_it()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        using var registered = await fatima.PostAsJsonAsync("/api/families", new { name = "Gezin De Boer" }, Ct);
        var family = (await registered.Content.ReadFromJsonAsync<FamilyRegisteredResponse>(ApiFixture.Json, Ct))!;

        Assert.Equal(HttpStatusCode.OK, (await fatima.GetAsync($"/api/boards/{family.BoardId}/timeline", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fatima.PostAsJsonAsync($"/api/boards/{family.BoardId}/notes", new { text = "Eerste gesprek gepland." }, Ct)).StatusCode);
        var view = (await fatima.GetFromJsonAsync<FamilyView>($"/api/families/{family.FamilyId}", ApiFixture.Json, Ct))!;
        Assert.True(view.CanManage);
        Assert.Equal(family.BoardId, view.BoardId);
        Assert.Contains((await fatima.GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct))!, b => b.Id == family.BoardId);
        Assert.Equal(HttpStatusCode.NotFound, (await jeroen.GetAsync($"/api/boards/{family.BoardId}/timeline", Ct)).StatusCode);
    }

    [Fact]
    public async Task fifty_concurrent_posts_on_one_board_all_succeed_and_all_appear_in_order()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        var before = (await fatima.GetFromJsonAsync<TimelineView>($"/api/boards/{JansenBoard.Value}/timeline", ApiFixture.Json, Ct))!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/notes", new { text = $"Tegelijk {i}" }, Ct);
            return (response.StatusCode, Item: response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct) : null);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var after = (await fatima.GetFromJsonAsync<TimelineView>($"/api/boards/{JansenBoard.Value}/timeline?since={before.Version}", ApiFixture.Json, Ct))!;
        Assert.Equal(50, after.Entries.Count);
        Assert.Equal(after.Entries.Select(e => e.Version).Order(), after.Entries.Select(e => e.Version));
        Assert.Equal(50, after.Entries.Select(e => e.Version).Distinct().Count());
        Assert.True(responses.Select(r => r.Item!.ItemId).ToHashSet().SetEquals(after.Entries.Select(e => e.ItemId)));
    }
}
