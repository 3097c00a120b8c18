using Network.Web.Components.Boards;
using static Network.Web.Tests.Samples;

namespace Network.Web.Tests;

public sealed class TimelineTests : BunitContext
{
    public TimelineTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    [Fact]
    public void an_empty_board_says_so_in_dutch()
    {
        var cut = Render<Timeline>(p => p.Add(t => t.Entries, []));

        Assert.Equal("Er staat nog niets op dit bord.", cut.Find("[data-testid=timeline-empty]").TextContent);
    }

    [Fact]
    public void entries_show_newest_first_with_author_role_and_category_in_words()
    {
        var cut = Render<Timeline>(p => p.Add(t => t.Entries,
            [Item(2, "Jeroen de Vries", "Eerste", category: InformationCategory.CourtMeasure), Item(3, "Fatima", "Tweede")]));

        var items = cut.FindAll("[data-testid=timeline-entry]");
        Assert.Equal(2, items.Count);
        Assert.Contains("Tweede", items[0].TextContent);
        Assert.Contains("Eerste", items[1].TextContent);
        Assert.Contains("(jeugdhulp, Jeugdhulp De Brug)", items[1].TextContent);
        Assert.Contains("Maatregel (civiel)", items[1].TextContent);
        Assert.DoesNotContain("CourtMeasure", cut.Markup);
        Assert.DoesNotContain("YouthCare", cut.Markup);
    }

    [Fact]
    public void a_corrected_item_is_marked_and_its_history_opens_with_every_text()
    {
        var item = Item(5, "Jeroen de Vries", "Huisbezoek op woensdag", corrected: true, itemVersion: 2);
        var history = new ItemHistory(item.ItemId,
        [
            new ItemChange(1, "posted", Monday, "Jeroen de Vries", "Huisbezoek op dinsdag", null, Guid.Empty),
            new ItemChange(2, "corrected", Monday.AddHours(1), "Jeroen de Vries", "Huisbezoek op woensdag", "verkeerde dag", null),
        ]);
        var cut = Render<Timeline>(p => p.Add(t => t.Entries, [item]).Add(t => t.Actions, Actions(history: _ => Task.FromResult<ItemHistory?>(history))));

        Assert.Equal("gecorrigeerd", cut.Find("[data-testid=corrected]").TextContent);
        cut.FindAll("button").Single(b => b.TextContent.Contains("Geschiedenis bekijken")).Click();

        var changes = cut.FindAll("[data-testid=history-change]");
        Assert.Equal(2, changes.Count);
        Assert.Contains("Geplaatst", changes[0].TextContent);
        Assert.Contains("Huisbezoek op dinsdag", changes[0].TextContent);
        Assert.Contains("Gecorrigeerd", changes[1].TextContent);
        Assert.Contains("Reden: verkeerde dag", changes[1].TextContent);
    }

