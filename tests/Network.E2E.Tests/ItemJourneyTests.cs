using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Network.E2E.Tests;

/// <summary>Items are never silently changed: a correction and "entered in error" show for every reader, live, with their history.</summary>
[Collection(nameof(PlatformCollection))]
public sealed class ItemJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task the_author_corrects_an_item_the_other_reader_sees_it_change_live_and_both_see_the_history()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        var jeroen = await platform.LoggedInPageAsync("jeroen@debrug.demo");
        await BoardJourneyTests.OpenBoardAsync(fatima, "Gezinsbord Jansen");
        await BoardJourneyTests.OpenBoardAsync(jeroen, "Gezinsbord Jansen");
        await jeroen.EvaluateAsync("window.__noReload = true");

        var first = $"Huisbezoek dinsdag om 10 uur ({Guid.NewGuid():N})";
        var corrected = $"Huisbezoek woensdag om 10 uur ({Guid.NewGuid():N})";
        var mine = await PostAsync(fatima, first);

        await mine.GetByRole(AriaRole.Button, new() { Name = "Corrigeren" }).ClickAsync();
        await Expect(mine.GetByLabel("Verbeterde tekst")).ToHaveValueAsync(first);
        await mine.GetByLabel("Verbeterde tekst").FillAsync(corrected);
        await mine.GetByLabel("Wat is er verbeterd? (optioneel)").FillAsync("Verkeerde dag genoemd");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();

        await Expect(mine.Locator(".text")).ToHaveTextAsync(corrected);
        await Expect(mine.GetByTestId("corrected")).ToHaveTextAsync("gecorrigeerd");
        await Expect(mine.GetByTestId("correct-form")).ToHaveCountAsync(0);

        // The other reader sees the correction arrive in the same page, in the same place, marked.
        var theirs = jeroen.Locator($"[data-item-id='{await mine.GetAttributeAsync("data-item-id")}']");
        await Expect(theirs.Locator(".text")).ToHaveTextAsync(corrected);
        await Expect(theirs.GetByTestId("corrected")).ToBeVisibleAsync();
        await Expect(theirs.GetByRole(AriaRole.Button, new() { Name = "Corrigeren" })).ToHaveCountAsync(0);
        Assert.True(await jeroen.EvaluateAsync<bool>("window.__noReload === true"));

        await theirs.GetByRole(AriaRole.Button, new() { Name = "Geschiedenis bekijken" }).ClickAsync();
        var changes = theirs.GetByTestId("history-change");
        await Expect(changes).ToHaveCountAsync(2);
        await Expect(changes.Nth(0)).ToContainTextAsync("Geplaatst door Fatima El Amrani");
        await Expect(changes.Nth(0)).ToContainTextAsync(first);
        await Expect(changes.Nth(1)).ToContainTextAsync("Gecorrigeerd door Fatima El Amrani");
        await Expect(changes.Nth(1)).ToContainTextAsync(corrected);
        await Expect(changes.Nth(1)).ToContainTextAsync("Reden: Verkeerde dag genoemd");
        await AssertNoViolationsAsync(jeroen);
    }

    [Fact]
    public async Task an_item_entered_in_error_stays_struck_through_with_its_reason_for_every_reader()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo");
        await BoardJourneyTests.OpenBoardAsync(fatima, "Gezinsbord Jansen");
        await BoardJourneyTests.OpenBoardAsync(sanne, "Gezinsbord Jansen");

        var text = $"Daan is morgen vrij van school ({Guid.NewGuid():N})";
        var mine = await PostAsync(fatima, text);
        var theirs = sanne.Locator($"[data-item-id='{await mine.GetAttributeAsync("data-item-id")}']");
        await Expect(theirs.Locator(".text")).ToHaveTextAsync(text);

        await mine.GetByRole(AriaRole.Button, new() { Name = "Onjuist ingevoerd" }).ClickAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Markeren als onjuist" }).ClickAsync();
        await Expect(mine.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Zeg waarom dit onjuist is ingevoerd.");
        await mine.GetByLabel("Waarom is dit onjuist ingevoerd?").FillAsync("Dit ging over een ander kind");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Markeren als onjuist" }).ClickAsync();

        foreach (var entry in new[] { mine, theirs })
        {
            await Expect(entry.Locator(".text del")).ToHaveTextAsync(text);
            await Expect(entry.GetByTestId("entered-in-error")).ToHaveTextAsync("Onjuist ingevoerd: Dit ging over een ander kind");
            await Expect(entry.GetByRole(AriaRole.Button, new() { Name = "Corrigeren" })).ToHaveCountAsync(0);
        }
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Geschiedenis bekijken" }).ClickAsync();
        await Expect(theirs.GetByTestId("history-change").Last).ToContainTextAsync("Gemarkeerd als onjuist ingevoerd door Fatima El Amrani");
    }

    [Fact]
    public async Task a_themed_board_is_opened_from_the_family_and_an_item_is_shown_on_it_without_copying()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        await fatima.GotoAsync($"{platform.WebUrl}/gezinnen/0193a000-0000-7000-8000-00000000f001");
        var title = $"School {Guid.NewGuid().ToString("N")[..6]}";
        await fatima.GetByLabel("Nieuw themabord (bijvoorbeeld: School)").FillAsync(title);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Bord openen" }).ClickAsync();
        await Expect(fatima.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var themedUrl = fatima.Url;

        await fatima.GetByTestId("other-boards").GetByRole(AriaRole.Link, new() { Name = "Gezinsbord Jansen" }).ClickAsync();
        await Expect(fatima.GetByRole(AriaRole.Heading, new() { Name = "Gezinsbord Jansen", Level = 1 })).ToBeVisibleAsync();
        await Expect(fatima.GetByTestId("other-boards")).ToContainTextAsync(title);
        var text = $"Gesprek met de mentor op vrijdag ({Guid.NewGuid():N})";
        var mine = await PostAsync(fatima, text);
        await mine.GetByRole(AriaRole.Button, new() { Name = "Ook tonen op…" }).ClickAsync();
        await mine.GetByLabel("Ook tonen op het bord").SelectOptionAsync(new SelectOptionValue { Label = title });
        await mine.GetByRole(AriaRole.Button, new() { Name = "Tonen", Exact = true }).ClickAsync();
        await Expect(mine.GetByTestId("show-on-form")).ToHaveCountAsync(0);

        await fatima.GotoAsync(themedUrl);
        await Expect(fatima.GetByTestId("timeline").GetByText(text)).ToBeVisibleAsync();
        var linked = fatima.GetByTestId("timeline-entry").Filter(new() { HasText = text });
        await linked.GetByRole(AriaRole.Button, new() { Name = "Geschiedenis bekijken" }).ClickAsync();
        await Expect(linked.GetByTestId("history-change").Last).ToContainTextAsync($"Ook getoond op {title}");
    }

    private static async Task<ILocator> PostAsync(IPage page, string text)
    {
        await page.GetByLabel("Nieuwe notitie").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        var entry = page.GetByTestId("timeline-entry").Filter(new() { HasText = text }).Locator("article");
        await Expect(entry).ToBeVisibleAsync();
        return page.Locator($"[data-item-id='{await entry.GetAttributeAsync("data-item-id")}']");
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
