using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Network.E2E.Tests;

/// <summary>
/// The family plan, live between two people: the coordinator on a desktop, the mother on a phone.
/// The journeys add their own goals and texts and read version numbers from the page, so they do
/// not depend on the demo plan's texts or on what other journeys did before.
/// </summary>
[Collection(nameof(PlatformCollection))]
public sealed class PlanJourneyTests(PlatformFixture platform)
{
    private static readonly BrowserNewContextOptions Phone =
        new() { Locale = "nl-NL", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };

    [Fact]
    public async Task the_coordinator_publishes_the_parent_proposes_and_agrees_on_a_phone_and_each_sees_the_other_without_reloading()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo", Phone);
        await OpenPlanAsync(fatima);
        await OpenPlanAsync(sanne);
        // Markers that a reload would wipe: everything below must arrive in these same pages.
        foreach (var page in new[] { fatima, sanne }) await page.EvaluateAsync("window.__noReload = true");

        // The coordinator adds a goal of her own (so the plan changed) and publishes the next version.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var goal = $"Elke week een rustig gezinsmoment ({tag})";
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Doel toevoegen" }).ClickAsync();
        await fatima.GetByLabel("Wat is het doel?").FillAsync(goal);
        await fatima.GetByLabel("Wanneer is het doel bereikt? (mag leeg blijven)").FillAsync("Vier weken achter elkaar");
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Expect(fatima.GetByTestId("goal").Filter(new() { HasText = goal })).ToBeVisibleAsync();
        var previous = await LatestVersionAsync(fatima);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie publiceren" }).ClickAsync();
        await Expect(fatima.GetByTestId("publish-message")).ToHaveTextAsync($"Versie {previous + 1} is gepubliceerd.");

        // The mother sees the new version appear on her phone, with the new goal in what changed.
        var latest = sanne.GetByTestId("version").First;
        await Expect(latest).ToHaveAttributeAsync("data-number", (previous + 1).ToString());
        await Expect(latest.GetByTestId("diff-added")).ToContainTextAsync(goal);
        await Expect(sanne.GetByTestId("goal").Filter(new() { HasText = goal })).ToBeVisibleAsync();

        // She proposes an action under the new goal, for herself.
        var action = $"Zondag samen naar het bos ({tag})";
        var card = sanne.GetByTestId("goal").Filter(new() { HasText = goal });
        await card.GetByRole(AriaRole.Button, new() { Name = "Actie voorstellen" }).ClickAsync();
        await card.GetByLabel("Wat gaan we doen?").FillAsync(action);
        await card.GetByLabel("Wie doet het?").SelectOptionAsync(new SelectOptionValue { Label = "Sanne Jansen (ouder)" });
        await card.GetByLabel("Wanneer moet het klaar zijn? (mag leeg blijven)").FillAsync(DateTime.Today.AddDays(10).ToString("yyyy-MM-dd"));
        await AssertNoViolationsAsync(sanne);
        await AssertFitsTheScreenAsync(sanne);
        await card.GetByRole(AriaRole.Button, new() { Name = "Voorstellen", Exact = true }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uw voorstel is verstuurd.");
        var mine = sanne.GetByTestId("proposals").GetByTestId("plan-item").Filter(new() { HasText = action });
        await Expect(mine.GetByTestId("proposal-state")).ToHaveTextAsync("Voorstel: wacht op een besluit");

        // And she agrees with the new version, with a comment.
        var form = sanne.GetByTestId("agreement-form");
        await Expect(form).ToContainTextAsync($"Bent u het eens met versie {previous + 1}?");
        await form.GetByLabel("Wilt u iets zeggen over het plan? (mag leeg blijven)").FillAsync($"Goed plan ({tag})");
        await form.GetByRole(AriaRole.Button, new() { Name = "Akkoord", Exact = true }).ClickAsync();
        await Expect(sanne.GetByTestId("agreement-message")).ToHaveTextAsync("Dank u. Uw akkoord is opgeslagen.");
        await Expect(latest.GetByTestId("agreement").Filter(new() { HasText = "Sanne Jansen" })).ToContainTextAsync($"Goed plan ({tag})");

        // The coordinator sees the proposal and the agreement appear, and takes the proposal into the plan.
        var proposal = fatima.GetByTestId("proposals").GetByTestId("plan-item").Filter(new() { HasText = action });
        await Expect(proposal).ToBeVisibleAsync();
        var agreement = fatima.GetByTestId("version").First.GetByTestId("agreement").Filter(new() { HasText = "Sanne Jansen" });
        await Expect(agreement).ToContainTextAsync("akkoord");
        await Expect(agreement).ToContainTextAsync($"Goed plan ({tag})");
        await proposal.GetByRole(AriaRole.Button, new() { Name = "Overnemen in het plan" }).ClickAsync();
        await proposal.GetByLabel("Toelichting voor wie het voorstelde (mag leeg blijven)").FillAsync("Goed idee!");
        await AssertNoViolationsAsync(fatima);
        await proposal.GetByRole(AriaRole.Button, new() { Name = "Overnemen", Exact = true }).ClickAsync();
        var fatimasCard = fatima.GetByTestId("goal").Filter(new() { HasText = goal });
        await Expect(fatimasCard.GetByTestId("plan-action").Filter(new() { HasText = action })).ToBeVisibleAsync();
        await Expect(fatima.GetByTestId("proposals")).Not.ToContainTextAsync(action);

        // The mother sees her action taken into the plan, still without reloading.
        await Expect(card.GetByTestId("plan-action").Filter(new() { HasText = action })).ToBeVisibleAsync();
        await Expect(sanne.GetByTestId("proposals")).Not.ToContainTextAsync(action);
        foreach (var page in new[] { fatima, sanne }) Assert.True(await page.EvaluateAsync<bool>("window.__noReload === true"));

        // The board's timeline tells the story in words.
        await fatima.GetByRole(AriaRole.Link, new() { Name = "Naar het gezinsbord" }).ClickAsync();
        var timeline = fatima.GetByTestId("timeline");
        await Expect(timeline.GetByText($"Versie {previous + 1} van het gezinsplan gepubliceerd")).ToBeVisibleAsync();
        await Expect(timeline.GetByText($"Sanne Jansen heeft akkoord gegeven op versie {previous + 1}")).ToBeVisibleAsync();
        await Expect(timeline.GetByTestId("timeline-entry").Filter(new() { HasText = goal }).GetByTestId("plan-kind")).ToHaveTextAsync("Doel");
        await AssertNoViolationsAsync(fatima);
    }

