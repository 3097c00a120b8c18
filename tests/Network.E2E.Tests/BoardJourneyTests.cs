using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Network.E2E.Tests;

[Collection(nameof(PlatformCollection))]
public sealed class BoardJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task a_note_posted_by_one_user_appears_for_another_without_reloading()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        var jeroen = await platform.LoggedInPageAsync("jeroen@debrug.demo");

        await OpenBoardAsync(fatima, "Gezinsbord Jansen");
        await OpenBoardAsync(jeroen, "Gezinsbord Jansen");
        // A marker that a reload would wipe: the note must arrive in this same page.
        await jeroen.EvaluateAsync("window.__noReload = true");

        var text = $"Huisbezoek dinsdag om 10 uur ({Guid.NewGuid():N})";
        await fatima.GetByLabel("Nieuwe notitie").FillAsync(text);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();

        await Expect(fatima.GetByTestId("timeline").GetByText(text)).ToBeVisibleAsync();
        await Expect(jeroen.GetByTestId("timeline").GetByText(text)).ToBeVisibleAsync(new() { Timeout = 5_000 });
        Assert.True(await jeroen.EvaluateAsync<bool>("window.__noReload === true"));
        await Expect(jeroen.GetByTestId("timeline-entry").First).ToContainTextAsync("Fatima El Amrani");
    }

    [Fact]
    public async Task a_note_for_professionals_appears_live_for_a_professional_and_never_for_the_parent()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        var jeroen = await platform.LoggedInPageAsync("jeroen@debrug.demo");
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo");
        foreach (var page in new[] { fatima, jeroen, sanne }) await OpenBoardAsync(page, "Gezinsbord Jansen");

        var secret = $"Zorgsignaal over Daan ({Guid.NewGuid():N})";
        var open = $"Iedereen welkom op dinsdag ({Guid.NewGuid():N})";
        await fatima.GetByLabel("Soort informatie").SelectOptionAsync("Observation");
        await fatima.GetByRole(AriaRole.Checkbox, new() { Name = "Daan Jansen" }).CheckAsync();
        await Expect(fatima.GetByTestId("audience-preview")).ToContainTextAsync("Jeroen de Vries");
        await Expect(fatima.GetByTestId("audience-preview")).Not.ToContainTextAsync("Sanne Jansen");
        await fatima.GetByLabel("Nieuwe notitie").FillAsync(secret);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        await Expect(jeroen.GetByTestId("timeline").GetByText(secret)).ToBeVisibleAsync();

        await fatima.GetByLabel("Soort informatie").SelectOptionAsync("General");
        await fatima.GetByLabel("Nieuwe notitie").FillAsync(open);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        await Expect(sanne.GetByTestId("timeline").GetByText(open)).ToBeVisibleAsync();
        await Expect(sanne.GetByTestId("timeline")).Not.ToContainTextAsync(secret);

        var mine = sanne.GetByTestId("timeline-entry").Filter(new() { HasText = open });
        await mine.GetByRole(AriaRole.Button, new() { Name = "Waarom zie ik dit?" }).ClickAsync();
        await Expect(mine.GetByTestId("why")).ToContainTextAsync("ouder met gezag");
    }

    [Fact]
    public async Task emergency_access_opens_one_child_and_the_coordinator_sees_the_notification_appear_at_once()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        var before = await fatima.GetByTestId("notifications-count").CountAsync() == 0
            ? 0 : int.Parse(await fatima.GetByTestId("notifications-count").InnerTextAsync());
        var peter = await platform.LoggedInPageAsync("peter@samenveilig.demo");

        // The registry search shows Peter nobody he has no standing on: he identifies the child by name and date of birth.
        await peter.GetByRole(AriaRole.Link, new() { Name = "Noodtoegang" }).ClickAsync();
        await peter.GetByLabel("Voornaam").FillAsync("Daan");
        await peter.GetByLabel("Achternaam").FillAsync("Jansen");
        await peter.GetByLabel("Geboortedatum").FillAsync("2018-05-15");
        await peter.GetByLabel("Reden").FillAsync("Melding Veilig Thuis: acuut gevaar thuis");
        await peter.GetByRole(AriaRole.Button, new() { Name = "Noodtoegang vragen" }).ClickAsync();
        await Expect(peter.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Geen kind gevonden met deze gegevens.");

        await peter.GetByLabel("Geboortedatum").FillAsync("2018-05-14");
        await peter.GetByRole(AriaRole.Button, new() { Name = "Noodtoegang vragen" }).ClickAsync();
        await Expect(peter.GetByTestId("emergency-granted")).ToContainTextAsync("U heeft noodtoegang tot Daan Jansen (Gezin Jansen)");
        await peter.GetByTestId("emergency-granted").GetByRole(AriaRole.Link, new() { Name = "Naar het bord van Gezin Jansen" }).ClickAsync();
        await Expect(peter.GetByRole(AriaRole.Heading, new() { Name = "Gezinsbord Jansen", Level = 1 })).ToBeVisibleAsync();
        await Expect(peter.GetByTestId("board-children")).ToHaveTextAsync(" · over Daan Jansen");

        await Expect(fatima.GetByTestId("notifications-count")).ToHaveTextAsync((before + 1).ToString());
        await fatima.GetByTestId("notifications-link").ClickAsync();
        var notification = fatima.GetByTestId("notifications").GetByTestId("notification-text").Filter(new() { HasText = "Peter Bakker" }).First;
        await Expect(notification).ToContainTextAsync("Peter Bakker (GI Samen Veilig) opende Daan Jansen in Gezin Jansen met noodtoegang tot");
        await Expect(notification).ToContainTextAsync("Reden: Melding Veilig Thuis: acuut gevaar thuis");
        var axe = await fatima.RunAxe();
        Assert.Empty(axe.Violations.Select(v => v.Id));
    }

    [Fact]
    public async Task a_parent_logs_in_and_sees_the_family_board()
    {
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo");

        await Expect(sanne.GetByTestId("current-user")).ToHaveTextAsync("Sanne Jansen");
        await Expect(sanne.GetByTestId("board-list")).ToContainTextAsync("Gezinsbord Jansen");
        await Expect(sanne.GetByTestId("board-list")).Not.ToContainTextAsync("Yılmaz");
    }

    [Fact]
    public async Task a_board_of_another_family_shows_not_found()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");

        await fatima.GotoAsync($"{platform.WebUrl}/boards/0193a000-0000-7000-8000-00000000b002");

        await Expect(fatima.GetByRole(AriaRole.Heading, new() { Name = "Bord niet gevonden" })).ToBeVisibleAsync();
        await Expect(fatima.Locator("main")).Not.ToContainTextAsync("Yılmaz");
    }

    [Fact]
    public async Task an_anonymous_visitor_of_a_board_is_sent_to_the_login_page()
    {
        var context = await platform.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{platform.WebUrl}/boards/0193a000-0000-7000-8000-00000000b001");

        await page.WaitForURLAsync($"{platform.ApiUrl}/account/login**");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen bij Network" })).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task logging_out_ends_the_session_in_the_app_and_at_the_login_server()
    {
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo");

        await sanne.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();

        await sanne.WaitForURLAsync(platform.WebUrl + "/");
        await Expect(sanne.GetByRole(AriaRole.Heading, new() { Name = "Welkom bij Network" })).ToBeVisibleAsync();
        // Logging in again asks for the password: the login server's session ended too.
        await sanne.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).First.ClickAsync();
        await Expect(sanne.GetByLabel("Wachtwoord")).ToBeVisibleAsync();
    }

    internal static async Task OpenBoardAsync(IPage page, string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("note-composer")).ToBeVisibleAsync();
    }
}
