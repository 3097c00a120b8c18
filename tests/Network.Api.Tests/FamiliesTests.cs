using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Network.Api.Features.Families;
using Network.Api.Features.Registry;
using Network.Api.Features.Registry.RegisterPerson;
using Network.Api.Features.Families.RegisterFamily;
using Network.Api.Infrastructure.Setup;
using Network.Domain.Families;

namespace Network.Api.Tests;

public sealed class FamiliesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Jansen = DemoRegion.JansenFamily.Value;
    private static readonly Guid Yilmaz = DemoRegion.YilmazFamily.Value;

    private static PersonDetailsDto Child(string given, string family, DateOnly born, string? school = null) =>
        new(given, null, family, born, null, new AddressDto("Oudegracht", "200", "3511 NR", "Utrecht", "Utrecht"), null, null, school, null);

    [Fact]
    public async Task registering_a_likely_duplicate_is_warned_and_stores_nothing_until_acknowledged()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        // Daan Jansen, born 2018-05-14, is registered; "Daan Janssen" on the same day is likely him.
        var twin = Child("Daan", "Janssen", new DateOnly(2018, 5, 14));

        using var warned = await fatima.PostAsJsonAsync("/api/persons", new { details = twin }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        var problem = await warned.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Ct);
        var duplicate = Assert.Single(problem.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(DemoRegion.DaanPerson.Value, duplicate.GetProperty("personId").GetGuid());
        var hits = await fatima.GetFromJsonAsync<List<JsonElement>>("/api/persons?q=daan%20jans", ApiFixture.Json, Ct);
        Assert.Single(hits!);

        using var acknowledged = await fatima.PostAsJsonAsync("/api/persons", new { details = twin, acknowledgeDuplicates = true }, Ct);
        Assert.Equal(HttpStatusCode.Created, acknowledged.StatusCode);
    }

    [Fact]
    public async Task the_duplicate_check_before_registering_finds_the_same_bsn_under_another_name()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);

        var found = await fatima.GetFromJsonAsync<List<DuplicateView>>("/api/persons/duplicates?givenNames=S&familyName=Anders&dateOfBirth=1990-01-01&bsn=111222333", ApiFixture.Json, Ct);

        Assert.Equal(Network.Domain.Registry.DuplicateReason.SameBsn, Assert.Single(found!).Reason);
    }

    [Fact]
    public async Task an_invalid_bsn_answers_400_and_stores_nothing()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var details = Child("Piet", "Puk", new DateOnly(2019, 1, 1)) with { Bsn = "123456789" };

        using var response = await fatima.PostAsJsonAsync("/api/persons", new { details }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await fatima.GetFromJsonAsync<List<JsonElement>>("/api/persons?q=piet%20puk", ApiFixture.Json, Ct))!);
    }

    [Fact]
    public async Task a_family_is_invisible_to_professionals_outside_its_network_and_to_administrators()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var admin = await api.ClientForAsync(DemoRegion.Administrator);

        using var foreign = await fatima.GetAsync($"/api/families/{Yilmaz}", Ct);
        using var asAdmin = await admin.GetAsync($"/api/families/{Jansen}", Ct);
        using var write = await fatima.PostAsJsonAsync($"/api/families/{Yilmaz}/members", new { personId = DemoRegion.MarkPerson.Value, relation = "Parent" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<List<JsonElement>>("/api/families", ApiFixture.Json, Ct))!);
    }

    [Fact]
    public async Task withdrawing_consent_removes_the_professionals_standing_on_the_next_request()
    {
        using var sanne = await api.ClientForAsync(DemoRegion.Parent);
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);
        var jeroenId = (await FamilyAsync(sanne, Jansen)).Professionals.Single(p => p.Name == "Jeroen de Vries").UserId;
        using (var before = await jeroen.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var withdrawn = await sanne.DeleteAsync($"/api/families/{Jansen}/consents/{jeroenId}/{DemoRegion.DaanPerson.Value}", Ct);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        // Standing ended: every path answers 404 and the family leaves his lists.
        using var after = await jeroen.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        using var family = await jeroen.GetAsync($"/api/families/{Jansen}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, family.StatusCode);
        Assert.DoesNotContain((await jeroen.GetFromJsonAsync<List<FamilySummary>>("/api/families", ApiFixture.Json, Ct))!, f => f.FamilyId == Jansen);
        Assert.DoesNotContain((await jeroen.GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct))!, b => b.FamilyId == Jansen);

        // Invited again, he waits for consent: the family's name and Daan's, nothing else.
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        (await fatima.PostAsJsonAsync($"/api/families/{Jansen}/professionals",
            new { userId = jeroenId, basis = "Consent", children = new[] { DemoRegion.DaanPerson.Value } }, Ct)).EnsureSuccessStatusCode();
        var view = await FamilyAsync(jeroen, Jansen);
        var daan = Assert.Single(view.Children);
        Assert.Equal(ChildAccess.Pending, daan.Access);
        Assert.Null(daan.School);
        Assert.Empty(view.Adults);
        Assert.Empty(view.Professionals);

        using var given = await sanne.PutAsync($"/api/families/{Jansen}/consents/{jeroenId}/{DemoRegion.DaanPerson.Value}", null, Ct);
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        using var again = await jeroen.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task a_child_decides_together_with_the_parent_from_12_and_the_parent_alone_cannot_consent_for_them()
    {
        using var sanne = await api.ClientForAsync(DemoRegion.Parent);
        var view = await FamilyAsync(sanne, Jansen);
        var jeroen = view.Professionals.Single(p => p.Name == "Jeroen de Vries").UserId;

        // Jeroen was invited for Daan only: consenting for Noor is refused.
        using var notInvited = await sanne.PutAsync($"/api/families/{Jansen}/consents/{jeroen}/{DemoRegion.NoorPerson.Value}", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, notInvited.StatusCode);
    }

    [Fact]
    public async Task a_secret_placement_address_reaches_only_those_with_the_right_to_it()
    {
        using var peter = await api.ClientForAsync(DemoRegion.Guardian);
        using var ayse = await api.ClientForAsync(DemoRegion.YilmazParent);
        var secret = new AddressDto("Geheimweg", "7", "3701 AB", "Zeist", "Zeist");

        using var placed = await peter.PostAsJsonAsync($"/api/families/{Yilmaz}/placements",
            new { childId = DemoRegion.EmrePerson.Value, from = "2026-10-01", address = secret, secretAddress = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);

        var asGuardian = await peter.GetStringAsync($"/api/families/{Yilmaz}", Ct);
        Assert.Contains("Geheimweg", asGuardian);

        foreach (var path in new[] { $"/api/families/{Yilmaz}", "/api/families", "/api/boards", $"/api/boards/{DemoRegion.YilmazBoard.Value}/timeline", $"/api/persons/{DemoRegion.EmrePerson.Value}" })
        {
            var body = await ayse.GetStringAsync(path, Ct);
            Assert.DoesNotContain("Geheimweg", body);
            Assert.DoesNotContain("Zeist", body);
        }
        var view = await FamilyAsync(ayse, Yilmaz);
        var placement = Assert.Single(view.Children.Single().Placements);
        Assert.True(placement.SecretAddress);
        Assert.Null(placement.Address);
        // The municipality of responsibility (administrative) stays where Emre lived before the placement.
        Assert.Equal("Utrecht", (await FamilyAsync(peter, Yilmaz)).Children.Single().MunicipalityOfResponsibility);
    }

    [Fact]
    public async Task a_professional_registers_a_family_and_sees_a_child_only_after_the_parent_consents()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var mark = await api.ClientForAsync(DemoRegion.NewParent);
        var family = await CreatedAsync<FamilyRegisteredResponse>(await fatima.PostAsJsonAsync("/api/families", new { name = "Gezin De Boer" }, Ct));
        var lotte = await CreatedAsync<PersonRegisteredResponse>(await fatima.PostAsJsonAsync("/api/persons", new { details = Child("Lotte", "de Boer", new DateOnly(2019, 2, 2), "De Zonnewijzer") }, Ct));
        var sem = await CreatedAsync<PersonRegisteredResponse>(await fatima.PostAsJsonAsync("/api/persons", new { details = Child("Sem", "de Boer", new DateOnly(2021, 7, 7), "Kinderdagverblijf Hummel") }, Ct));
        var f = family.FamilyId;
        await Ok(fatima.PostAsJsonAsync($"/api/families/{f}/members", new { personId = DemoRegion.MarkPerson.Value, relation = "Parent" }, Ct));
        await Ok(fatima.PostAsJsonAsync($"/api/families/{f}/members", new { personId = lotte.PersonId, relation = "Child" }, Ct));
        await Ok(fatima.PostAsJsonAsync($"/api/families/{f}/members", new { personId = sem.PersonId, relation = "Child" }, Ct));
        await Ok(fatima.PostAsJsonAsync($"/api/families/{f}/authority", new { parentId = DemoRegion.MarkPerson.Value, childId = lotte.PersonId, date = "2019-02-02" }, Ct));
        await Ok(fatima.PostAsJsonAsync($"/api/families/{f}/authority", new { parentId = DemoRegion.MarkPerson.Value, childId = sem.PersonId, date = "2021-07-07" }, Ct));
        var fatimaId = (await FamilyAsync(fatima, f)).CoordinatorId!.Value;
        await Ok(fatima.PostAsJsonAsync($"/api/families/{f}/professionals", new { userId = fatimaId, basis = "Consent", children = new[] { lotte.PersonId, sem.PersonId } }, Ct));

        var before = await FamilyAsync(fatima, f);
        Assert.All(before.Children, c => Assert.Equal(ChildAccess.Pending, c.Access));
        Assert.DoesNotContain("Zonnewijzer", await fatima.GetStringAsync($"/api/families/{f}", Ct));

        var asParent = await FamilyAsync(mark, f);
        var task = asParent.MyConsentTasks.Single(t => t.ChildId == lotte.PersonId);
        await Ok(mark.PutAsync($"/api/families/{f}/consents/{task.ProfessionalId}/{lotte.PersonId}", null, Ct));

        var after = await FamilyAsync(fatima, f);
        var lotteView = after.Children.Single(c => c.PersonId == lotte.PersonId);
        var semView = after.Children.Single(c => c.PersonId == sem.PersonId);
        Assert.Equal(ChildAccess.Full, lotteView.Access);
        Assert.Equal("De Zonnewijzer", lotteView.School);
        Assert.Equal("Utrecht", lotteView.MunicipalityOfResponsibility);
        Assert.Equal(ChildAccess.Pending, semView.Access);
        Assert.Null(semView.School);
        Assert.DoesNotContain("Hummel", await fatima.GetStringAsync($"/api/families/{f}", Ct));
        using var semRecord = await fatima.GetAsync($"/api/persons/{sem.PersonId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, semRecord.StatusCode);
    }

    [Fact]
    public async Task a_correction_made_once_shows_everywhere_and_a_merge_keeps_references_working()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var sanne = await api.ClientForAsync(DemoRegion.Parent);
        var daan = DemoRegion.DaanPerson.Value;
        var record = await fatima.GetAsync($"/api/persons/{daan}", Ct);
        var person = await record.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Ct);
        var details = person.GetProperty("details").Deserialize<PersonDetailsDto>(JsonSerializerOptions.Web)!;

        var correct = new HttpRequestMessage(HttpMethod.Put, $"/api/persons/{daan}")
        {
            Content = JsonContent.Create(new { details = details with { School = "Basisschool Het Anker" }, reason = "Verhuisd van school" }),
        };
        correct.Headers.TryAddWithoutValidation("If-Match", record.Headers.ETag!.Tag);
        await Ok(fatima.SendAsync(correct, Ct));
        Assert.Equal("Basisschool Het Anker", (await FamilyAsync(sanne, Jansen)).Children.Single(c => c.PersonId == daan).School);

        // A second record of Daan was made by mistake and is merged into the first: the family still points at Daan.
        var twin = await CreatedAsync<PersonRegisteredResponse>(await fatima.PostAsJsonAsync("/api/persons",
            new { details = details with { FamilyName = "Jansen-Dubbel", School = "Basisschool Het Anker" }, acknowledgeDuplicates = true }, Ct));
        await Ok(fatima.PostAsJsonAsync($"/api/persons/{daan}/merge", new { duplicateId = twin.PersonId }, Ct));

        var merged = await fatima.GetFromJsonAsync<JsonElement>($"/api/persons/{twin.PersonId}", ApiFixture.Json, Ct);
        Assert.Equal(daan, merged.GetProperty("mergedInto").GetGuid());
        Assert.Contains(twin.PersonId, (await fatima.GetFromJsonAsync<JsonElement>($"/api/persons/{daan}", ApiFixture.Json, Ct)).GetProperty("absorbed").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal("Daan Jansen", (await FamilyAsync(sanne, Jansen)).Children.Single(c => c.PersonId == daan).Name);
        Assert.DoesNotContain((await fatima.GetFromJsonAsync<List<JsonElement>>("/api/persons?q=dubbel", ApiFixture.Json, Ct))!, _ => true);
    }

    [Fact]
    public async Task a_stale_if_match_on_a_family_answers_412_and_on_a_foreign_family_404()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/families/{Jansen}/members")
        {
            Content = JsonContent.Create(new { personId = DemoRegion.MarkPerson.Value, relation = "NetworkMember" }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/families/{Yilmaz}/members")
        {
            Content = JsonContent.Create(new { personId = DemoRegion.MarkPerson.Value, relation = "NetworkMember" }),
        };
        foreign.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        using var staleResponse = await fatima.SendAsync(stale, Ct);
        using var foreignResponse = await fatima.SendAsync(foreign, Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, staleResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignResponse.StatusCode);
        Assert.DoesNotContain((await FamilyAsync(fatima, Jansen)).Adults, a => a.PersonId == DemoRegion.MarkPerson.Value);
    }

    [Fact]
    public async Task what_was_true_on_a_day_is_answerable_after_gezag_changes()
    {
        using var peter = await api.ClientForAsync(DemoRegion.Guardian);
        await Ok(peter.PostAsJsonAsync($"/api/families/{Yilmaz}/authority/end",
            new { parentId = DemoRegion.AysePerson.Value, childId = DemoRegion.EmrePerson.Value, date = "2026-06-01" }, Ct));

        var before = await peter.GetFromJsonAsync<FamilyView>($"/api/families/{Yilmaz}?asOf=2026-05-31", ApiFixture.Json, Ct);
        var after = await peter.GetFromJsonAsync<FamilyView>($"/api/families/{Yilmaz}?asOf=2026-06-01", ApiFixture.Json, Ct);

        Assert.Contains(DemoRegion.AysePerson.Value, before!.Children.Single().ParentsWithAuthority);
        Assert.DoesNotContain(DemoRegion.AysePerson.Value, after!.Children.Single().ParentsWithAuthority);
        Assert.Equal(new DateOnly(2026, 5, 31), before.AsOf);
    }

    private async Task<FamilyView> FamilyAsync(HttpClient client, Guid family) =>
        (await client.GetFromJsonAsync<FamilyView>($"/api/families/{family}", ApiFixture.Json, Ct))!;

    private static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
            return (await response.Content.ReadFromJsonAsync<T>(ApiFixture.Json, Ct))!;
        }
    }

    private static async Task Ok(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
