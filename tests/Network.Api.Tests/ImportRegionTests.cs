using System.Net;
using System.Net.Http.Json;
using System.Text;
using Network.Api.Infrastructure.Setup;

namespace Network.Api.Tests;

/// <summary>A region moving from another system: organisations and professionals from CSV, dry run first.</summary>
public sealed class ImportRegionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Csv = """
        soort;naam;organisatie;organisatietype;rol;e-mail
        organisatie;Jeugdteam Houten;;buurtteam;;
        organisatie;Buurtteam Utrecht-Oost;;buurtteam;;
        organisatie;Zonder Soort;;;;
        professional;Ilse Mulder;Jeugdteam Houten;;buurtteam;ilse.mulder@houten.test
        professional;Bas Vermeer;Buurtteam Utrecht-Oost;;jeugdhulp;bas.vermeer@buurtteam.test
        professional;Geen Adres;Jeugdteam Houten;;buurtteam;geen-adres
        professional;Onbekende Plek;Nergens BV;;buurtteam;plek@nergens.test
        professional;Dubbel;Jeugdteam Houten;;buurtteam;fatima@buurtteam.demo
        professional;Ouder Rol;Jeugdteam Houten;;ouder;ouder@houten.test
        """;

    [Fact]
    public async Task a_dry_run_shows_what_would_change_and_rejects_bad_rows_then_the_import_creates_the_good_ones()
    {
        using var admin = await api.ClientForAsync(DemoRegion.Administrator);

        var dry = await ImportAsync(admin, dryRun: true);
        Assert.True(dry.DryRun);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10], dry.Rows.Select(r => r.Line));
        Assert.Equal(ImportOutcome.Create, Row(dry, 2).Outcome);
        Assert.Equal(ImportOutcome.Unchanged, Row(dry, 3).Outcome);
        Assert.Equal("organisation.type-required", Row(dry, 4).Code);
        Assert.Equal(ImportOutcome.Create, Row(dry, 5).Outcome);   // into the organisation created by line 2
        Assert.Equal(ImportOutcome.Create, Row(dry, 6).Outcome);
        Assert.Equal("account.email-invalid", Row(dry, 7).Code);
        Assert.Equal("organisation.unknown", Row(dry, 8).Code);
        Assert.Equal("account.email-taken", Row(dry, 9).Code);
        Assert.Equal("account.role-not-professional", Row(dry, 10).Code);
        Assert.Equal("Dit e-mailadres klopt niet.", Row(dry, 7).Message);
        Assert.Equal((3, 1, 5), (dry.Created, dry.Unchanged, dry.Rejected));

        // Nothing changed yet.
        var organisations = await admin.GetFromJsonAsync<List<OrganisationAdminView>>("/api/admin/organisations", ApiFixture.Json, Ct);
        Assert.DoesNotContain(organisations!, o => o.Name == "Jeugdteam Houten");
        Assert.Empty(api.Mail.To("ilse.mulder@houten.test"));

        var done = await ImportAsync(admin, dryRun: false);
        Assert.False(done.DryRun);
        Assert.Equal((3, 1, 5), (done.Created, done.Unchanged, done.Rejected));
        organisations = await admin.GetFromJsonAsync<List<OrganisationAdminView>>("/api/admin/organisations", ApiFixture.Json, Ct);
        Assert.Contains(organisations!, o => o.Name == "Jeugdteam Houten" && o.Type == Network.Domain.Families.OrganisationType.NeighbourhoodTeam);
        var accounts = await admin.GetFromJsonAsync<List<AccountView>>("/api/admin/accounts?q=houten", ApiFixture.Json, Ct);
        var ilse = Assert.Single(accounts!);
        Assert.Equal(("Ilse Mulder", "Jeugdteam Houten", AccountState.Invited), (ilse.Name, ilse.Organisation, ilse.State));
        Assert.Contains("/account/activate?token=", (await api.Mail.WaitForAsync("ilse.mulder@houten.test")).TextBody);
        await api.Mail.WaitForAsync("bas.vermeer@buurtteam.test");

        // Importing the same file again changes nothing: the good lines are there now.
        var again = await ImportAsync(admin, dryRun: true);
        Assert.Equal(0, again.Created);
        Assert.Equal("account.email-taken", Row(again, 5).Code);

        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var refused = await fatima.PostAsync("/api/admin/import?dryRun=true", new StringContent(Csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static ImportRowView Row(ImportResultView result, int line) => result.Rows.Single(r => r.Line == line);

    private static async Task<ImportResultView> ImportAsync(HttpClient admin, bool dryRun)
    {
        using var response = await admin.PostAsync($"/api/admin/import?dryRun={dryRun}", new StringContent(Csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ImportResultView>(ApiFixture.Json, Ct))!;
    }
}
