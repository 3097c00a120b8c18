using Network.Web.Components.Boards;
using Network.Web.Components.Plans;
using Pages = Network.Web.Components.Pages;
using static Network.Web.Tests.PlanSamples;

namespace Network.Web.Tests;

/// <summary>The plan on the board's timeline, "Mijn acties" on the home page, and the plan in English.</summary>
public sealed class PlanComponentTests : BunitContext
{
    public PlanComponentTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    private static ItemView Entry(ItemKind kind, string author, string text, ItemPlanView plan, bool mayCorrect = false) =>
        Samples.Item(5, author, text, mayCorrect: mayCorrect, category: InformationCategory.Plan) with { Kind = kind, Plan = plan };

    [Fact]
    public void the_timeline_tells_plan_versions_agreements_goals_and_actions_in_words_and_links_to_the_plan()
    {
        var none = new ItemPlanView(null, null, null, null, null, null, ProposalState.None, null, null, null);
        var cut = Render<Timeline>(p => p.Add(t => t.FamilyId, FamilyId).Add(t => t.Entries,
        [
            Entry(ItemKind.PlanVersion, "Fatima El Amrani", "3", none with { VersionNumber = 3 }),
            Entry(ItemKind.PlanAgreement, "Sanne Jansen", "Fijn zo", none with { AgreesToVersion = 3, Agrees = true }),
            Entry(ItemKind.PlanAgreement, "Noor Jansen", "", none with { AgreesToVersion = 3, Agrees = false }),
            Entry(ItemKind.Goal, "Fatima El Amrani", "Rust in huis", none with { Target = "Geen ruzie", Scale = 6 }, mayCorrect: true),
            Entry(ItemKind.Action, "Sanne Jansen", "Samen eten", none with
            {
                Due = new DateOnly(2026, 12, 1), OwnerName = "Sanne Jansen", Status = ActionStatus.InProgress, Proposal = ProposalState.Proposed,
            }),
        ]).Add(t => t.Actions, new ItemActions(_ => Task.FromResult<string?>(null), _ => Task.FromResult<ItemHistory?>(null),
            (_, _, _) => Task.FromResult<string?>(null), (_, _) => Task.FromResult<string?>(null), (_, _) => Task.FromResult<string?>(null))));

        Assert.Equal("Versie 3 van het gezinsplan gepubliceerd", cut.Find("[data-testid=plan-version]").TextContent);
        var agreements = cut.FindAll("[data-testid=plan-agreement]").Select(a => a.TextContent).ToList();
        Assert.Contains("Sanne Jansen heeft akkoord gegeven op versie 3", agreements);
        Assert.Contains("Noor Jansen is niet akkoord met versie 3", agreements);
        Assert.Equal("Fijn zo", cut.Find("blockquote.comment").TextContent);
        var lines = cut.FindAll("[data-testid=plan-line]").Select(l => l.TextContent).ToList();
        Assert.Contains("Bereikt als: Geen ruzie · Nu: 6 van de 10", lines);
        Assert.Contains("Wie: Sanne Jansen · Klaar op: 1-12-2026 · Stand: Bezig · Voorstel: wacht op een besluit", lines);
        Assert.Contains(cut.FindAll("[data-testid=plan-kind]"), k => k.TextContent == "Doel");
        Assert.All(cut.FindAll("a.plan-link"), a => Assert.Equal($"/gezinnen/{FamilyId}/plan", a.GetAttribute("href")));
        Assert.Equal(5, cut.FindAll("a.plan-link").Count);
        // A plan item is changed on the plan page, not corrected as a note.
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent == "Corrigeren");
        Assert.DoesNotContain("Notitie van", cut.Markup);
        Assert.DoesNotContain("PlanVersion", cut.Markup.Replace("data-kind=\"PlanVersion\"", ""));
    }

    [Fact]
    public void my_actions_link_to_their_plan_and_a_quick_status_change_sends_the_actions_version()
    {
        var api = FakeApi.AddTo(this);
        var late = new MyActionView(Guid.CreateVersion7(), 4, FamilyId, "Gezin Jansen", "Leerkracht bellen", "Daan gaat naar school",
            new DateOnly(2026, 11, 1), ActionStatus.Open, true);
        var later = new MyActionView(Guid.CreateVersion7(), 1, Guid.CreateVersion7(), "Gezin Bos", "Huisbezoek", null, null, ActionStatus.InProgress, false);
        api.On(HttpMethod.Get, "/api/my/actions", new List<MyActionView> { late, later })
            .On(HttpMethod.Post, $"/api/plan/items/{late.ItemId}/status", new ItemChangedResponse(late.ItemId, 5), etag: 5);
        var cut = Render<MyActions>();

        var items = cut.WaitForElements("[data-testid=my-action]");
        Assert.Equal(2, items.Count);
        Assert.Equal("te laat", items[0].QuerySelector("[data-testid=overdue]")!.TextContent);
        Assert.Equal($"/gezinnen/{FamilyId}/plan", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Gezin Jansen · doel: Daan gaat naar school", items[0].TextContent);
        Assert.Equal("Bezig", items[1].QuerySelector("[data-testid=my-action-status]")!.TextContent);

        cut.Find($"#my-status-{late.ItemId:N}").Change("Dropped");
        cut.FindAll("[data-testid=my-action-form]")[0].Submit();
        cut.WaitForAssertion(() => Assert.Equal("Zeg waarom de actie vervalt.", cut.Find("[data-testid=my-action] [role=alert]").TextContent));
        cut.Find($"#my-reason-{late.ItemId:N}").Input("School belde zelf");
        cut.FindAll("[data-testid=my-action-form]")[0].Submit();

        cut.WaitForAssertion(() => Assert.Equal("Opgeslagen.", cut.Find("[data-testid=my-action] [role=status]").TextContent));
        var post = Assert.Single(api.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal("\"4\"", post.IfMatch);
        Assert.Contains("\"status\":\"Dropped\"", post.Body);
        Assert.Contains("\"reason\":\"School belde zelf\"", post.Body);
        Assert.Equal(2, api.Requests.Count(r => r.PathAndQuery == "/api/my/actions"));
    }

    [Fact]
    public void without_actions_on_ones_name_the_home_page_says_so()
    {
        FakeApi.AddTo(this).On(HttpMethod.Get, "/api/my/actions", new List<MyActionView>());

        var cut = Render<MyActions>();

        cut.WaitForAssertion(() => Assert.Equal("Er staan geen acties op uw naam.", cut.Find("[data-testid=my-actions-empty]").TextContent));
    }

    [Fact]
    public void the_board_and_the_family_page_lead_to_the_plan_in_one_click()
    {
        var api = FakeApi.AddTo(this);
        api.On(HttpMethod.Get, $"/api/boards/{BoardId}/timeline",
                new TimelineView(BoardId, FamilyId, "Gezin Jansen", "Gezinsbord Jansen", 7, [], [], []), etag: 7)
            .On(HttpMethod.Get, $"/api/families/{FamilyId}", new FamilyView(FamilyId, "Gezin Jansen", 3, BoardId, false, Fatima, [], [], [], [], [], [],
                new DateOnly(2026, 11, 23)), etag: 3);

        var board = Render<Pages.Board>(p => p.Add(b => b.BoardId, BoardId));
        var family = Render<Pages.Family>(p => p.Add(f => f.FamilyId, FamilyId));

        board.WaitForAssertion(() => Assert.Equal($"/gezinnen/{FamilyId}/plan", board.Find("[data-testid=plan-link]").GetAttribute("href")));
        family.WaitForAssertion(() => Assert.Equal($"/gezinnen/{FamilyId}/plan", family.Find("[data-testid=plan-link]").GetAttribute("href")));
        Assert.Equal("Gezinsplan", family.Find("[data-testid=plan-link]").TextContent);
    }

    [Fact]
    public void the_coordinator_sees_whether_the_plan_changed_since_its_newest_version()
    {
        var goal = Item(ItemKind.Goal, "Rust in huis", scales: [new ScaleView(4, new DateOnly(2026, 10, 1), "Fatima")]);
        var version = Version(1, entries: [new PlanEntryView(goal.ItemId, ItemKind.Goal, "Rust in huis", null, 4)]);
        var same = Plan(goals: [new GoalView(goal, [])], versions: [version]);

        Assert.False(PlanChanges.ChangedSinceLatest(same));
        Assert.True(PlanChanges.ChangedSinceLatest(same with { Unpublished = true }));
        // Before a first version there is nothing to compare with.
        Assert.False(PlanChanges.ChangedSinceLatest(same with { Versions = [], Unpublished = true }));
    }

    [Fact]
    public void the_plan_speaks_english_when_the_user_chose_english()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
        var api = FakeApi.AddTo(this);
        var goal = Item(ItemKind.Goal, "Calm at home", scales: [new ScaleView(4, new DateOnly(2026, 10, 1), "Fatima")]);
        var action = Item(ItemKind.Action, "Dinner together", goalId: goal.ItemId, status: ActionStatus.InProgress, overdue: true,
            due: new DateOnly(2026, 11, 1));
        api.On(HttpMethod.Get, $"/api/families/{FamilyId}/plan", Plan(goals: [new GoalView(goal, [action])],
            versions: [Version(1, awaiting: [new PersonRef(Sanne, "Sanne Jansen")])], mayPropose: true, mayAgree: true));

        var cut = Render<Pages.Plan>(p => p.Add(x => x.FamilyId, FamilyId));

        cut.WaitForAssertion(() => Assert.Equal("Family plan", cut.Find("h1").TextContent));
        Assert.Equal("What are we worried about?", cut.Find("#worries-heading").TextContent);
        Assert.Equal("4 out of 10", cut.Find("[data-testid=scale-now]").TextContent);
        Assert.Equal("In progress", cut.Find("[data-testid=action-status]").TextContent);
        Assert.Equal("overdue", cut.Find("[data-testid=overdue]").TextContent);
        Assert.Contains(cut.FindAll("button"), b => b.TextContent == "Propose an action");
        Assert.Contains(cut.FindAll("[data-testid=agreement-form] button"), b => b.TextContent == "I agree");
        Assert.Equal("Still waiting for: Sanne Jansen", cut.Find("[data-testid=awaiting]").TextContent);
    }
}