    [Fact]
    public async Task my_actions_on_the_home_page_lead_to_the_plan_and_change_status_there_and_then()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        await OpenPlanAsync(fatima);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var goal = $"Fatima houdt overzicht ({tag})";
        var action = $"Netwerkberaad plannen ({tag})";
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Doel toevoegen" }).ClickAsync();
        await fatima.GetByLabel("Wat is het doel?").FillAsync(goal);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        var card = fatima.GetByTestId("goal").Filter(new() { HasText = goal });
        await card.GetByRole(AriaRole.Button, new() { Name = "Actie toevoegen" }).ClickAsync();
        await card.GetByLabel("Wat gaan we doen?").FillAsync(action);
        await card.GetByLabel("Wie doet het?").SelectOptionAsync(new SelectOptionValue { Label = "Fatima El Amrani (professional)" });
        await card.GetByLabel("Wanneer moet het klaar zijn? (mag leeg blijven)").FillAsync(DateTime.Today.AddDays(-2).ToString("yyyy-MM-dd"));
        await card.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Expect(card.GetByTestId("plan-action").Filter(new() { HasText = action }).GetByTestId("overdue")).ToHaveTextAsync("te laat");

        await fatima.GetByRole(AriaRole.Link, new() { Name = "Network", Exact = true }).ClickAsync();
        var item = fatima.GetByTestId("my-action").Filter(new() { HasText = action });
        await Expect(item.GetByTestId("overdue")).ToHaveTextAsync("te laat");
        // Overdue ones first.
        await Expect(fatima.GetByTestId("my-action").First.GetByTestId("overdue")).ToBeVisibleAsync();
        await item.GetByLabel("Nieuwe stand").SelectOptionAsync("InProgress");
        await item.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(item.GetByRole(AriaRole.Status)).ToHaveTextAsync("Opgeslagen.");
        await Expect(item.GetByTestId("my-action-status")).ToHaveTextAsync("Bezig");
        await AssertNoViolationsAsync(fatima);

