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
        var phone = new BrowserNewContextOptions { Locale = "nl-NL", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };
        var page = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo", phone);

        await AssertNoViolationsAsync(page);
        await AssertFitsTheScreenAsync(page);

        await BoardJourneyTests.OpenBoardAsync(page, "Gezinsbord Jansen");
        await AssertNoViolationsAsync(page);
        await AssertFitsTheScreenAsync(page);

        // The author's own item with its correction form open, on the phone.
        var text = $"Even bellen over de planning ({Guid.NewGuid():N})";
        await page.GetByLabel("Nieuwe notitie").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        var mine = page.GetByTestId("timeline-entry").Filter(new() { HasText = text });
        await mine.GetByRole(AriaRole.Button, new() { Name = "Corrigeren" }).ClickAsync();
        await Expect(mine.GetByTestId("correct-form")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
        await AssertFitsTheScreenAsync(page);
    }

    [Fact]
    public async Task the_access_log_and_emergency_access_have_no_axe_violations_on_a_phone()
    {
        var phone = new BrowserNewContextOptions { Locale = "nl-NL", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo", phone);
        await sanne.GotoAsync($"{platform.WebUrl}/gezinnen/0193a000-0000-7000-8000-00000000f001/inzage");
        await Expect(sanne.GetByTestId("period-filter")).ToBeVisibleAsync();
        await Expect(sanne.GetByText("Laden…")).ToHaveCountAsync(0);
        await AssertNoViolationsAsync(sanne);
        await AssertFitsTheScreenAsync(sanne);

        var rik = await platform.LoggedInPageAsync("rik@samenveilig.demo", phone);
        await rik.GetByRole(AriaRole.Link, new() { Name = "Noodtoegang" }).ClickAsync();
        await Expect(rik.GetByTestId("emergency-form")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(rik);
        await AssertFitsTheScreenAsync(rik);
    }

    [Fact]
    public async Task the_family_pages_have_no_axe_violations_for_a_parent_and_a_coordinator()
    {
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo");
        await sanne.GotoAsync($"{platform.WebUrl}/gezinnen/0193a000-0000-7000-8000-00000000f001");
        await Expect(sanne.GetByTestId("consent-panel")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(sanne);

        var phone = new BrowserNewContextOptions { Locale = "nl-NL", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };
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
        await Expect(admin.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Geweigerd: functioneel beheerders zien nooit gegevens van gezinnen (Medisch).");

        // A secret address goes to legal-basis columns only: the rule is named, in words.
        await admin.GetByLabel("Categorie").SelectOptionAsync("SecretAddress");
        await admin.GetByLabel("Rol").SelectOptionAsync("ParentWithAuthority");
        await admin.GetByLabel("Toegang").SelectOptionAsync("Read");
        await admin.GetByLabel("Reden").FillAsync("Ouders willen weten waar hun kind woont");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Wijzigen" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("een geheim adres gaat alleen naar jeugdbeschermer, jeugdreclasseerder of Raad");
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("(niet naar ouder met gezag)");
        await Expect(admin.GetByTestId("table-version")).ToHaveTextAsync((version + 1).ToString());
        await Expect(admin.Locator("main")).Not.ToContainTextAsync("ParentWithAuthority");
    }

    [Fact]
    public async Task the_interface_switches_to_english_and_back()
    {
        var page = await platform.LoggedInPageAsync("fatima@buurtteam.demo");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My boards" })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await AssertNoViolationsAsync(page);

        // The board in English: the catalog's words for categories and reasons, no enum names.
        await page.GetByRole(AriaRole.Link, new() { Name = "Gezinsbord Jansen" }).ClickAsync();
        await Expect(page.GetByLabel("New note")).ToBeVisibleAsync();
        // The composer offers only what she may write (a court measure she only reads), in words.
        await Expect(page.GetByLabel("Kind of information").Locator("option[value=Observation]")).ToHaveTextAsync("Observation");
        await Expect(page.GetByLabel("Kind of information").Locator("option[value=CourtMeasure]")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Who may see it").Locator("option[value=Professionals]")).ToHaveTextAsync("Professionals only");
        await Expect(page.GetByTestId("audience-preview")).ToContainTextAsync("Visible to:");
        await AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Network", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn borden" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/language?culture=en-GB&returnUrl=%2F%2Fevil.example%2F")]
    [InlineData("/language?culture=en-GB&returnUrl=https%3A%2F%2Fevil.example%2F")]
    [InlineData("/language?culture=en-GB&returnUrl=%2F%5Cevil.example")]
    [InlineData("/language?culture=en-GB&returnUrl=%2Fa%0D%0ASet-Cookie%3A%20x%3D1")]
    [InlineData("/language?culture=en-GB&returnUrl=%2FY%C4%B1lmaz")]
    [InlineData("/language?culture=en-GB&returnUrl=%2Fa&returnUrl=%2Fb")]
    [InlineData("/language?returnUrl=%2F%01")]
    [InlineData("/language")]
    public async Task a_malformed_return_url_on_the_language_switch_goes_home_never_to_an_error(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(platform.WebUrl) };

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task a_good_return_url_on_the_language_switch_is_kept()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(platform.WebUrl) };

        using var response = await client.GetAsync("/language?culture=en-GB&returnUrl=%2Fgezinnen%3Fx%3D1", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/gezinnen?x=1", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/login?returnUrl=%2F%2Fevil.example%2F")]
    [InlineData("/login?returnUrl=%2Fa%0D%0Ab")]
    [InlineData("/login?returnUrl=https%3A%2F%2Fevil.example")]
    public async Task a_malformed_return_url_on_login_still_leads_to_the_login_server(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(platform.WebUrl) };

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(platform.ApiUrl, response.Headers.Location?.ToString());
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
