using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Network.E2E.Tests;

/// <summary>
/// A case consultation in Gezin Bos, where four organisations work, from the board to decisions in
/// the plan: the coordinator schedules it with three more professionals of three organisations and
/// both parents, builds the agenda from the plan and records three decisions that become plan
/// actions; the mother, in a second browser, sees the consultation and the actions arrive without
/// reloading. Every click and filled field from the board on is counted.
/// </summary>
[Collection(nameof(PlatformCollection))]
public sealed class ConsultationJourneyTests(PlatformFixture platform)
{
    private const string BosFamily = "0193a000-0000-7000-8000-00000000f003";
    private const string BosBoard = "0193a000-0000-7000-8000-00000000b003";

    [Fact]
    public async Task a_consultation_with_four_organisations_and_both_parents_ends_in_three_plan_actions_within_thirty_user_actions()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");

        // Beforehand, on the plan page: a goal for the agenda to come from.
        var goal = $"Tim gaat elke dag naar school ({tag})";
        await fatima.GotoAsync($"{platform.WebUrl}/gezinnen/{BosFamily}/plan");
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Doel toevoegen" }).ClickAsync();
        await fatima.GetByLabel("Wat is het doel?").FillAsync(goal);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Expect(fatima.GetByTestId("goal").Filter(new() { HasText = goal })).ToBeVisibleAsync();

        // The mother follows the board in a second browser, on a phone.
        var linda = await platform.LoggedInPageAsync("linda.bos@gezin.demo",
            new() { Locale = "nl-NL", ViewportSize = new() { Width = 360, Height = 800 }, IsMobile = true, HasTouch = true });
        await linda.GotoAsync($"{platform.WebUrl}/boards/{BosBoard}");
        await Expect(linda.GetByRole(AriaRole.Heading, new() { Name = "Tijdlijn" })).ToBeVisibleAsync();
        await linda.EvaluateAsync("window.__noReload = true");

        // From the board on, every user action counts.
        await fatima.GotoAsync($"{platform.WebUrl}/boards/{BosBoard}");
        var actions = 0;
        async Task Click(ILocator l) { actions++; await l.ClickAsync(); }
        async Task Fill(ILocator l, string value) { actions++; await l.FillAsync(value); }
        async Task Select(ILocator l, SelectOptionValue value) { actions++; await l.SelectOptionAsync(value); }

        var title = $"Casusoverleg Bos ({tag})";
        var day = DateTime.Today.AddDays(7);
        await Click(fatima.GetByRole(AriaRole.Radio, new() { Name = "Casusoverleg" }));
        var composer = fatima.GetByTestId("consultation-composer");
        await Fill(composer.GetByLabel("Wat voor afspraak"), title);
        await Fill(composer.GetByLabel("Datum"), day.ToString("yyyy-MM-dd"));
        await Fill(composer.GetByLabel("Tijd"), "14:00");
        await Fill(composer.GetByLabel("Plaats (optioneel)"), "Buurtteam Utrecht-Oost");
        foreach (var professional in new[] { "Sophie Visser", "Peter Bakker", "Anouk de Wit" })
            await Click(composer.GetByRole(AriaRole.Checkbox, new() { Name = professional }));
        // Both parents are invited by default.
        await Expect(composer.GetByRole(AriaRole.Checkbox, new() { Name = "Linda Bos" })).ToBeCheckedAsync();
        await Expect(composer.GetByRole(AriaRole.Checkbox, new() { Name = "Kees Bos" })).ToBeCheckedAsync();
        await AssertNoViolationsAsync(fatima);
        await Click(composer.GetByRole(AriaRole.Button, new() { Name = "Overleg plannen" }));
        await Expect(composer.GetByRole(AriaRole.Status)).ToContainTextAsync("De uitnodigingen zijn verstuurd.");

        var entry = fatima.Locator("article[data-kind=Consultation]").Filter(new() { HasText = title });
        await Expect(entry.GetByTestId("appointment-participants")).ToContainTextAsync("Sophie Visser");
        await Click(entry.GetByTestId("agenda-from-plan"));
        await Expect(entry.GetByTestId("agenda")).ToContainTextAsync(goal);

