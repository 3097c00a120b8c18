using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Network.E2E.Tests;

/// <summary>
/// The municipality's contract manager on a 360 px phone: the figures per municipality, the CSV
/// through the Web app, no case content anywhere; and the municipality changes list for a professional.
/// </summary>
[Collection(nameof(PlatformCollection))]
public sealed class FiguresJourneyTests(PlatformFixture platform)
{
    private static readonly BrowserNewContextOptions Phone =
        new() { Locale = "nl-NL", ViewportSize = new() { Width = 360, Height = 780 }, IsMobile = true, HasTouch = true };

    [Fact]
    public async Task the_contract_manager_reads_the_figures_per_municipality_and_downloads_them()
    {
        var page = await platform.LoggedInPageAsync("gemeente@utrecht.demo", Phone);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cijfers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cijfers per gemeente" })).ToBeVisibleAsync();
        var utrecht = page.GetByTestId("figures-municipality").Filter(new() { HasText = "Utrecht" });
        // Other journeys add families to the shared platform: the API tests count exactly, here a number or a suppressed cell.
        var number = new System.Text.RegularExpressions.Regex(@"^(\d+|minder dan 5)$");
        await Expect(utrecht.GetByTestId("figure-children")).ToHaveTextAsync(number);
        await Expect(utrecht.GetByTestId("figure-families")).ToHaveTextAsync(number);
        await Expect(page.GetByTestId("figures-threshold")).ToContainTextAsync("onder de 5");
        await Expect(page.GetByText("Zoeken")).ToHaveCountAsync(0);
        await AssertNoViolationsAsync(page);
        await AssertFitsTheScreenAsync(page);

        var csv = await page.Context.APIRequest.GetAsync($"{platform.WebUrl}/cijfers.csv");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("gemeente;maand;gezinnen;kinderen", (await csv.TextAsync()).TrimStart('\uFEFF'));

        // No case content for the contract manager: the families list is empty, a family is not there.
        await page.GotoAsync($"{platform.WebUrl}/gezinnen/0193a000-0000-7000-8000-00000000f001");
        await Expect(page.GetByText("Gezin Jansen")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task a_professional_sees_the_municipality_changes_page_on_a_phone()
    {
        var page = await platform.LoggedInPageAsync("peter@samenveilig.demo", Phone);
        await page.GotoAsync($"{platform.WebUrl}/gemeentewisselingen");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kinderen die van gemeente wisselden" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("changes-empty")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
        await AssertFitsTheScreenAsync(page);
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
