using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Network.E2E.Tests;

[Collection(nameof(PlatformCollection))]
public sealed class FamilyJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task a_professional_registers_a_family_the_parent_consents_for_one_child_and_the_professional_sees_only_that_child()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");

        // Register the family. Mark de Boer is already in the registry, but Fatima has no standing on him:
        // the search does not find him, and registering him links to his record without showing it.
        await fatima.GetByRole(AriaRole.Link, new() { Name = "Gezinnen" }).ClickAsync();
        await fatima.GetByLabel("Naam van het gezin").FillAsync("Gezin De Boer");
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Registreren", Exact = true }).ClickAsync();
        await Expect(fatima.GetByRole(AriaRole.Heading, new() { Name = "Gezin De Boer", Level = 1 })).ToBeVisibleAsync();

        await fatima.GetByLabel("Relatie tot het gezin").SelectOptionAsync("Parent");
        await fatima.GetByLabel("Zoek in het register (naam)").FillAsync("mark boer");
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).First.ClickAsync();
        await Expect(fatima.GetByText("Niemand gevonden onder de mensen met wie u werkt.")).ToBeVisibleAsync();
        await Expect(fatima.GetByTestId("search-results").Locator("li")).ToHaveCountAsync(0);
        await fatima.GetByText("Nieuwe persoon registreren").ClickAsync();
        await fatima.GetByLabel("Voornamen").FillAsync("Mark");
        await fatima.GetByLabel("Tussenvoegsel").FillAsync("de");
        await fatima.GetByLabel("Achternaam").FillAsync("Boer");
        await fatima.GetByLabel("Geboortedatum").FillAsync("1985-11-20");
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Registreren en toevoegen" }).ClickAsync();
        var duplicate = fatima.GetByTestId("duplicates").GetByTestId("duplicate");
        await Expect(duplicate).ToHaveCountAsync(1);
        await Expect(duplicate).ToContainTextAsync("Deze persoon staat al in het register.");
        // Nothing of the record Fatima may not see: not his address, not his BSN.
        await Expect(fatima.GetByTestId("duplicates")).Not.ToContainTextAsync("Oudegracht");
        await Expect(fatima.GetByTestId("duplicates")).Not.ToContainTextAsync("123456782");
        await duplicate.GetByRole(AriaRole.Button, new() { Name = "Koppel aan het bestaande record" }).ClickAsync();
        await Expect(fatima.GetByTestId("family-status")).ToHaveTextAsync("Mark de Boer is gekoppeld aan het bestaande record en toegevoegd aan het gezin.");

        await RegisterChildAsync(fatima, "Lotte", "2019-02-02", "De Zonnewijzer");
        await RegisterChildAsync(fatima, "Sem", "2021-07-07", "Kinderdagverblijf Hummel");

        foreach (var child in new[] { "Lotte de Boer", "Sem de Boer" })
        {
            await fatima.GetByLabel("Ouder", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Mark de Boer" });
            await fatima.Locator("#a-child").SelectOptionAsync(new SelectOptionValue { Label = child });
            await fatima.GetByLabel("Vanaf").FillAsync("2019-02-02");
            await fatima.GetByRole(AriaRole.Button, new() { Name = "Gezag vastleggen" }).ClickAsync();
            await Expect(fatima.GetByTestId("family-status")).ToHaveTextAsync($"Gezag vastgelegd: Mark de Boer over {child}.");
        }

        await fatima.GetByLabel("Zoek professional (naam of organisatie)").FillAsync("Fatima");
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).Last.ClickAsync();
        await fatima.GetByRole(AriaRole.Checkbox, new() { Name = "Lotte de Boer" }).CheckAsync();
        await fatima.GetByRole(AriaRole.Checkbox, new() { Name = "Sem de Boer" }).CheckAsync();
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Uitnodigen" }).ClickAsync();
        await Expect(fatima.GetByTestId("family-status")).ToHaveTextAsync("Fatima El Amrani is uitgenodigd.");
        await Expect(fatima.Locator("[data-testid=child][data-access=pending]")).ToHaveCountAsync(2);
        var familyUrl = fatima.Url;

        // The parent logs in and approves the neighbourhood team for Lotte only.
        var mark = await platform.LoggedInPageAsync("mark.deboer@gezin.demo");
        await mark.GotoAsync(familyUrl);
        await Expect(mark.GetByTestId("consent-task")).ToHaveCountAsync(2);
        await mark.GetByRole(AriaRole.Button, new() { Name = "Toestemming geven aan Fatima El Amrani voor Lotte de Boer" }).ClickAsync();
        await Expect(mark.GetByTestId("family-status")).ToHaveTextAsync("Toestemming gegeven aan Fatima El Amrani voor Lotte de Boer.");

        // The professional now sees Lotte's details, and nothing of Sem but that consent is awaited.
        await fatima.ReloadAsync();
        var lotte = fatima.Locator("[data-testid=child]", new() { HasText = "Lotte de Boer" });
        var sem = fatima.Locator("[data-testid=child]", new() { HasText = "Sem de Boer" });
        await Expect(lotte).ToHaveAttributeAsync("data-access", "full");
        await Expect(lotte).ToContainTextAsync("De Zonnewijzer");
        await Expect(lotte.GetByTestId("standing")).ToContainTextAsync("Het gezin gaf u toestemming.");
        await Expect(lotte.GetByTestId("municipality")).ToHaveTextAsync("Utrecht");
        await Expect(sem).ToHaveAttributeAsync("data-access", "pending");
        await Expect(fatima.Locator("main")).Not.ToContainTextAsync("Hummel");

        // The same registry data shows on the board: Lotte, entered once, is who the board is about for Fatima.
        await fatima.GetByRole(AriaRole.Link, new() { Name = "Naar het gezinsbord" }).ClickAsync();
        await Expect(fatima.GetByTestId("board-children")).ToHaveTextAsync(" · over Lotte de Boer");
    }

    [Fact]
    public async Task a_youth_sees_her_own_details_and_her_brother_not_at_all()
    {
        var noor = await platform.LoggedInPageAsync("noor.jansen@gezin.demo");

        await noor.GotoAsync($"{platform.WebUrl}/gezinnen/0193a000-0000-7000-8000-00000000f001");

        var self = noor.Locator("[data-testid=child]", new() { HasText = "Noor Jansen" });
        await Expect(self).ToHaveAttributeAsync("data-access", "full");
        await Expect(self).ToContainTextAsync("Stedelijk Gymnasium");
        await Expect(self.GetByTestId("standing")).ToHaveTextAsync("Waarom u dit ziet: Het gaat over uzelf.");
        // A child one has no standing on is absent: not listed, not counted, not named.
        await Expect(noor.GetByTestId("child")).ToHaveCountAsync(1);
        await Expect(noor.Locator("main")).Not.ToContainTextAsync("Daan");
        await Expect(noor.GetByTestId("consent-panel")).ToContainTextAsync("Fatima El Amrani");
    }

    private static async Task RegisterChildAsync(IPage page, string given, string born, string school)
    {
        await page.GetByLabel("Relatie tot het gezin").SelectOptionAsync("Child");
        if (await page.Locator("[data-testid=add-person] details").GetAttributeAsync("open") is null)
            await page.GetByText("Nieuwe persoon registreren").ClickAsync();
        await page.GetByLabel("Voornamen").FillAsync(given);
        await page.GetByLabel("Tussenvoegsel").FillAsync("de");
        await page.GetByLabel("Achternaam").FillAsync("Boer");
        await page.GetByLabel("Geboortedatum").FillAsync(born);
        await page.GetByLabel("Straat").FillAsync("Oudegracht");
        await page.GetByLabel("Huisnummer").FillAsync("200");
        await page.GetByLabel("Postcode").FillAsync("3511 NR");
        await page.GetByLabel("Woonplaats").FillAsync("Utrecht");
        await page.GetByLabel("Gemeente").FillAsync("Utrecht");
        await page.GetByLabel("School (optioneel)").FillAsync(school);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registreren en toevoegen" }).ClickAsync();
        await Expect(page.GetByTestId("family-status")).ToHaveTextAsync($"{given} de Boer is toegevoegd aan het gezin.");
    }
}
