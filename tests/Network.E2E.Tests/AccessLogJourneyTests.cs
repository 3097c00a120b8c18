using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Network.E2E.Tests;

/// <summary>"Wie keek mee?": the family sees who looked, grouped by visit, in plain words, for a period.</summary>
[Collection(nameof(PlatformCollection))]
public sealed class AccessLogJourneyTests(PlatformFixture platform)
{
    private const string Jansen = "0193a000-0000-7000-8000-00000000f001";

    [Fact]
    public async Task a_parent_sees_each_visit_in_one_sentence_and_can_choose_a_period()
    {
        var jeroen = await platform.LoggedInPageAsync("jeroen@debrug.demo");
        await BoardJourneyTests.OpenBoardAsync(jeroen, "Gezinsbord Jansen");
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo");

        await sanne.GotoAsync($"{platform.WebUrl}/gezinnen/{Jansen}");
        await sanne.GetByRole(AriaRole.Link, new() { Name = "Wie keek mee?" }).ClickAsync();

        var visit = sanne.GetByTestId("visit").Filter(new() { HasText = "Jeroen de Vries" }).First;
        // One sentence per visit; what else Jeroen did in the same visit depends on the other journeys.
        await Expect(visit).ToContainTextAsync("Jeroen de Vries (jeugdhulp) bekeek");
        await Expect(visit).ToContainTextAsync("het gezinsbord");
        await Expect(visit).ToContainTextAsync("met toestemming van het gezin");
        await Expect(visit).ToContainTextAsync(" keer");
        // One visit, not one line per read: Jeroen appears once however often he looked.
        await Expect(sanne.GetByTestId("visit").Filter(new() { HasText = "Jeroen de Vries" })).ToHaveCountAsync(1);
        await Expect(sanne.Locator("main")).Not.ToContainTextAsync("Consent");
        await AssertNoViolationsAsync(sanne);

        var tomorrow = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await sanne.GetByLabel("Van").FillAsync(tomorrow);
        await sanne.GetByLabel("Tot en met").FillAsync(tomorrow);
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Expect(sanne.GetByTestId("access-log-empty")).ToHaveTextAsync("Niemand keek mee in deze periode.");

        var today = DateTime.UtcNow.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await sanne.GetByLabel("Van").FillAsync(today);
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Expect(sanne.GetByTestId("visit").Filter(new() { HasText = "Jeroen de Vries" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task someone_outside_the_network_who_tried_to_look_is_not_named()
    {
        var sophie = await platform.LoggedInPageAsync("sophie@jgz.demo");
        await sophie.GotoAsync($"{platform.WebUrl}/boards/0193a000-0000-7000-8000-00000000b001");
        await Expect(sophie.GetByRole(AriaRole.Heading, new() { Name = "Bord niet gevonden" })).ToBeVisibleAsync();

        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo");
        await sanne.GotoAsync($"{platform.WebUrl}/gezinnen/{Jansen}/inzage");

        await Expect(sanne.GetByTestId("access-log")).ToBeVisibleAsync();
        await Expect(sanne.Locator("main")).Not.ToContainTextAsync("Sophie Visser");
        var refused = sanne.GetByTestId("visit").Filter(new() { HasText = "Iemand zonder toegang (JGZ Utrecht)" });
        await Expect(refused.First).ToContainTextAsync("geweigerd");
    }

    [Fact]
    public async Task a_professional_who_is_not_the_coordinator_is_told_kindly_that_the_log_is_not_for_them()
    {
        var jeroen = await platform.LoggedInPageAsync("jeroen@debrug.demo");

        await jeroen.GotoAsync($"{platform.WebUrl}/gezinnen/{Jansen}/inzage");

        await Expect(jeroen.GetByTestId("access-log-forbidden")).ToContainTextAsync("Dit overzicht is er voor het gezin zelf en voor de regisseur");
        await Expect(jeroen.GetByTestId("access-log")).ToHaveCountAsync(0);
        await AssertNoViolationsAsync(jeroen);
    }

    [Fact]
    public async Task the_coordinator_sees_the_whole_familys_log_page_by_page()
    {
        var jeroen = await platform.LoggedInPageAsync("jeroen@debrug.demo");
        await BoardJourneyTests.OpenBoardAsync(jeroen, "Gezinsbord Jansen");
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        await BoardJourneyTests.OpenBoardAsync(fatima, "Gezinsbord Jansen");

        await fatima.GotoAsync($"{platform.WebUrl}/gezinnen/{Jansen}/inzage?per=1");

        await Expect(fatima.GetByTestId("visit")).ToHaveCountAsync(1);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Meer laden" }).ClickAsync();
        await Expect(fatima.GetByTestId("visit")).ToHaveCountAsync(2);
        await Expect(fatima.GetByTestId("visit").Nth(0)).Not.ToHaveTextAsync(await fatima.GetByTestId("visit").Nth(1).InnerTextAsync());
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
