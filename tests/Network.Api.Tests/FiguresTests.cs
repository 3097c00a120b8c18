using System.Net;
using System.Net.Http.Json;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Figures;
using Network.Domain.Authorization;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>The API with the figures' threshold at 2, so a hand count shows both exact and suppressed cells.</summary>
public sealed class FiguresFixture : ApiFixture
{
    public FiguresFixture() => Settings["Network:Figures:Threshold"] = "2";
}

/// <summary>
/// The figures per municipality for the contract manager (#13): the demo region counted by hand,
/// small cells suppressed, the CSV, the log, and 404 on every case path. Holds two case
/// consultations, so it has a database of its own.
/// </summary>
public sealed class FiguresTests(FiguresFixture api) : IClassFixture<FiguresFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string MonthOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM");

    private static string MonthOf(DateOnly day) => day.ToString("yyyy-MM");

    [Fact]
    public async Task the_figures_match_a_hand_count_of_the_demo_region_with_small_cells_suppressed()
    {
        // Two case consultations held today on Gezin Jansen's board (about Daan), one not held; the demo's was held a week ago.
        using var fatima = await api.ClientForAsync(Coordinator);
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        foreach (var (title, held) in new[] { ("Huisbezoek", true), ("Gesprek met Daan", true), ("Overleg dat niet doorging", false) })
        {
            using var posted = await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/consultations",
                new ScheduleConsultationRequest(title, start, 60, "Thuis", Children: [DaanPerson.Value], ParticipantPersons: [SannePerson.Value]), ApiFixture.Json, Ct);
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Ct));
            var item = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!.ItemId;
            if (!held) continue;
            using var done = await fatima.PostAsJsonAsync($"/api/consultations/{item}/held", new HoldConsultationRequest([SannePerson.Value], []), ApiFixture.Json, Ct);
            Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync(Ct));
        }
        var demoHeld = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-7));

        using var manager = await api.ClientForAsync(ContractManager);
        var report = (await manager.GetFromJsonAsync<FiguresReport>("/api/figures", ApiFixture.Json, Ct))!;
        Assert.Equal(2, report.Threshold);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        FigureRow Row(string month) => Assert.Single(report.Rows, r => r.Municipality == "Utrecht" && r.Month == month);

        // This month, everyone lives in Utrecht (Lars is placed in Zeist; Utrecht, where he lived before, stays responsible).
        var now = Row(MonthOf(today));
        Assert.Equal(3, now.Families);                                  // Jansen, Yılmaz, Bos
        Assert.Equal(6, now.Children);                                  // Daan, Noor, Emre, Tim, Eva, Lars
        Assert.Equal(3, now.ChildrenByFramework.Single(c => c.Framework == Framework.Civil).Count);      // Emre (OTS), Tim (OTS), Lars (OTS, machtiging)
        Assert.Null(now.ChildrenByFramework.Single(c => c.Framework == Framework.Criminal).Count);       // Eva alone: 1 is under the threshold
        Assert.Equal(2, now.ChildrenByFramework.Single(c => c.Framework == Framework.Voluntary).Count);  // Daan, Noor
        Assert.Equal(0, now.ChildrenByFramework.Single(c => c.Framework == Framework.Investigation).Count);
        Assert.All(now.MeasuresStarted, v => Assert.Equal(0, v.Count)); // every demo measure started in an earlier month
        Assert.All(now.MeasuresEnded, v => Assert.Equal(0, v.Count));
        Assert.Equal((MonthOf(start) == MonthOf(today) ? 2 : 0) + (MonthOf(demoHeld) == MonthOf(today) ? 1 : 0), now.Consultations);
        // Gezin Jansen joined 30 days ago and consented at once: Daan and Noor, 0 days.
        var jansenMonth = Row(MonthOf(today.AddDays(-30)));
        if (jansenMonth != now)
        {
            Assert.Equal(0.0, jansenMonth.AverageDaysToFirstConsent);
            Assert.Null(jansenMonth.Families);                          // one family: suppressed
            Assert.Equal(2, jansenMonth.Children);
            Assert.Null(now.AverageDaysToFirstConsent);                 // only Tim this month
        }
        // Measures by the month they started: a year ago the OTS of Tim and of Lars; Lars's machtiging alone six months ago.
        Assert.Equal(2, Row(MonthOf(today.AddYears(-1))).MeasuresStarted.Single(c => c.Type == MeasureType.Ots).Count);
        Assert.Null(Row(MonthOf(today.AddMonths(-6))).MeasuresStarted.Single(c => c.Type == MeasureType.MachtigingUithuisplaatsing).Count);
        Assert.Equal(0, Row(MonthOf(today.AddMonths(-6))).MeasuresStarted.Single(c => c.Type == MeasureType.Ots).Count);

        // No names and no text: the report holds only municipalities, months and numbers.
        var json = await manager.GetStringAsync("/api/figures", Ct);
        foreach (var word in new[] { "Jansen", "Daan", "Bos", "Yılmaz", "Huisbezoek", "Zeist", "Boslaan" }) Assert.DoesNotContain(word, json);
    }

    [Fact]
    public async Task the_csv_has_the_same_figures_and_is_logged_as_an_export()
    {
        using var manager = await api.ClientForAsync(ContractManager);
        var response = await manager.GetAsync("/api/figures.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("gemeente;maand;gezinnen;kinderen;kinderen_Voluntary;kinderen_Civil;kinderen_Criminal", lines[0]);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var row = Assert.Single(lines, l => l.StartsWith($"Utrecht;{MonthOf(today)};")).Split(';');
        Assert.Equal(["3", "6", "2", "3", "<2", "0"], row[2..8]);
        var entries = await api.EntriesAsync(null, "figures");
        Assert.Contains(entries, e => e.Record.Action == AccessAction.Export && e.Record.Role == nameof(ActorRole.ContractManager) && e.Record.Allowed);
    }

    [Fact]
    public async Task only_contract_managers_get_the_figures()
    {
        foreach (var user in new[] { Coordinator, Parent, Administrator, Guardian })
        {
            using var client = await api.ClientForAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/figures", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/figures.csv", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task a_contract_manager_gets_404_on_every_case_path()
    {
        using var manager = await api.ClientForAsync(ContractManager);
        var jansen = JansenFamily.Value;
        var paths = new[]
        {
            $"/api/families/{jansen}", $"/api/families/{jansen}/plan", $"/api/families/{jansen}/access-log",
            $"/api/boards/{JansenBoard.Value}/timeline", $"/api/persons/{DaanPerson.Value}", $"/api/persons/{LarsPerson.Value}",
            $"/api/families/{BosFamily.Value}", $"/api/boards/{BosBoard.Value}/timeline",
            $"/fhir/Patient/{DaanPerson.Value}", $"/fhir/Patient/{DaanPerson.Value}/%24everything", $"/fhir/Group/{jansen}",
            $"/fhir/CarePlan/{jansen}", "/api/municipality-changes", "/api/municipality-changes.csv",
        };
        foreach (var path in paths)
            Assert.True((await manager.GetAsync(path, Ct)).StatusCode == HttpStatusCode.NotFound, $"{path} is not 404 for the contract manager");
        // Lists and searches show nothing at all.
        Assert.Empty((await manager.GetFromJsonAsync<List<FamilySummary>>("/api/families", ApiFixture.Json, Ct))!);
        Assert.DoesNotContain("Patient/", await manager.GetStringAsync("/fhir/Patient", Ct));
    }
}

/// <summary>
/// The list of children whose municipality of responsibility changed (woonplaatsbeginsel): a
/// registry correction moves Emre to Amersfoort. Changes the registry, so a database of its own.
/// </summary>
public sealed class MunicipalityChangesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_registry_move_shows_with_its_day_and_fact_to_those_who_may_read_the_childs_administrative_facts()
    {
        using var peter = await api.ClientForAsync(Guardian);
        var emre = EmrePerson.Value;
        Assert.Empty((await peter.GetFromJsonAsync<MunicipalityChangesView>("/api/municipality-changes", ApiFixture.Json, Ct))!.Rows);

        var person = (await peter.GetFromJsonAsync<PersonView>($"/api/persons/{emre}", ApiFixture.Json, Ct))!;
        var moved = person.Details with { Address = new AddressDto("Stationsplein", "1", "3818 LE", "Amersfoort", "Amersfoort") };
        var put = await peter.PutAsJsonAsync($"/api/persons/{emre}", new CorrectPersonRequest(moved, "Verhuisd volgens de BRP"), ApiFixture.Json, Ct);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));

        var rows = (await peter.GetFromJsonAsync<MunicipalityChangesView>("/api/municipality-changes", ApiFixture.Json, Ct))!.Rows;
        var row = Assert.Single(rows);
        Assert.Equal(("Amersfoort", emre, "Utrecht", "Amersfoort", ResponsibilityFact.AddressChanged, DateOnly.FromDateTime(DateTime.UtcNow)),
            (row.Municipality, row.ChildId, row.From, row.To, row.Fact, row.On));
        Assert.Equal("Emre Yılmaz", row.ChildName);
        var entries = await api.EntriesAsync(YilmazFamily.Value, "municipality-changes");
        Assert.Contains(entries, e => e.Record.PersonId == emre && e.Record.Action == AccessAction.Read && e.Record.Allowed);

        var csv = await peter.GetStringAsync("/api/municipality-changes.csv", Ct);
        Assert.Contains($"Amersfoort;Emre Yılmaz;2016-09-09;Gezin Yılmaz;{DateTime.UtcNow:yyyy-MM-dd};Utrecht;Amersfoort;AddressChanged", csv);
        Assert.Contains(await api.EntriesAsync(YilmazFamily.Value, "municipality-changes"), e => e.Record.Action == AccessAction.Export && e.Record.PersonId == emre);

        // Fatima has no standing in Gezin Yılmaz: Emre is not in her list.
        using var fatima = await api.ClientForAsync(Coordinator);
        Assert.DoesNotContain((await fatima.GetFromJsonAsync<MunicipalityChangesView>("/api/municipality-changes", ApiFixture.Json, Ct))!.Rows,
            r => r.ChildId == emre);
        // Lars's placement did not change his municipality (Utrecht before, Utrecht during): nothing to list.
        using var guardian = await api.ClientForAsync(Guardian);
        Assert.DoesNotContain((await guardian.GetFromJsonAsync<MunicipalityChangesView>("/api/municipality-changes", ApiFixture.Json, Ct))!.Rows,
            r => r.ChildId == LarsPerson.Value);
    }
}

/// <summary>A contract manager is an account an administrator creates, for a municipality only. Creates accounts: its own database.</summary>
public sealed class ContractManagerAccountTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task an_administrator_creates_a_contract_manager_for_a_municipality_and_not_for_another_organisation()
    {
        using var admin = await api.ClientForAsync(Administrator);
        var created = await admin.PostAsJsonAsync("/api/admin/accounts",
            new CreateProfessionalRequest("Contractmanager Twee", "cm2@utrecht.demo", Gemeente.Id.Value, ActorRole.ContractManager, null), ApiFixture.Json, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        Assert.Equal(ActorRole.ContractManager, (await created.Content.ReadFromJsonAsync<AccountView>(ApiFixture.Json, Ct))!.Role);

        var refused = await admin.PostAsJsonAsync("/api/admin/accounts",
            new CreateProfessionalRequest("Verkeerd", "cm3@buurtteam.demo", Buurtteam.Id.Value, ActorRole.ContractManager, null), ApiFixture.Json, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(Network.Domain.Accounts.ContractManagers.NeedsMunicipality, await refused.Content.ReadAsStringAsync(Ct));
    }
}
