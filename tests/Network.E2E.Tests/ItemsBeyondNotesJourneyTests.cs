using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Network.E2E.Tests;

/// <summary>
/// Issue #9's journey: a professional uploads a PDF and schedules an appointment on a child's
/// themed board; the parent, on a phone, sees both arrive on the family board without reloading,
/// downloads the document and the .ics, and replies; axe finds nothing serious or critical.
/// </summary>
[Collection(nameof(PlatformCollection))]
public sealed class ItemsBeyondNotesJourneyTests(PlatformFixture platform)
{
    private const string JansenFamily = "0193a000-0000-7000-8000-00000000f001";

    private static readonly BrowserNewContextOptions Phone = new()
    {
        Locale = "nl-NL", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, AcceptDownloads = true,
    };

    /// <summary>A small, real PDF: the API checks the type from the content, not from the name.</summary>
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        + "trailer\n<< /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task a_professional_posts_a_pdf_and_an_appointment_on_a_childs_board_and_the_parent_on_a_phone_gets_both_live_downloads_and_replies()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo", Phone);

        // The parent watches the family board on her phone; a reload would wipe the marker.
        await BoardJourneyTests.OpenBoardAsync(sanne, "Gezinsbord Jansen");
        await sanne.EvaluateAsync("window.__noReload = true");

        // The professional opens a themed board for Noor.
        var boardTitle = $"Noor {run}";
        await fatima.GotoAsync($"{platform.WebUrl}/gezinnen/{JansenFamily}");
        await fatima.GetByLabel("Nieuw themabord (bijvoorbeeld: School)").FillAsync(boardTitle);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Bord openen" }).ClickAsync();
        await Expect(fatima.GetByRole(AriaRole.Heading, new() { Name = boardTitle, Level = 1 })).ToBeVisibleAsync();
        await Expect(fatima.GetByTestId("item-composer")).ToBeVisibleAsync();

        // A PDF about Noor, for everyone on the board (the default of General).
        var fileName = $"verslag-school-{run}.pdf";
        await fatima.GetByLabel("Document", new() { Exact = true }).CheckAsync();
        await fatima.GetByLabel("Bestand").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = Pdf });
        await fatima.GetByLabel("Beschrijving (optioneel)").FillAsync($"Verslag van het gesprek met school ({run})");
        var documentComposer = fatima.GetByTestId("document-composer");
        await documentComposer.GetByRole(AriaRole.Checkbox, new() { Name = "Noor Jansen" }).CheckAsync();
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Document plaatsen" }).ClickAsync();
        await Expect(documentComposer.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{fileName} is geplaatst.");
        var fatimasDocument = fatima.GetByTestId("timeline-entry").Filter(new() { HasText = fileName });
        await Expect(fatimasDocument.GetByTestId("kind-badge")).ToHaveTextAsync("Document");

        // An appointment next week, with Sanne taking part.
        var title = $"Gesprek op school over Noor ({run})";
        var day = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd");
        await fatima.GetByLabel("Afspraak", new() { Exact = true }).CheckAsync();
        await fatima.GetByLabel("Wat voor afspraak").FillAsync(title);
        await fatima.GetByLabel("Datum", new() { Exact = true }).FillAsync(day);
        await fatima.GetByLabel("Tijd", new() { Exact = true }).FillAsync("10:00");
        await fatima.GetByLabel("Duur", new() { Exact = true }).SelectOptionAsync("60");
        await fatima.GetByLabel("Plaats (optioneel)").FillAsync("Basisschool De Regenboog");
        var participants = fatima.GetByTestId("appointment-participants");
        await participants.GetByRole(AriaRole.Checkbox, new() { Name = "Noor Jansen" }).CheckAsync();
        await participants.GetByRole(AriaRole.Checkbox, new() { Name = "Sanne Jansen" }).CheckAsync();
        await AssertNoSeriousViolationsAsync(fatima);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Afspraak plaatsen" }).ClickAsync();
        await Expect(fatima.GetByTestId("appointment-composer").GetByRole(AriaRole.Status)).ToContainTextAsync("is geplaatst");
        await Expect(fatima.GetByTestId("timeline-entry").Filter(new() { HasText = title }).GetByTestId("appointment-when"))
            .ToContainTextAsync("10:00 tot 11:00");

        // The parent sees both arrive on the family board, in the same page.
        var document = sanne.GetByTestId("timeline-entry").Filter(new() { HasText = fileName });
        var appointment = sanne.GetByTestId("timeline-entry").Filter(new() { HasText = title });
        await Expect(document).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(appointment).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.True(await sanne.EvaluateAsync<bool>("window.__noReload === true"));
        await Expect(document.GetByTestId("kind-badge")).ToHaveTextAsync("Document");
        await Expect(document.GetByTestId("about-badge")).ToHaveTextAsync("Over Noor Jansen");
        await Expect(appointment.GetByTestId("kind-badge")).ToHaveTextAsync("Afspraak");
        await Expect(appointment.GetByTestId("appointment-place")).ToHaveTextAsync("Basisschool De Regenboog");

        // She downloads the PDF and the appointment for her calendar.
        var pdf = await sanne.RunAndWaitForDownloadAsync(() => document.GetByTestId("document-download").ClickAsync());
        Assert.Equal(fileName, pdf.SuggestedFilename);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await File.ReadAllBytesAsync((await pdf.PathAsync())!, TestContext.Current.CancellationToken)));
        var preview = await sanne.APIRequest.GetAsync(platform.WebUrl + await document.GetByTestId("document-preview").GetAttributeAsync("href"));
        Assert.Equal(200, preview.Status);
        Assert.StartsWith("application/pdf", preview.Headers["content-type"]);
        Assert.StartsWith("inline", preview.Headers["content-disposition"]);
        Assert.Equal("nosniff", preview.Headers["x-content-type-options"]);
        var ics = await sanne.RunAndWaitForDownloadAsync(() => appointment.GetByTestId("appointment-ics").ClickAsync());
        Assert.EndsWith(".ics", ics.SuggestedFilename);
        var calendar = await File.ReadAllTextAsync((await ics.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Contains("BEGIN:VCALENDAR", calendar);
        Assert.Contains("UID:", calendar);
        Assert.Contains(run, calendar);

        // She replies under the document; the professional sees the reply arrive.
        var reply = $"Dank u, ik lees het vanavond ({run})";
        await document.GetByRole(AriaRole.Button, new() { Name = "Reageren" }).ClickAsync();
        await document.GetByLabel("Uw reactie").FillAsync(reply);
        await document.GetByRole(AriaRole.Button, new() { Name = "Reactie plaatsen" }).ClickAsync();
        await Expect(document.GetByTestId("reply")).ToContainTextAsync(reply);
        await Expect(fatimasDocument.GetByTestId("reply")).ToContainTextAsync(reply, new() { Timeout = 20_000 });
        Assert.True(await sanne.EvaluateAsync<bool>("window.__noReload === true"));

        await AssertNoSeriousViolationsAsync(sanne);
        Assert.True(await sanne.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The board scrolls sideways on a phone.");

        // Taking part, she finds it under "Binnenkort" on her home page too.
        await sanne.GetByRole(AriaRole.Link, new() { Name = "Network", Exact = true }).ClickAsync();
        await Expect(sanne.GetByTestId("upcoming").GetByTestId("upcoming-appointment").Filter(new() { HasText = title })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(sanne);
    }

    [Fact]
    public async Task a_closed_themed_board_stays_readable_without_a_composer_and_its_items_stay_on_the_family_board()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo", Phone);
        var boardTitle = $"School {run}";
        await fatima.GotoAsync($"{platform.WebUrl}/gezinnen/{JansenFamily}");
        await fatima.GetByLabel("Nieuw themabord (bijvoorbeeld: School)").FillAsync(boardTitle);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Bord openen" }).ClickAsync();
        await Expect(fatima.GetByRole(AriaRole.Heading, new() { Name = boardTitle, Level = 1 })).ToBeVisibleAsync();
        var text = $"Overleg met de intern begeleider ({run})";
        await fatima.GetByLabel("Nieuwe notitie").FillAsync(text);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        await Expect(fatima.GetByTestId("timeline").GetByText(text)).ToBeVisibleAsync();

        await fatima.GetByText("Dit bord sluiten").ClickAsync();
        await fatima.GetByLabel("Waarom sluit u het bord? (optioneel)").FillAsync("Het schooljaar is afgerond");
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Bord sluiten" }).ClickAsync();

        await Expect(fatima.GetByTestId("board-closed")).ToBeVisibleAsync();
        await Expect(fatima.GetByTestId("item-composer")).ToHaveCountAsync(0);
        await Expect(fatima.GetByTestId("timeline").GetByText(text)).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(fatima);

        await fatima.GetByRole(AriaRole.Link, new() { Name = "Gezinsbord Jansen" }).First.ClickAsync();
        await Expect(fatima.GetByRole(AriaRole.Heading, new() { Name = "Gezinsbord Jansen", Level = 1 })).ToBeVisibleAsync();
        await Expect(fatima.GetByTestId("timeline").GetByText(text)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task downloads_go_through_the_web_app_with_the_users_token_and_an_unknown_item_stays_404()
    {
        var sanne = await platform.LoggedInPageAsync("sanne.jansen@gezin.demo");
        var unknown = Guid.NewGuid();

        foreach (var path in new[] { $"/bestanden/{unknown}", $"/bestanden/{unknown}/voorbeeld", $"/afspraken/{unknown}.ics" })
        {
            var response = await sanne.APIRequest.GetAsync(platform.WebUrl + path, new() { MaxRedirects = 0 });
            Assert.Equal(404, response.Status);
        }

        var anonymous = await platform.Browser.NewContextAsync();
        var page = await anonymous.NewPageAsync();
        var redirected = await page.APIRequest.GetAsync($"{platform.WebUrl}/bestanden/{unknown}", new() { MaxRedirects = 0 });
        Assert.Equal(302, redirected.Status);
        await anonymous.CloseAsync();
    }

    [Fact]
    public async Task the_search_page_finds_a_readable_item_and_links_to_its_board()
    {
        var fatima = await platform.LoggedInPageAsync("fatima@buurtteam.demo");
        await BoardJourneyTests.OpenBoardAsync(fatima, "Gezinsbord Jansen");
        var word = $"zwemdiploma{Guid.NewGuid():N}"[..20];
        await fatima.GetByLabel("Nieuwe notitie").FillAsync($"Daan haalt zijn {word} op zaterdag");
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        await Expect(fatima.GetByTestId("timeline").GetByText(word)).ToBeVisibleAsync();

        await fatima.GetByRole(AriaRole.Link, new() { Name = "Zoeken" }).ClickAsync();
        await fatima.GetByLabel("Zoekwoorden").FillAsync(word);
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var hit = fatima.GetByTestId("search-hit");
        await Expect(hit).ToHaveCountAsync(1);
        await Expect(hit).ToContainTextAsync("Gezin Jansen");
        await AssertNoSeriousViolationsAsync(fatima);

        await hit.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(fatima.GetByRole(AriaRole.Heading, new() { Name = "Gezinsbord Jansen", Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0,
            string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
