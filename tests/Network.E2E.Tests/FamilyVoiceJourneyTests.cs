extern alias api;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Network.Contracts;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;
using static Microsoft.Playwright.Assertions;
using NetworkUser = api::Network.Api.Infrastructure.Auth.NetworkUser;

namespace Network.E2E.Tests;

/// <summary>
/// The family's own voice on a 360 px phone: Eva (16) hides medical information from her parents,
/// her mother sees it go at once with a plain note that Eva decided, and agrees to a new plan
/// version from her home in one tap. Only Gezin Bos changes here (no other journey uses it).
/// </summary>
[Collection(nameof(PlatformCollection))]
public sealed partial class FamilyVoiceJourneyTests(PlatformFixture platform)
{
    private static readonly Guid Bos = Guid.Parse("0193a000-0000-7000-8000-00000000f003");
    private static readonly Guid BosBoard = Guid.Parse("0193a000-0000-7000-8000-00000000b003");
    private static readonly Guid Eva = Guid.Parse("0193a000-0000-7000-8000-000000000110");
    private static readonly Guid Tim = Guid.Parse("0193a000-0000-7000-8000-000000000109");

    private static BrowserNewContextOptions Phone(string locale = "nl-NL") =>
        new() { Locale = locale, ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true };

    private static BrowserNewContextOptions Desk(string locale = "nl-NL") => new() { Locale = locale, ViewportSize = new() { Width = 1280, Height = 800 } };

    [Fact]
    public async Task the_youth_hides_medical_from_her_parents_and_the_parent_agrees_to_the_plan_from_her_home()
    {
        // The scene, through the commands the endpoints send: the youth doctor joins for Eva on her own consent
        // and writes for the family; the coordinator puts a goal for Tim in the plan and publishes a version.
        var text = $"Eva was bij de jeugdarts voor een controle ({Guid.NewGuid():N})";
        await using (var scope = platform.ApiServices.CreateAsyncScope())
        {
            var m = scope.ServiceProvider.GetRequiredService<IMediator>();
            var ct = TestContext.Current.CancellationToken;
            var (fatima, sophie, youth) = (await ActorAsync(scope, "fatima@buurtteam.demo"), await ActorAsync(scope, "sophie@jgz.demo"), await ActorAsync(scope, "eva.bos@gezin.demo"));
            await m.Send(new api::Network.Api.Features.Families.Network.InviteProfessional(fatima, Bos, sophie.UserId.Value, Network.Domain.Families.MembershipBasis.Consent, [Eva], null), ct);
            await m.Send(new api::Network.Api.Features.Families.Consent.GiveConsent(youth, Bos, sophie.UserId.Value, Eva, null), ct);
            await m.Send(new api::Network.Api.Features.Items.PostItem.PostItem(sophie, BosBoard,
                new PostItemRequest(text, InformationCategory.Medical, [Eva], AudienceKind.Everyone)), ct);
            await m.Send(new api::Network.Api.Features.Plans.AddPlanItem.AddPlanItem(fatima, Bos,
                new AddPlanItemRequest(Network.Domain.Items.ItemKind.Goal, "Tim slaapt weer goed", [Tim], "Vijf nachten per week doorslapen", 4)), ct);
            await m.Send(new api::Network.Api.Features.Plans.PublishVersion.PublishPlanVersion(fatima, Bos), ct);
        }

        var linda = await platform.LoggedInPageAsync("linda.bos@gezin.demo", Phone());
        await linda.GotoAsync($"{platform.WebUrl}/boards/{BosBoard}");
        var medical = linda.GetByTestId("timeline-entry").Filter(new() { HasText = text });
        await Expect(medical).ToBeVisibleAsync();
        await Expect(linda.GetByTestId("youth-decides-note")).ToContainTextAsync("Eva Bos is 16 of ouder en kiest zelf wat u over hem of haar ziet.");
        await AssertFitsAsync(linda);

        // Eva, on her phone, hides medical information from her parents.
        var eva = await platform.LoggedInPageAsync("eva.bos@gezin.demo", Phone());
        var say = eva.GetByTestId("youth-say");
        await Expect(say.GetByTestId("youth-say-Medical").GetByTestId("youth-say-state")).ToContainTextAsync("Je ouders zien dit.");
        await AssertFitsAsync(eva);
        await AssertNoViolationsAsync(eva);
        await say.GetByTestId("youth-say-hide-Medical").ClickAsync();
        await Expect(say.GetByTestId("youth-say-Medical").GetByTestId("youth-say-state")).ToContainTextAsync("Je ouders zien dit niet.");

        // Her mother's board follows at once: the item goes, the plain note stays, nothing says what is hidden.
        await Expect(medical).ToHaveCountAsync(0);
        await Expect(linda.GetByTestId("live-status")).ToHaveTextAsync("Wat u op dit bord ziet is bijgewerkt.");
        await Expect(linda.GetByTestId("youth-decides-note")).ToContainTextAsync("Daarom ziet u misschien niet alles over Eva Bos.");
        await Expect(linda.Locator("main")).Not.ToContainTextAsync("Medisch");

        // Her home: the new plan version is asked of her; one tap agrees.
        await linda.GotoAsync(platform.WebUrl + "/");
        var asked = linda.GetByTestId("home-asked");
        var version = asked.GetByTestId("home-agree");
        await Expect(version).ToContainTextAsync("Versie 1 van het gezinsplan");
        await AssertFitsAsync(linda);
        await AssertNoViolationsAsync(linda);
        await version.GetByTestId("home-agree-button").ClickAsync();
        await Expect(asked.GetByTestId("home-asked-status")).ToHaveTextAsync("U bent akkoord met versie 1 van het gezinsplan.");
        await Expect(asked.GetByTestId("home-agree")).ToHaveCountAsync(0);
        await Expect(linda.GetByTestId("home-new")).ToContainTextAsync("Veranderingen in het gezinsplan");
    }

