using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Network.Testing;
using static Microsoft.Playwright.Assertions;

namespace Network.E2E.Tests;

/// <summary>A family member gets an account: invited on the family page, activated from the e-mail, logged in.</summary>
[Collection(nameof(PlatformCollection))]
public sealed class AccountJourneyTests(PlatformFixture platform)
{
    private const string Jansen = "0193a000-0000-7000-8000-00000000f001";

    [Fact]
    public async Task the_coordinator_invites_a_parent_who_activates_from_the_email_logs_in_and_sees_the_family_board()
    {
        await platform.AddFamilyMemberAsync(Guid.Parse(Jansen), "Erik", "Jansen", new DateOnly(1986, 4, 9), Network.Domain.Families.Relation.Parent);
        var email = $"erik.{Guid.NewGuid():N}@gezin.test";

        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        await fatima.GotoAsync($"{platform.WebUrl}/gezinnen/{Jansen}");
        var invite = fatima.GetByTestId("member-invite");
        await invite.GetByLabel("Wie").SelectOptionAsync(new SelectOptionValue { Label = "Erik Jansen (ouder)" });
        await invite.GetByLabel("E-mailadres").FillAsync(email);
        await invite.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        await Expect(fatima.GetByTestId("invitation-sent")).ToContainTextAsync(email);
        await Expect(fatima.GetByTestId("invitation-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{5}-[A-Z2-9]{5}$"));
        await AssertNoViolationsAsync(fatima);

        // The parent, on their own device: the link from the e-mail the SMTP server received.
        var link = SmtpSink.LinkIn(await platform.Mail.WaitForAsync(email), "/account/activate");
        var context = await platform.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "nl-NL", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var erik = await context.NewPageAsync();
        await erik.GotoAsync(link);
        await AssertNoViolationsAsync(erik);
        const string password = "Fietsen-langs-de-Vecht-7";
        await erik.GetByLabel("Nieuw wachtwoord").FillAsync(password);
        await erik.GetByLabel("Nog een keer").FillAsync(password);
        await erik.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord instellen" }).ClickAsync();
        await Expect(erik.GetByRole(AriaRole.Heading, new() { Name = "Uw account is actief" })).ToBeVisibleAsync();

        await erik.GetByRole(AriaRole.Link, new() { Name = "Naar Network" }).ClickAsync();
        await erik.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).First.ClickAsync();
        await erik.GetByLabel("E-mailadres").FillAsync(email);
        await erik.GetByLabel("Wachtwoord").FillAsync(password);
        await erik.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await erik.GetByRole(AriaRole.Heading, new() { Name = "Mijn borden" }).WaitForAsync();
        await erik.GetByRole(AriaRole.Link, new() { Name = "Gezinsbord Jansen" }).ClickAsync();
        await Expect(erik.GetByRole(AriaRole.Heading, new() { Name = "Gezinsbord Jansen", Level = 1 })).ToBeVisibleAsync();
        await Expect(erik.GetByTestId("timeline")).ToBeVisibleAsync();
        // Erik has no gezag (none is recorded): the table lets him read general items, not write them, so no composer.
        await Expect(erik.GetByTestId("note-composer")).ToHaveCountAsync(0);

        // The link worked once.
        var again = await (await platform.Browser.NewContextAsync()).NewPageAsync();
        await again.GotoAsync(link);
        await Expect(again.Locator("#link-refused")).ToContainTextAsync("al gebruikt");
        await context.CloseAsync();
    }

    [Fact]
    public async Task an_administrator_creates_a_professional_who_activates_and_sets_up_an_authenticator_at_the_first_login()
    {
        var email = $"mila.{Guid.NewGuid():N}@buurtteam.test";
        var admin = await platform.LoggedInPageAsync("beheer@network.demo");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await admin.GetByLabel("Naam", new() { Exact = true }).FillAsync("Mila de Jong");
        await admin.GetByLabel("E-mailadres").FillAsync(email);
        await admin.GetByLabel("Organisatie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Buurtteam Utrecht-Oost" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Aanmaken en e-mail sturen" }).ClickAsync();
        await Expect(admin.GetByTestId("accounts-status")).ToContainTextAsync("Mila de Jong");
        await Expect(admin.GetByTestId("accounts")).ToContainTextAsync(email);

        var link = SmtpSink.LinkIn(await platform.Mail.WaitForAsync(email), "/account/activate");
        var context = await platform.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL" });
        var mila = await context.NewPageAsync();
        await mila.GotoAsync(link);
        const string password = "Thee-met-honing-op-zondag-3";
        await mila.GetByLabel("Nieuw wachtwoord").FillAsync(password);
        await mila.GetByLabel("Nog een keer").FillAsync(password);
        await mila.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord instellen" }).ClickAsync();
        await mila.GetByRole(AriaRole.Link, new() { Name = "Naar Network" }).ClickAsync();
        await mila.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).First.ClickAsync();
        await mila.GetByLabel("E-mailadres").FillAsync(email);
        await mila.GetByLabel("Wachtwoord").FillAsync(password);
        await mila.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        // No token before the authenticator is set up: the key is shown, its code turns it on.
        await Expect(mila.GetByRole(AriaRole.Heading, new() { Name = "Tweestapsverificatie instellen" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(mila);
        var key = (await mila.Locator("#secret").TextContentAsync())!.Trim();
        await mila.GetByLabel("Code uit de app").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow));
        await mila.GetByRole(AriaRole.Button, new() { Name = "Aanzetten" }).ClickAsync();
        await mila.GetByRole(AriaRole.Heading, new() { Name = "Mijn borden" }).WaitForAsync();
        await Expect(mila.GetByTestId("current-user")).ToHaveTextAsync("Mila de Jong");
        await context.CloseAsync();
    }

    [Fact]
    public async Task the_administration_and_account_pages_have_no_axe_violations()
    {
        var admin = await platform.LoggedInPageAsync("beheer@network.demo");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Organisaties" }).ClickAsync();
        await Expect(admin.GetByTestId("organisations")).ToContainTextAsync("Buurtteam Utrecht-Oost");
        await AssertNoViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await Expect(admin.GetByTestId("accounts")).ToContainTextAsync("fatima@buurtteam.demo");
        await AssertNoViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Mijn account" }).ClickAsync();
        await Expect(admin.GetByTestId("my-account")).ToContainTextAsync("beheer@network.demo");
        await AssertNoViolationsAsync(admin);

        var page = await (await platform.Browser.NewContextAsync()).NewPageAsync();
        foreach (var path in new[] { "/account/activate", "/account/forgot" })
        {
            await page.GotoAsync(platform.ApiUrl + path);
            await AssertNoViolationsAsync(page);
        }
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