        await Click(entry.GetByTestId("open-decision"));
        var form = entry.GetByTestId("decision-form");
        string[] decisions = [$"JGZ ziet Tim binnen drie weken ({tag})", $"Peter belt de school ({tag})", $"Linda en Tim oefenen de ochtend ({tag})"];
        for (var i = 0; i < decisions.Length; i++)
        {
            // The form is empty again once the previous decision is recorded (waiting is not a user action).
            await Expect(form.GetByLabel("Besluit", new() { Exact = true })).ToHaveValueAsync("", new() { Timeout = 30_000 });
            await Fill(form.GetByLabel("Besluit", new() { Exact = true }), decisions[i]);
            await Select(form.GetByLabel("Bij doel"), new SelectOptionValue { Label = goal });
            await Select(form.GetByLabel("Wie doet het"), new SelectOptionValue { Index = i + 1 });
            await Fill(form.GetByLabel("Klaar op"), day.AddDays(14 + i).ToString("yyyy-MM-dd"));
            await Click(form.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }));
            try
            {
                await Expect(entry.GetByTestId("decision").Filter(new() { HasText = decisions[i] })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            }
            catch (PlaywrightException)
            {
                Assert.Fail($"Decision {i + 1} did not appear; the consultation shows: {await entry.InnerTextAsync()}");
            }
        }
        Assert.True(actions <= 30, $"From the board to three actions in the plan took {actions} user actions.");
        await Expect(entry.GetByTestId("decision").GetByRole(AriaRole.Link, new() { Name = "naar de actie in het gezinsplan" })).ToHaveCountAsync(3);
        await AssertNoViolationsAsync(fatima);

        // The mother saw it all arrive: the consultation, and the three actions, each saying where they were decided.
        var hers = linda.Locator("article[data-kind=Consultation]").Filter(new() { HasText = title });
        await Expect(hers).ToBeVisibleAsync();
        await Expect(hers.GetByTestId("decision")).ToHaveCountAsync(3);
        foreach (var decision in decisions)
        {
            var action = linda.Locator("article[data-kind=Action]").Filter(new() { HasText = decision });
            await Expect(action).ToBeVisibleAsync();
            await Expect(action.GetByTestId("decided-in")).ToContainTextAsync("Besloten in casusoverleg van");
        }
        Assert.True(await linda.EvaluateAsync<bool>("window.__noReload === true"));
        await AssertNoViolationsAsync(linda);
        Assert.True(await linda.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The board scrolls sideways on a phone.");
        // She answers that she comes.
        await hers.GetByRole(AriaRole.Button, new() { Name = "Ik kom", Exact = true }).ClickAsync();
        await Expect(hers.GetByTestId("consultation-responses")).ToContainTextAsync("Linda Bos: komt");

        // And in the plan, under the goal.
        await linda.GotoAsync($"{platform.WebUrl}/gezinnen/{BosFamily}/plan");
        var card = linda.GetByTestId("goal").Filter(new() { HasText = goal });
        foreach (var decision in decisions)
            await Expect(card.GetByTestId("plan-action").Filter(new() { HasText = decision }).GetByTestId("decided-in")).ToBeVisibleAsync();

        // She was invited by e-mail, with a calendar invitation, and without anything about the family.
        MimeKit.MimeMessage? invitation = null;
        for (var tries = 0; tries < 200 && invitation is null; tries++, await Task.Delay(100, TestContext.Current.CancellationToken))
            invitation = platform.Mail.To("linda.bos@gezin.demo").LastOrDefault(m =>
                m.BodyParts.Any(p => p.ContentType.MimeType == "text/calendar" && p.ContentType.Parameters["method"] == "REQUEST"));
        Assert.NotNull(invitation);
        Assert.DoesNotContain(title, invitation.TextBody);
        Assert.DoesNotContain(tag, invitation.TextBody);
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