    [Fact]
    public async Task every_family_page_fits_a_phone_and_has_no_serious_axe_violations_at_360_and_1280_px()
    {
        string[] pages = ["/", "/gezinnen", $"/gezinnen/{Bos}", $"/boards/{BosBoard}", $"/gezinnen/{Bos}/plan", $"/gezinnen/{Bos}/inzage", "/meldingen", "/zoeken"];
        foreach (var user in new[] { "linda.bos@gezin.demo", "eva.bos@gezin.demo", "kees.bos@gezin.demo" })
        foreach (var (options, phone) in new[] { (Phone(), true), (Desk(), false) })
        {
            var page = await platform.LoggedInPageAsync(user, options);
            foreach (var path in pages)
            {
                await page.GotoAsync(platform.WebUrl + path);
                await page.Locator("main h1").First.WaitForAsync();
                await Expect(page.GetByText("Laden…")).ToHaveCountAsync(0);
                await AssertNoViolationsAsync(page, $"{user} {path} {(phone ? 360 : 1280)} px");
                if (phone) await AssertFitsAsync(page, $"{user} {path}");
            }
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task no_enum_name_shows_on_any_personas_main_pages_in_dutch_or_english()
    {
        var personas = new Dictionary<string, string[]>
        {
            ["linda.bos@gezin.demo"] = ["/", "/gezinnen", $"/gezinnen/{Bos}", $"/boards/{BosBoard}", $"/gezinnen/{Bos}/plan", $"/gezinnen/{Bos}/inzage", "/meldingen"],
            ["eva.bos@gezin.demo"] = ["/", $"/gezinnen/{Bos}", $"/boards/{BosBoard}", "/meldingen"],
            ["fatima@buurtteam.demo"] = ["/", "/gezinnen", $"/gezinnen/{Bos}", $"/boards/{BosBoard}", $"/gezinnen/{Bos}/plan", "/meldingen"],
            ["beheer@network.demo"] = ["/", "/beheer/autorisatietabel", "/meldingen"],
        };
        var names = EnumNames();
        foreach (var (user, paths) in personas)
        foreach (var locale in new[] { "nl-NL", "en-GB" })
        {
            var page = await platform.LoggedInPageAsync(user, Desk(locale));
            if (locale == "en-GB") await page.GotoAsync($"{platform.WebUrl}/language?culture=en-GB&returnUrl=%2F");
            foreach (var path in paths)
            {
                await page.GotoAsync(platform.WebUrl + path);
                await page.Locator("main h1").First.WaitForAsync();
                await Expect(page.GetByText(locale == "nl-NL" ? "Laden…" : "Loading…")).ToHaveCountAsync(0);
                var shown = await page.Locator("body").InnerTextAsync();
                var found = names.Where(n => Regex.IsMatch(shown, $@"\b{n}\b")).ToList();
                Assert.True(found.Count == 0, $"{user} {locale} {path}: {string.Join(", ", found)}");
            }
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The enum names a user could be shown by mistake: every compound name (one word names such as "Medical" are also English words).</summary>
    private static IReadOnlyList<string> EnumNames() =>
    [
        .. new[] { typeof(InformationCategory), typeof(TableColumn), typeof(ActorRole), typeof(AccessBasis), typeof(AccessAction), typeof(AudienceKind),
                   typeof(Network.Domain.Families.MeasureType), typeof(Network.Domain.Families.Relation), typeof(Network.Domain.Families.MembershipBasis),
                   typeof(Network.Domain.Items.ItemKind), typeof(Network.Domain.Plans.ActionStatus), typeof(HomeSection), typeof(StandingKind) }
            .SelectMany(Enum.GetNames).Where(n => CompoundName().IsMatch(n)).Distinct(),
    ];

    [GeneratedRegex("^[A-Z][a-z]+[A-Z]")]
    private static partial Regex CompoundName();

    private static async Task<Actor> ActorAsync(AsyncServiceScope scope, string email)
    {
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<NetworkUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException(email);
        return new Actor(new UserId(user.Id), user.DisplayName, user.Role, user.OrganisationId is { } o ? new OrganisationId(o) : null,
            user.Organisation, user.PersonId is { } p ? new PersonId(p) : null);
    }

    private static async Task AssertNoViolationsAsync(IPage page, string? where = null)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0,
            $"{where}: " + string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    private static async Task AssertFitsAsync(IPage page, string? where = null) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            $"{where ?? page.Url} scrolls sideways on a 360 px phone.");
}
