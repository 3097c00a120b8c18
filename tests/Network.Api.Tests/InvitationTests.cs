using System.Net;
using System.Net.Http.Json;
using Network.Api.Infrastructure.Setup;
using Network.Testing;

namespace Network.Api.Tests;

/// <summary>
/// A professional with standing invites a family member to an account: the e-mail arrives at a real
/// SMTP server, the member activates by link or by the code on paper, and on their first login the
/// standing rules of their relation apply.
/// </summary>
public sealed class InvitationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Jansen = DemoRegion.JansenFamily.Value;

    private static PersonDetailsDto Person(string given, DateOnly born) =>
        new(given, null, "Jansen", born, null, new AddressDto("Burgemeester Reigerstraat", "12", "3581 KL", "Utrecht", "Utrecht"), null, null, null, null);

    [Fact]
    public async Task an_invited_parent_activates_by_the_emailed_link_and_sees_what_the_table_allows_for_their_standing()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var erik = await AddMemberAsync(fatima, Person("Erik", new DateOnly(1986, 4, 9)), "Parent");
        await Ok(fatima.PostAsJsonAsync($"/api/families/{Jansen}/authority", new { parentId = erik, childId = DemoRegion.DaanPerson.Value, date = "2018-05-14" }, Ct));

        const string email = "erik.jansen@gezin.test";
        using var invited = await fatima.PostAsJsonAsync($"/api/families/{Jansen}/invitations", new { personId = erik, email }, Ct);
        Assert.True(invited.IsSuccessStatusCode, await invited.Content.ReadAsStringAsync(Ct));
        var invitation = (await invited.Content.ReadFromJsonAsync<InvitationView>(ApiFixture.Json, Ct))!;
        Assert.Equal(Network.Domain.Authorization.ActorRole.Parent, invitation.Role);
        Assert.Matches("^[A-Z2-9]{5}-[A-Z2-9]{5}$", invitation.Code);
        Assert.Equal("Erik Jansen", invitation.Name);

        var mail = await api.Mail.WaitForAsync(email);
        Assert.Contains("Fatima El Amrani", mail.TextBody);
        Assert.Contains("Gezin Jansen", mail.TextBody);
        using (var browser = AccountsTests.BrowserFor(api))
            await AccountsTests.SetPasswordAsync(browser, SmtpSink.LinkIn(mail, "/account/activate"), AccountsTests.StrongPassword);

        // Family members log in without a second factor (it is offered, not required).
        using var client = AccountsTests.BrowserFor(api);
        using var asErik = api.WithToken(await OidcLogin.AccessTokenAsync(client, email, AccountsTests.StrongPassword));
        var me = await asErik.GetFromJsonAsync<MeView>("/api/me", ApiFixture.Json, Ct);
        Assert.Equal(erik, me!.PersonId);
        Assert.Equal("Parent", me.Role);

        var family = (await asErik.GetFromJsonAsync<FamilyView>($"/api/families/{Jansen}", ApiFixture.Json, Ct))!;
        Assert.Contains(family.Children, c => c.PersonId == DemoRegion.DaanPerson.Value);
        using var board = await asErik.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct);
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        // No standing elsewhere: another family does not exist for him.
        using var other = await asErik.GetAsync($"/api/families/{DemoRegion.YilmazFamily.Value}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        // The invitation is in the family's access log, about Erik, by the coordinator.
        Assert.Contains(await api.EntriesAsync(Jansen, $"invitation:{Jansen}"), e => e.Record.PersonId == erik && e.Record.Allowed);

        using var twice = await fatima.PostAsJsonAsync($"/api/families/{Jansen}/invitations", new { personId = erik, email }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("invitation.has-account", await twice.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task a_youth_from_12_activates_with_the_code_handed_over_on_paper()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var thirteen = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-13);
        var finn = await AddMemberAsync(fatima, Person("Finn", thirteen), "Child");
        const string email = "finn.jansen@gezin.test";
        using var invited = await fatima.PostAsJsonAsync($"/api/families/{Jansen}/invitations", new { personId = finn, email }, Ct);
        Assert.True(invited.IsSuccessStatusCode, await invited.Content.ReadAsStringAsync(Ct));
        var code = (await invited.Content.ReadFromJsonAsync<InvitationView>(ApiFixture.Json, Ct))!.Code;

        using var browser = AccountsTests.BrowserFor(api);
        var start = await browser.GetStringAsync("/account/activate", Ct);
        using var wrong = await AccountsTests.PostFormAsync(browser, "/account/activate", start, new() { ["Code"] = "ZZZZZ-ZZZZZ" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        using var withCode = await AccountsTests.PostFormAsync(browser, "/account/activate", start, new() { ["Code"] = code.ToLowerInvariant() });
        var passwordPage = await withCode.Content.ReadAsStringAsync(Ct);
        Assert.Contains("name=\"Password\"", passwordPage);
        using var set = await AccountsTests.PostFormAsync(browser, "/account/activate", passwordPage, new()
        {
            ["Token"] = code, ["Password"] = AccountsTests.StrongPassword, ["Password2"] = AccountsTests.StrongPassword,
        });
        Assert.Contains("id=\"activated\"", await set.Content.ReadAsStringAsync(Ct));

        using var client = AccountsTests.BrowserFor(api);
        using var asFinn = api.WithToken(await OidcLogin.AccessTokenAsync(client, email, AccountsTests.StrongPassword));
        Assert.Contains("Youth", await asFinn.GetStringAsync("/api/me", Ct));
        Assert.Equal(HttpStatusCode.OK, (await asFinn.GetAsync($"/api/families/{Jansen}", Ct)).StatusCode);

        // The code and the link are one invitation: used once, both are spent.
        using var again = await AccountsTests.PostFormAsync(browser, "/account/activate", start, new() { ["Code"] = code });
        Assert.Contains("data-reason=\"used\"", await again.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task nobody_is_invited_to_a_family_they_are_not_a_member_of_nor_by_someone_without_standing()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var outsider = await fatima.PostAsJsonAsync($"/api/families/{Jansen}/invitations",
            new { personId = DemoRegion.MarkPerson.Value, email = "mark@elders.test" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, outsider.StatusCode);
        Assert.Contains("invitation.not-a-member", await outsider.Content.ReadAsStringAsync(Ct));

        using var young = await fatima.PostAsJsonAsync($"/api/families/{Jansen}/invitations",
            new { personId = DemoRegion.DaanPerson.Value, email = "daan@gezin.test" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, young.StatusCode);
        Assert.Contains("invitation.too-young", await young.Content.ReadAsStringAsync(Ct));

        using var peter = await api.ClientForAsync(DemoRegion.Guardian);
        using var noStanding = await peter.PostAsJsonAsync($"/api/families/{Jansen}/invitations",
            new { personId = DemoRegion.SannePerson.Value, email = "x@y.test" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, noStanding.StatusCode);

        using var sanne = await api.ClientForAsync(DemoRegion.Parent);
        using var byParent = await sanne.PostAsJsonAsync($"/api/families/{Jansen}/invitations",
            new { personId = DemoRegion.RietPerson.Value, email = "riet2@gezin.test" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byParent.StatusCode);

        using var admin = await api.ClientForAsync(DemoRegion.Administrator);
        using var byAdmin = await admin.PostAsJsonAsync($"/api/families/{Jansen}/invitations",
            new { personId = DemoRegion.SannePerson.Value, email = "x@y.test" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, byAdmin.StatusCode);
        Assert.Empty(api.Mail.To("x@y.test"));
    }

    private async Task<Guid> AddMemberAsync(HttpClient fatima, PersonDetailsDto details, string relation)
    {
        using var registered = await fatima.PostAsJsonAsync("/api/persons", new { details, acknowledgeDuplicates = true }, Ct);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(Ct));
        var person = (await registered.Content.ReadFromJsonAsync<PersonRegisteredResponse>(ApiFixture.Json, Ct))!.PersonId;
        await Ok(fatima.PostAsJsonAsync($"/api/families/{Jansen}/members", new { personId = person, relation }, Ct));
        return person;
    }

    private static async Task Ok(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
