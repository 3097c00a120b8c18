using System.Net;
using System.Net.Http.Json;
using Network.Api.Infrastructure.Setup;

namespace Network.Api.Tests;

/// <summary>
/// A family's facts are kept between requests (FamilySnapshots), but never past a change: the very
/// next request after a change to the family, a member's registry record or the table decides on the new facts.
/// </summary>
public sealed class FamilySnapshotTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PersonDetailsDto Adult(string given, string family) =>
        new(given, null, family, new DateOnly(1985, 3, 9), null, new AddressDto("Oudegracht", "201", "3511 NR", "Utrecht", "Utrecht"), null, null, null, null);

    [Fact]
    public async Task a_corrected_registry_record_and_a_new_member_show_on_the_very_next_read()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var family = (await (await fatima.PostAsJsonAsync("/api/families", new { name = "Gezin Visser" }, Ct)).Content
            .ReadFromJsonAsync<FamilyRegisteredResponse>(ApiFixture.Json, Ct))!;
        async Task<Guid> Register(PersonDetailsDto details)
        {
            using var registered = await fatima.PostAsJsonAsync("/api/persons", new { details }, Ct);
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync(Ct));
            return (await registered.Content.ReadFromJsonAsync<PersonRegisteredResponse>(ApiFixture.Json, Ct))!.PersonId;
        }
        var petra = await Register(Adult("Petra", "Visser"));
        using (var added = await fatima.PostAsJsonAsync($"/api/families/{family.FamilyId}/members", new { personId = petra, relation = "Parent" }, Ct))
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync(Ct));
        Task<string> View() => fatima.GetStringAsync($"/api/families/{family.FamilyId}", Ct);

        // Read twice: the second read is served from the family's snapshot.
        Assert.Contains("Petra Visser", await View());
        Assert.Contains("Petra Visser", await View());

        // A correction in the registry is an event on the person's stream, not the family's.
        using (var corrected = await fatima.PutAsJsonAsync($"/api/persons/{petra}", new { details = Adult("Petra", "van Dijk"), reason = "Naam na huwelijk" }, Ct))
            Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var after = await View();
        Assert.Contains("Petra van Dijk", after);
        Assert.DoesNotContain("Petra Visser", after);

        // A new member is an event on the family's stream.
        var joost = await Register(Adult("Joost", "van Dijk"));
        using (var added = await fatima.PostAsJsonAsync($"/api/families/{family.FamilyId}/members", new { personId = joost, relation = "Parent" }, Ct))
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Joost van Dijk", await View());
    }
}
