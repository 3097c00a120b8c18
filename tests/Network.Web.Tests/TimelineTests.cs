using System.Globalization;
using Network.Web.Api;
using Network.Web.Components.Shared;

namespace Network.Web.Tests;

public sealed class TimelineTests : BunitContext
{
    private static TimelineEntry Entry(long version, string author, string text) =>
        new(Guid.CreateVersion7(), version, "note", Guid.CreateVersion7(), author, "YouthCare", text,
            new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero).AddMinutes(version));

    [Fact]
    public void an_empty_board_says_so_in_dutch()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

        var cut = Render<Timeline>(p => p.Add(t => t.Entries, []));

        Assert.Equal("Er staat nog niets op dit bord.", cut.Find("[data-testid=timeline-empty]").TextContent);
    }

    [Fact]
    public void entries_show_newest_first_with_author_and_role()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

        var cut = Render<Timeline>(p => p.Add(t => t.Entries, [Entry(2, "Jeroen de Vries", "Eerste"), Entry(3, "Fatima", "Tweede")]));

        var items = cut.FindAll("[data-testid=timeline-entry]");
        Assert.Equal(2, items.Count);
        Assert.Contains("Tweede", items[0].TextContent);
        Assert.Contains("Eerste", items[1].TextContent);
        Assert.Contains("(jeugdhulp)", items[1].TextContent);
    }

    [Fact]
    public void text_is_shown_as_text_never_as_markup()
    {
        var cut = Render<Timeline>(p => p.Add(t => t.Entries, [Entry(2, "X", "<script>alert(1)</script>")]));

        Assert.Empty(cut.FindAll("article script"));
        Assert.Contains("<script>alert(1)</script>", cut.Find(".text").TextContent);
    }

    [Fact]
    public void english_users_get_english_texts()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-GB");

        var cut = Render<Timeline>(p => p.Add(t => t.Entries, []));

        Assert.Equal("Nothing on this board yet.", cut.Find("[data-testid=timeline-empty]").TextContent);
    }
}