    [Fact]
    public void an_item_entered_in_error_is_struck_through_with_its_reason_and_cannot_be_corrected()
    {
        var cut = Render<Timeline>(p => p
            .Add(t => t.Entries, [Item(4, "Jeroen de Vries", "Daan is ziek", enteredInError: true, errorReason: "Verkeerd gezin")])
            .Add(t => t.Actions, Actions()));

        Assert.Equal("Daan is ziek", cut.Find(".text del").TextContent);
        Assert.Contains("Onjuist ingevoerd: Verkeerd gezin", cut.Find("[data-testid=entered-in-error]").TextContent);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent == "Corrigeren");
    }

    [Fact]
    public void the_author_corrects_an_item_and_the_version_read_goes_with_it()
    {
        var item = Item(4, "Fatima", "Afspraak om 10 uur", mayCorrect: true, itemVersion: 3);
        var corrections = new List<(ItemView Item, string Text, string? Reason)>();
        var cut = Render<Timeline>(p => p.Add(t => t.Entries, [item]).Add(t => t.Actions, Actions(correct: (i, text, reason) =>
        {
            corrections.Add((i, text, reason));
            return Task.FromResult<string?>(null);
        })));

        cut.FindAll("button").Single(b => b.TextContent == "Corrigeren").Click();
        Assert.Equal("Afspraak om 10 uur", cut.Find("[data-testid=correct-form] textarea").GetAttribute("value"));
        cut.Find("[data-testid=correct-form] textarea").Input("Afspraak om 11 uur");
        cut.Find("[data-testid=correct-form] input").Change("tijd verkeerd");
        cut.Find("[data-testid=correct-form]").Submit();

        var (sentItem, text, reason) = Assert.Single(corrections);
        Assert.Equal((3L, "Afspraak om 11 uur", "tijd verkeerd"), (sentItem.ItemVersion, text, reason));
        Assert.Empty(cut.FindAll("[data-testid=correct-form]"));
    }

    [Fact]
    public void when_someone_else_changed_the_item_the_form_stays_open_with_the_message()
    {
        const string stale = "Iemand anders heeft dit bericht intussen gewijzigd.";
        var cut = Render<Timeline>(p => p
            .Add(t => t.Entries, [Item(4, "Fatima", "Tekst", mayCorrect: true)])
            .Add(t => t.Actions, Actions(correct: (_, _, _) => Task.FromResult<string?>(stale))));

        cut.FindAll("button").Single(b => b.TextContent == "Corrigeren").Click();
        cut.Find("[data-testid=correct-form] textarea").Input("Nieuwe tekst");
        cut.Find("[data-testid=correct-form]").Submit();

        Assert.Equal(stale, cut.Find("[role=alert]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=correct-form]"));
    }

    [Fact]
    public void marking_as_entered_in_error_needs_a_reason()
    {
        var marked = new List<string>();
        var cut = Render<Timeline>(p => p
            .Add(t => t.Entries, [Item(4, "Fatima", "Tekst", mayCorrect: true)])
            .Add(t => t.Actions, Actions(mark: (_, reason) => { marked.Add(reason); return Task.FromResult<string?>(null); })));

        cut.FindAll("button").Single(b => b.TextContent == "Onjuist ingevoerd").Click();
        cut.Find("[data-testid=error-form]").Submit();
        Assert.Equal("Zeg waarom dit onjuist is ingevoerd.", cut.Find("[role=alert]").TextContent);

        cut.Find("[data-testid=error-form] input").Input("Hoort bij een ander gezin");
        cut.Find("[data-testid=error-form]").Submit();
        Assert.Equal(["Hoort bij een ander gezin"], marked);
    }

    [Fact]
    public void why_gives_the_reasons_the_page_found()
    {
        var cut = Render<Timeline>(p => p
            .Add(t => t.Entries, [Item(4, "Fatima", "Tekst")])
            .Add(t => t.Actions, Actions()));

        cut.FindAll("button").Single(b => b.TextContent == "Waarom zie ik dit?").Click();

        Assert.Equal("U bent ouder met gezag.", cut.Find("[data-testid=why]").TextContent);
    }

    [Fact]
    public void text_is_shown_as_text_never_as_markup()
    {
        var cut = Render<Timeline>(p => p.Add(t => t.Entries, [Item(2, "X", "<script>alert(1)</script>")]));

        Assert.Empty(cut.FindAll("article script"));
        Assert.Contains("<script>alert(1)</script>", cut.Find(".text").TextContent);
    }

    [Fact]
    public void an_item_with_a_role_this_app_does_not_know_yet_still_shows()
    {
        var cut = Render<Timeline>(p => p.Add(t => t.Entries, [Item(2, "Nieuwe rol", "Hallo", role: (ActorRole)(-1), category: (InformationCategory)(-1))]));

        Assert.Contains("(gebruiker, Jeugdhulp De Brug)", cut.Find("[data-testid=timeline-entry]").TextContent);
        Assert.Contains("Overig", cut.Find("[data-testid=timeline-entry]").TextContent);
    }

    [Fact]
    public void english_users_get_english_texts()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-GB");

        var cut = Render<Timeline>(p => p.Add(t => t.Entries, []));

        Assert.Equal("Nothing on this board yet.", cut.Find("[data-testid=timeline-empty]").TextContent);
    }

    private static ItemActions Actions(
        Func<Guid, Task<ItemHistory?>>? history = null,
        Func<ItemView, string, string?, Task<string?>>? correct = null,
        Func<ItemView, string, Task<string?>>? mark = null) => new(
        _ => Task.FromResult<string?>("U bent ouder met gezag."),
        history ?? (_ => Task.FromResult<ItemHistory?>(null)),
        correct ?? ((_, _, _) => Task.FromResult<string?>(null)),
        mark ?? ((_, _) => Task.FromResult<string?>(null)),
        (_, _) => Task.FromResult<string?>(null));
}
