using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Network.E2E.Tests;

[Collection(nameof(PlatformCollection))]
public sealed class AccessibilityTests(PlatformFixture platform)
{
    [Fact]
    public async Task the_login_page_has_no_axe_violations()
    {
        var context = await platform.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{platform.ApiUrl}/account/login");

        await AssertNoViolationsAsync(page);
        await context.CloseAsync();
    }

    [Fact]
    public async Task the_boards_and_a_board_have_no_axe_violations_on_a_phone()
    {
        var phone = new BrowserNewContextOptions { Locale = "nl-NL", ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true };
        var page = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo", phone);

        await AssertNoViolationsAsync(page);
        await AssertFitsTheScreenAsync(page);

        await BoardJourneyTests.OpenBoardAsync(page, "Gezinsbord Jansen");
        await AssertNoViolationsAsync(page);
        await AssertFitsTheScreenAsync(page);
    }

    [Fact]
    public async Task the_family_pages_have_no_axe_violations_for_a_parent_and_a_coordinator()
    {
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo");
        await sanne.GotoAsync($"{platform.WebUrl}/gezinnen/0193a000-0000-7000-8000-00000000f001");
        await Expect(sanne.GetByTestId("consent-panel")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(sanne);

        var phone = new BrowserNewContextOptions { Locale = "nl-NL", ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true };
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo", phone);
        await fatima.GotoAsync($"{platform.WebUrl}/gezinnen/0193a000-0000-7000-8000-00000000f001");
        await Expect(fatima.GetByTestId("add-person")).ToBeVisibleAsync();
        await fatima.GetByText("Nieuwe persoon registreren").ClickAsync();
        await AssertNoViolationsAsync(fatima);
        await AssertFitsTheScreenAsync(fatima);
        await fatima.GotoAsync($"{platform.WebUrl}/gezinnen");
        await Expect(fatima.GetByTestId("family-list")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(fatima);
    }

    [Fact]
    public async Task a_functional_administrator_changes_a_table_cell_with_a_reason_and_the_page_has_no_axe_violations()
    {
        var admin = await platform.LoggedInPageAsync("beheer@network.demo");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Autorisatie" }).ClickAsync();
        await Expect(admin.GetByTestId("authorization-table")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(admin);
        var version = int.Parse(await admin.GetByTestId("table-version").InnerTextAsync());

        await admin.GetByLabel("Categorie").SelectOptionAsync("Administrative");
        await admin.GetByLabel("Rol").SelectOptionAsync("YouthHealth");
        await admin.GetByLabel("Toegang").SelectOptionAsync("Read");
        await admin.GetByLabel("Reden").FillAsync("JGZ ziet beschikkingen voor de verwijzing");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Wijzigen" }).ClickAsync();

        await Expect(admin.GetByTestId("table-status")).ToHaveTextAsync($"Gewijzigd; de tabel is nu versie {version + 1}.");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Administratief" });
        await Expect(row.Locator("td").Nth(6)).ToHaveTextAsync("R");

        // A change that would give administrators case content is refused with the reason.
        await admin.GetByLabel("Categorie").SelectOptionAsync("Medical");
        await admin.GetByLabel("Rol").SelectOptionAsync("FunctionalAdministrator");
        await admin.GetByLabel("Toegang").SelectOptionAsync("Read");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Wijzigen" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Functioneel beheerders krijgen nooit Medical");
    }

    [Fact]
    public async Task the_interface_switches_to_english_and_back()
    {
        var page = await platform.LoggedInPageAsync("fatima@buurtteam.demo");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My boards" })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn borden" })).ToBeVisibleAsync();
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    private static async Task AssertFitsTheScreenAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The page scrolls sideways on a phone.");
}
