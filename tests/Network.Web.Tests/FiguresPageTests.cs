using Network.Domain.Figures;
using Network.Web.Components.Figures;

namespace Network.Web.Tests;

/// <summary>The contract manager's figures page and the list of municipality changes, against the API as a page sees it.</summary>
public sealed class FiguresPageTests : BunitContext
{
    public FiguresPageTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    private static FigureRow Row(string municipality, string month, int? children) => new(
        municipality, month, 3, children,
        [.. Enum.GetValues<Framework>().Select(f => new FrameworkCount(f, f == Framework.Criminal ? null : 2))],
        [.. Enum.GetValues<MeasureType>().Select(t => new MeasureCount(t, 0))],
        [.. Enum.GetValues<MeasureType>().Select(t => new MeasureCount(t, 0))],
        null, 7);

    [Fact]
    public void the_newest_month_shows_per_municipality_with_suppressed_cells_worded()
    {
        var api = FakeApi.AddTo(this);
        api.On(HttpMethod.Get, "/api/figures", new FiguresReport(5, DateTimeOffset.UtcNow,
            [Row("Utrecht", "2026-11", 6), Row("Zeist", "2026-11", null), Row("Utrecht", "2026-10", 2)]));

        var cut = Render<FiguresPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=figures-municipality]").Count));
        Assert.Equal("2026-11", cut.Find("[data-testid=figures-month]").GetAttribute("value"));
        Assert.Equal(["6", "minder dan 5"], cut.FindAll("[data-testid=figure-children]").Select(c => c.TextContent));
        Assert.Contains("Aantallen onder de 5 tonen we niet", cut.Find("[data-testid=figures-threshold]").TextContent);
        Assert.Equal("/cijfers.csv", cut.Find("[data-testid=figures-csv]").GetAttribute("href"));
        Assert.Contains("strafrechtelijk (jeugdreclassering)", cut.Markup);

        cut.Find("[data-testid=figures-month]").Change("2026-10");
        Assert.Single(cut.FindAll("[data-testid=figures-municipality]"));
    }

    [Fact]
    public void someone_who_is_not_a_contract_manager_reads_why_there_are_no_figures()
    {
        var api = FakeApi.AddTo(this);
        api.On(HttpMethod.Get, "/api/figures", _ => FakeApi.Problem(403, "request.not-allowed"));

        var cut = Render<FiguresPage>();

        cut.WaitForAssertion(() => Assert.Contains("contractmanagers", cut.Find("[data-testid=figures-error]").TextContent));
    }

    [Fact]
    public void municipality_changes_are_grouped_per_new_municipality_with_date_and_fact()
    {
        var api = FakeApi.AddTo(this);
        var family = Guid.CreateVersion7();
        api.On(HttpMethod.Get, "/api/municipality-changes", new MunicipalityChangesView(
        [
            new("Amersfoort", Guid.CreateVersion7(), "Emre Yılmaz", new DateOnly(2016, 9, 9), family, "Gezin Yılmaz",
                new DateOnly(2026, 11, 20), "Utrecht", "Amersfoort", ResponsibilityFact.AddressChanged),
            new("Zeist", Guid.CreateVersion7(), "Tim Bos", new DateOnly(2017, 2, 2), family, "Gezin Bos",
                new DateOnly(2026, 10, 1), "Utrecht", "Zeist", ResponsibilityFact.PlacementEnded),
        ]));

        var cut = Render<MunicipalityChanges>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=changes-municipality]").Count));
        var first = cut.FindAll("[data-testid=change-row]")[0].TextContent;
        Assert.Contains("Emre Yılmaz", first);
        Assert.Contains("20-11-2026", first);
        Assert.Contains("adres in het register gewijzigd", first);
        Assert.Equal("/gemeentewisselingen.csv", cut.Find("[data-testid=changes-csv]").GetAttribute("href"));
    }
}