        await item.GetByRole(AriaRole.Link, new() { Name = action }).ClickAsync();
        await Expect(fatima.GetByRole(AriaRole.Heading, new() { Name = "Gezinsplan", Level = 1 })).ToBeVisibleAsync();
        await Expect(fatima.GetByTestId("plan-action").Filter(new() { HasText = action }).GetByTestId("action-status")).ToHaveTextAsync("Bezig");
    }

    [Fact]
    public async Task the_plan_pages_have_no_axe_violations_on_a_phone_and_print_without_menus_or_forms()
    {
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo", Phone);
        await Expect(sanne.GetByTestId("my-actions")).ToBeVisibleAsync();
        await Expect(sanne.GetByTestId("my-actions").GetByText("Laden…")).ToHaveCountAsync(0);
        await AssertNoViolationsAsync(sanne);
        await AssertFitsTheScreenAsync(sanne);

        await OpenPlanAsync(sanne);
        await AssertNoViolationsAsync(sanne);
        await AssertFitsTheScreenAsync(sanne);
        var goal = sanne.GetByTestId("goal").First;
        if (await goal.GetByRole(AriaRole.Button, new() { Name = "Stand bijwerken" }).CountAsync() > 0)
        {
            await goal.GetByRole(AriaRole.Button, new() { Name = "Stand bijwerken" }).ClickAsync();
            await Expect(goal.GetByTestId("scale-form")).ToBeVisibleAsync();
            await AssertNoViolationsAsync(sanne);
            await AssertFitsTheScreenAsync(sanne);
        }

        // The grandmother in the network reads the actions that are hers or the network's: no forms, no agreement.
        var riet = await platform.LoggedInPageAsync("riet.jansen@gezin.demo", Phone);
        await riet.GotoAsync($"{platform.WebUrl}/gezinnen/{JansenFamily}/plan");
        await Expect(riet.GetByRole(AriaRole.Heading, new() { Name = "Gezinsplan", Level = 1 })).ToBeVisibleAsync();
        await Expect(riet.GetByTestId("live-status")).ToHaveAttributeAsync("data-live", "on");
        await Expect(riet.GetByTestId("plan")).ToContainTextAsync("Dit is het plan van het gezin. U kunt het lezen.");
        await Expect(riet.GetByRole(AriaRole.Button, new() { Name = "voorstellen" })).ToHaveCountAsync(0);
        await Expect(riet.GetByRole(AriaRole.Button, new() { Name = "toevoegen" })).ToHaveCountAsync(0);
        await Expect(riet.GetByTestId("agreement-form")).ToHaveCountAsync(0);
        await AssertNoViolationsAsync(riet);
        await AssertFitsTheScreenAsync(riet);

        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo", Phone);
        await fatima.GotoAsync($"{platform.WebUrl}/gezinnen/{JansenFamily}");
        await fatima.GetByTestId("plan-link").ClickAsync();
        await Expect(fatima.GetByRole(AriaRole.Heading, new() { Name = "Gezinsplan", Level = 1 })).ToBeVisibleAsync();
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Zorg toevoegen" }).ClickAsync();
        await AssertNoViolationsAsync(fatima);
        await AssertFitsTheScreenAsync(fatima);

        await fatima.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(fatima.Locator(".top-bar")).ToBeHiddenAsync();
        await Expect(fatima.GetByTestId("plan-item-form")).ToBeHiddenAsync();
        await Expect(fatima.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie publiceren" })).ToBeHiddenAsync();
        await Expect(fatima.GetByTestId("proposals")).ToBeHiddenAsync();
        await Expect(fatima.GetByTestId("print-summary")).ToBeVisibleAsync();
        await Expect(fatima.GetByTestId("print-summary")).ToContainTextAsync("Akkoord:");
        await Expect(fatima.GetByTestId("print-summary")).ToContainTextAsync("Wacht nog op:");
        await Expect(fatima.GetByTestId("version").First).ToBeVisibleAsync();
        foreach (var older in await fatima.Locator(".version.older").AllAsync()) await Expect(older).ToBeHiddenAsync();
    }

    private const string JansenFamily = "0193a000-0000-7000-8000-00000000f001";

    /// <summary>From the home page to the family board, and from there in one click to the plan; waits until live updates are on.</summary>
    internal static async Task OpenPlanAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Gezinsbord Jansen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gezinsbord Jansen", Level = 1 })).ToBeVisibleAsync();
        await page.GetByTestId("plan-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gezinsplan", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("live-status")).ToHaveAttributeAsync("data-live", "on");
    }

    private static async Task<int> LatestVersionAsync(IPage page) =>
        await page.GetByTestId("version").CountAsync() == 0
            ? 0
            : int.Parse(await page.GetByTestId("version").First.GetAttributeAsync("data-number") ?? "0");

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
