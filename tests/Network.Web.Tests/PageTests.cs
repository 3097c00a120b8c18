using Pages = Network.Web.Components.Pages;
using static Network.Web.Tests.Samples;

namespace Network.Web.Tests;

/// <summary>The family, access-log and emergency pages against the API's answers, through the real API client.</summary>
public sealed class PageTests : BunitContext
{
    private static readonly Guid FamilyId = Guid.CreateVersion7();
    private static readonly Guid Sanne = Guid.CreateVersion7();
    private static readonly Guid Daan = Guid.CreateVersion7();

    private readonly FakeApi api;

    public PageTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        api = FakeApi.AddTo(this);
    }

    private static FamilyView Family(long version) => new(
        FamilyId, "Gezin Jansen", version, Guid.CreateVersion7(), true, null,
        [new ChildView(Daan, "Daan Jansen", ChildAccess.Full, [new ReasonView(Reasons.ByConsent, Args())], new DateOnly(2018, 5, 14), 8,
            "De Regenboog", "Utrecht", [Sanne], [], [])],
        [new AdultView(Sanne, "Sanne Jansen", Relation.Parent)], [], [], [], [], new DateOnly(2026, 11, 23));

    [Fact]
    public void a_family_write_sends_the_familys_version_and_a_stale_one_reloads_the_family_and_says_so()
    {
        var loads = 0;
        api.On(HttpMethod.Get, $"/api/families/{FamilyId}", _ => FakeApi.Json(Family(++loads == 1 ? 5 : 6), etag: loads == 1 ? 5 : 6))
            .On(HttpMethod.Post, $"/api/families/{FamilyId}/authority", _ => FakeApi.Problem(412, "request.stale"));
        var cut = Render<Pages.Family>(p => p.Add(f => f.FamilyId, FamilyId));
        cut.WaitForElement("#a-from");

        cut.Find("#a-from").Change("2018-05-14");
        cut.Find("#a-from").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.StartsWith("Iemand anders heeft dit gezin intussen gewijzigd.",
            cut.Find("[aria-labelledby=authority-heading] [role=alert]").TextContent));
        Assert.Equal("\"5\"", Assert.Single(api.Requests, r => r.PathAndQuery.EndsWith("/authority")).IfMatch);
        Assert.Equal(2, loads);
    }

    [Fact]
    public void the_access_log_loads_more_visits_from_where_the_page_ended()
    {
        var before = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        AccessLogVisit Visit(string name, DateTimeOffset at) => new(at, at.AddMinutes(5), name, ActorRole.YouthCare, "Jeugdhulp De Brug",
            [AccessBasis.Consent], false, [AccessAction.Read], ["board"], [new PersonRef(Daan, "Daan Jansen")], 2);
        api.On(HttpMethod.Get, $"/api/families/{FamilyId}/access-log?limit=20", new AccessLogPage([Visit("Jeroen de Vries", Monday)], before))
            .On(HttpMethod.Get, $"/api/families/{FamilyId}/access-log?limit=20&before=*", new AccessLogPage([Visit("Fatima El Amrani", before)], null));
        var cut = Render<Pages.AccessLog>(p => p.Add(a => a.FamilyId, FamilyId));
        cut.WaitForElement("[data-testid=more]");

        cut.Find("[data-testid=more]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=visit]").Count));
        Assert.Empty(cut.FindAll("[data-testid=more]"));
        Assert.Contains("before=2026-11-20T08%3A00%3A00.0000000%2B00%3A00", api.Requests.Last().PathAndQuery);
        Assert.Contains("Fatima El Amrani (jeugdhulp) bekeek het gezinsbord", cut.FindAll("[data-testid=visit]")[1].TextContent);
    }

    [Fact]
    public void the_access_log_asks_the_api_for_the_chosen_period()
    {
        api.On(HttpMethod.Get, $"/api/families/{FamilyId}/access-log*", new AccessLogPage([], null));
        var cut = Render<Pages.AccessLog>(p => p.Add(a => a.FamilyId, FamilyId));
        cut.WaitForElement("[data-testid=access-log-empty]");

        cut.Find("#log-from").Change("2026-11-01");
        cut.Find("#log-to").Change("2026-11-30");
        cut.Find("[data-testid=period-filter]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Niemand keek mee in deze periode.", cut.Find("[data-testid=access-log-empty]").TextContent));
        Assert.Equal($"/api/families/{FamilyId}/access-log?limit=20&from=2026-11-01&to=2026-11-30", api.Requests.Last().PathAndQuery);
    }

    [Fact]
    public void a_professional_who_may_not_read_the_log_is_told_kindly()
    {
        api.On(HttpMethod.Get, $"/api/families/{FamilyId}/access-log*", _ => FakeApi.Problem(403, "request.not-allowed"));

        var cut = Render<Pages.AccessLog>(p => p.Add(a => a.FamilyId, FamilyId));

        cut.WaitForAssertion(() => Assert.Contains("Dit overzicht is er voor het gezin zelf", cut.Find("[data-testid=access-log-forbidden]").TextContent));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void emergency_access_identifies_the_child_by_name_and_date_of_birth_and_says_when_there_is_no_such_child()
    {
        api.On(HttpMethod.Post, "/api/emergency-access", _ => FakeApi.Problem(404, "request.not-found"));
        var cut = Render<Pages.EmergencyAccess>();

        cut.Find("#e-given").Change("Daan");
        cut.Find("#e-family").Change("Jansen");
        cut.Find("#e-born").Change("2018-05-14");
        cut.Find("#e-reason").Change("Melding Veilig Thuis: acuut gevaar");
        cut.Find("[data-testid=emergency-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Geen kind gevonden met deze gegevens.", cut.Find("[role=alert]").TextContent));
        var body = Assert.Single(api.Requests).Body!;
        Assert.Contains("\"givenNames\":\"Daan\"", body);
        Assert.Contains("\"dateOfBirth\":\"2018-05-14\"", body);
        Assert.Contains("\"bsn\":null", body);
        Assert.Contains("\"minutes\":60", body);
    }

    [Fact]
    public void emergency_access_links_to_the_board_it_opened()
    {
        var board = Guid.CreateVersion7();
        api.On(HttpMethod.Post, "/api/emergency-access",
            new List<EmergencyAccessResponse> { new(FamilyId, "Gezin Jansen", Daan, "Daan Jansen", Monday.AddHours(1), board) });
        var cut = Render<Pages.EmergencyAccess>();

        cut.Find("#e-bsn").Change("123456782");
        cut.Find("#e-reason").Change("Melding Veilig Thuis: acuut gevaar");
        cut.Find("[data-testid=emergency-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("U heeft noodtoegang tot Daan Jansen (Gezin Jansen)", cut.Find("[data-testid=emergency-granted]").TextContent));
        Assert.Equal($"/boards/{board}", cut.Find("[data-testid=emergency-granted] a").GetAttribute("href"));
    }
}
