using System.Text.RegularExpressions;
using Network.Web.Components.Accounts;

namespace Network.Web.Tests;

/// <summary>The account screens as components: the invitation form, the consent on behalf form, my account.</summary>
public sealed class AccountComponentTests : BunitContext
{
    public AccountComponentTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    private static readonly Guid FamilyId = Guid.CreateVersion7();
    private static readonly Guid Sanne = Guid.CreateVersion7(), Noor = Guid.CreateVersion7(), Daan = Guid.CreateVersion7();

    private static ChildView Child(Guid id, string name, int age) =>
        new(id, name, ChildAccess.Full, [], null, age, null, null, [], [], []);

    private static FamilyView Family() => new(FamilyId, "Gezin Jansen", 4, null, true, null,
        [Child(Noor, "Noor Jansen", 14), Child(Daan, "Daan Jansen", 8)], [new AdultView(Sanne, "Sanne Jansen", Relation.Parent)],
        [], [], [], [], new DateOnly(2026, 11, 23));

    [Fact]
    public void the_invitation_offers_adults_and_youths_from_12_and_shows_the_code_once_sent()
    {
        var api = FakeApi.AddTo(this);
        api.On(HttpMethod.Post, $"/api/families/{FamilyId}/invitations",
            new InvitationView(Guid.CreateVersion7(), Noor, "Noor Jansen", "noor@gezin.test", ActorRole.Youth, "ABCDE-FGH23", DateTimeOffset.UtcNow.AddDays(14)));
        var cut = Render<FamilyInviteForm>(p => p.Add(f => f.Family, Family()));

        var options = cut.FindAll("#member-pick option").Select(o => o.TextContent).ToList();
        Assert.Equal(["Sanne Jansen (ouder)", "Noor Jansen (jongere)"], options);
        cut.Find("#member-pick").Change(Noor.ToString());
        cut.Find("#member-email").Change("noor@gezin.test");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("ABCDE-FGH23", cut.Find("[data-testid=invitation-code]").TextContent));
        Assert.Contains("noor@gezin.test", cut.Find("[data-testid=invitation-sent]").TextContent);
        var sent = api.Requests.Single(r => r.Method == HttpMethod.Post);
        Assert.Contains($"\"personId\":\"{Noor}\"", sent.Body);
    }

    [Fact]
    public void a_refused_invitation_shows_the_reason_in_words()
    {
        var api = FakeApi.AddTo(this);
        api.On(HttpMethod.Post, $"/api/families/{FamilyId}/invitations", _ => FakeApi.Problem(409, "invitation.has-account"));
        var cut = Render<FamilyInviteForm>(p => p.Add(f => f.Family, Family()));
        cut.Find("#member-email").Change("sanne@gezin.test");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Deze persoon heeft al een account.", cut.Find("[role=alert]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=invitation-code]"));
    }

    [Fact]
    public void my_account_says_whether_two_factor_is_on_and_links_to_the_account_pages()
    {
        var api = FakeApi.AddTo(this);
        api.On(HttpMethod.Get, "/api/me/account",
            new MyAccountView("Fatima El Amrani", "fatima@buurtteam.demo", ActorRole.NeighbourhoodTeam, "Buurtteam Utrecht-Oost", false, true, "http://api.test"));
        var cut = Render<MyAccount>();
        cut.WaitForAssertion(() => Assert.Contains("verplicht, nog niet ingesteld", cut.Find("[data-testid=my-account]").TextContent));
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == "http://api.test/account/2fa/setup?returnUrl=%2Faccount%2Fdone");
        Assert.Matches(new Regex("Buurtteam Utrecht-Oost"), cut.Markup);
    }
}
