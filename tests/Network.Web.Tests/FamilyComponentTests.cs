using Network.Web.Components.Families;
using System.Text.RegularExpressions;
using static Network.Web.Tests.Samples;

namespace Network.Web.Tests;

public sealed class FamilyComponentTests : BunitContext
{
    public FamilyComponentTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    [Fact]
    public void a_duplicate_the_user_may_not_see_shows_only_that_it_exists_and_offers_to_link()
    {
        var hidden = new DuplicateView(Guid.CreateVersion7(), false, null, null, DuplicateReason.SameBsn);
        var linked = new List<DuplicateView>();
        var cut = Render<DuplicateWarning>(p => p
            .Add(d => d.Duplicates, [hidden])
            .Add(d => d.TypedName, "Mark de Boer")
            .Add(d => d.OnLink, d => linked.Add(d))
            .Add(d => d.OnRegisterAnyway, () => { }));

        var entry = cut.Find("[data-testid=duplicate]");
        Assert.Contains("Deze persoon staat al in het register.", entry.TextContent);
        Assert.Contains("(Mark de Boer)", entry.TextContent);
        Assert.DoesNotContain("BSN", entry.TextContent);
        cut.FindAll("button").Single(b => b.TextContent == "Koppel aan het bestaande record").Click();
        Assert.Equal([hidden], linked);
    }

    [Fact]
    public void a_duplicate_the_user_may_see_shows_name_and_date_of_birth()
    {
        var visible = new DuplicateView(Guid.CreateVersion7(), true, "Lotte de Boer", new DateOnly(2019, 2, 2), DuplicateReason.SimilarNameSameDateOfBirth);
        var cut = Render<DuplicateWarning>(p => p
            .Add(d => d.Duplicates, [visible]).Add(d => d.OnLink, _ => { }).Add(d => d.OnRegisterAnyway, () => { }));

        Assert.Contains("Lotte de Boer, 2-2-2019", cut.Find("[data-testid=duplicate]").TextContent);
        Assert.Contains("lijkt op de naam, zelfde geboortedatum", cut.Find("[data-testid=duplicate]").TextContent);
        Assert.DoesNotContain("SimilarName", cut.Markup);
    }

    [Fact]
    public void a_pending_child_shows_its_name_and_nothing_else()
    {
        var child = new ChildView(Guid.CreateVersion7(), "Sem de Boer", ChildAccess.Pending,
            [new ReasonView(Reasons.ConsentPending, Args())], null, null, null, null, [], [], []);

        var cut = Render<ChildCard>(p => p.Add(c => c.Child, child).Add(c => c.IsProfessional, true));

        Assert.Equal("pending", cut.Find("[data-testid=child]").GetAttribute("data-access"));
        Assert.Contains("Wacht op toestemming van het gezin", cut.Markup);
        Assert.Empty(cut.FindAll("dl"));
        Assert.Contains("Het gezin gaf (nog) geen toestemming voor dit kind.", cut.Find("[data-testid=standing]").TextContent);
    }

    [Fact]
    public void a_measure_known_only_to_exist_has_no_organisation_and_a_secret_address_stays_secret()
    {
        var child = new ChildView(Guid.CreateVersion7(), "Lars Bos", ChildAccess.Full, [new ReasonView(Reasons.ParentWithAuthority, Args())],
            new DateOnly(2014, 5, 5), 12, null, "Utrecht", [],
            [new MeasureView(Guid.CreateVersion7(), MeasureType.MachtigingUithuisplaatsing, null, new DateOnly(2026, 5, 1), null, true)],
            [new PlacementView(Guid.CreateVersion7(), new DateOnly(2026, 5, 1), null, true, null)]);

        var cut = Render<ChildCard>(p => p.Add(c => c.Child, child));

        Assert.StartsWith("Machtiging uithuisplaatsing · 1-5-2026", Words(cut.Find("[data-testid=measure]").TextContent));
        Assert.Contains("geheim adres", cut.Find("[data-testid=placement]").TextContent);
        Assert.DoesNotContain("MachtigingUithuisplaatsing", cut.Markup);
        Assert.Contains("U bent ouder met gezag.", cut.Find("[data-testid=standing]").TextContent);
    }

    private static string Words(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
