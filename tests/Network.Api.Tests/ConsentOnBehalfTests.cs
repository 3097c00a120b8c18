using System.Net;
using System.Net.Http.Json;
using Network.Api.Infrastructure.Setup;

namespace Network.Api.Tests;

/// <summary>Consent given at the kitchen table, recorded by a professional on the family member's behalf.</summary>
public sealed class ConsentOnBehalfTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PersonDetailsDto Child(string given, DateOnly born) =>
        new(given, null, "de Boer", born, null, new AddressDto("Oudegracht", "200", "3511 NR", "Utrecht", "Utrecht"), null, null, "De Zonnewijzer", null);

    [Fact]
    public async Task a_consent_given_in_person_counts_where_the_member_may_consent_is_logged_on_their_behalf_and_can_be_withdrawn_in_the_app()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var mark = await api.ClientForAsync(DemoRegion.NewParent);
        var family = (await (await fatima.PostAsJsonAsync("/api/families", new { name = "Gezin De Boer" }, Ct)).Content
            .ReadFromJsonAsync<FamilyRegisteredResponse>(ApiFixture.Json, Ct))!.FamilyId;
        using var registered = await fatima.PostAsJsonAsync("/api/persons", new { details = Child("Lotte", new DateOnly(2019, 2, 2)) }, Ct);
        var lotte = (await registered.Content.ReadFromJsonAsync<PersonRegisteredResponse>(ApiFixture.Json, Ct))!.PersonId;
        await Ok(fatima.PostAsJsonAsync($"/api/families/{family}/members", new { personId = DemoRegion.MarkPerson.Value, relation = "Parent" }, Ct));
        await Ok(fatima.PostAsJsonAsync($"/api/families/{family}/members", new { personId = lotte, relation = "Child" }, Ct));
        await Ok(fatima.PostAsJsonAsync($"/api/families/{family}/authority", new { parentId = DemoRegion.MarkPerson.Value, childId = lotte, date = "2019-02-02" }, Ct));
        var view = (await fatima.GetFromJsonAsync<FamilyView>($"/api/families/{family}", ApiFixture.Json, Ct))!;
        var fatimaId = view.CoordinatorId!.Value;
        await Ok(fatima.PostAsJsonAsync($"/api/families/{family}/professionals", new { userId = fatimaId, basis = "Consent", children = new[] { lotte } }, Ct));
        Assert.Equal(ChildAccess.Pending, (await FamilyAsync(fatima, family)).Children.Single().Access);

        // Lotte is 7: her own consent does not count, her father's does.
        using var byChild = await fatima.PostAsJsonAsync($"/api/families/{family}/consents/on-behalf",
            new { professionalId = fatimaId, childId = lotte, givenBy = lotte, form = "InPerson", givenOn = "2026-11-20" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, byChild.StatusCode);
        Assert.Contains("consent.parents-decide", await byChild.Content.ReadAsStringAsync(Ct));
        using var future = await fatima.PostAsJsonAsync($"/api/families/{family}/consents/on-behalf",
            new { professionalId = fatimaId, childId = lotte, givenBy = DemoRegion.MarkPerson.Value, form = "Paper", givenOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, future.StatusCode);

        using var recorded = await fatima.PostAsJsonAsync($"/api/families/{family}/consents/on-behalf",
            new { professionalId = fatimaId, childId = lotte, givenBy = DemoRegion.MarkPerson.Value, form = "Paper", givenOn = "2026-11-20", document = "scan-2026-11-20.pdf" }, Ct);
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync(Ct));
        Assert.Equal(ChildAccess.Full, (await FamilyAsync(fatima, family)).Children.Single().Access);

        // The access log marks the write as done on the father's behalf.
        Assert.Contains(await api.EntriesAsync(family, $"consent:{family}:{fatimaId}:{lotte}"),
            e => e.Record.Allowed && e.Record.OnBehalfOf == $"person:{DemoRegion.MarkPerson.Value}");

        // The father sees it when he logs in, and withdraws it in the app: it ends at once.
        var task = (await FamilyAsync(mark, family)).MyConsentTasks.Single();
        Assert.True(task.GivenByMe);
        Assert.Equal("Fatima El Amrani", task.RecordedOnMyBehalf!.RecordedBy);
        Assert.Equal(Network.Domain.Families.ConsentForm.Paper, task.RecordedOnMyBehalf.Form);
        await Ok(mark.DeleteAsync($"/api/families/{family}/consents/{fatimaId}/{lotte}", Ct));
        using var after = await fatima.GetAsync($"/api/families/{family}", Ct);
        Assert.DoesNotContain("De Zonnewijzer", await after.Content.ReadAsStringAsync(Ct));

        // Recording it is professionals' work.
        using var byParent = await mark.PostAsJsonAsync($"/api/families/{family}/consents/on-behalf",
            new { professionalId = fatimaId, childId = lotte, givenBy = DemoRegion.MarkPerson.Value, form = "InPerson" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byParent.StatusCode);
    }

    private static async Task<FamilyView> FamilyAsync(HttpClient client, Guid family) =>
        (await client.GetFromJsonAsync<FamilyView>($"/api/families/{family}", ApiFixture.Json, Ct))!;

    private static async Task Ok(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
