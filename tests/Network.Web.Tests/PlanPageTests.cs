using Network.Web.Components.Pages;
using static Network.Web.Tests.PlanSamples;

namespace Network.Web.Tests;

/// <summary>The plan page against the API's answers, through the real API client (JSON, ETags, If-Match, problems).</summary>
public sealed class PlanPageTests : BunitContext
{
    private static readonly string PlanPath = $"/api/families/{FamilyId}/plan";

    private readonly FakeApi api;

    public PlanPageTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        api = FakeApi.AddTo(this);
    }

    [Fact]
    public void the_plan_shows_worries_strengths_goals_with_their_scale_and_actions_proposals_and_versions_in_words()
    {
        var goal = Item(ItemKind.Goal, "Daan gaat elke dag naar school", target: "Vijf dagen per week op school",
            about: [new PersonRef(Daan, "Daan Jansen")],
            scales: [new ScaleView(3, new DateOnly(2026, 9, 1), "Fatima El Amrani"), new ScaleView(6, new DateOnly(2026, 11, 1), "Sanne Jansen")]);
        var late = Item(ItemKind.Action, "Gesprek met de school plannen", goalId: goal.ItemId, due: new DateOnly(2026, 11, 1),
            owner: new OwnerView(null, Sanne, "Sanne Jansen"), status: ActionStatus.InProgress, overdue: true);
        var network = Item(ItemKind.Action, "Oma brengt Daan op woensdag", goalId: goal.ItemId, forNetwork: true, status: ActionStatus.Dropped,
            statusReason: "Oma is verhuisd");
        var declined = Item(ItemKind.Action, "Daan mag thuis blijven", goalId: goal.ItemId, proposal: ProposalState.Declined,
            proposalReason: "Dat past niet bij het doel", author: "Sanne Jansen", role: ActorRole.Parent);
        var v2 = Version(2, diff: new PlanDiffView([new PlanEntryView(late.ItemId, ItemKind.Action, late.Text, ActionStatus.Open, null)], [],
                [new PlanEntryView(network.ItemId, ItemKind.Action, network.Text, ActionStatus.Dropped, null)], []),
            agreements: [new AgreementView(Sanne, "Sanne Jansen", true, "Goed zo", Monday.AddDays(3))],
            awaiting: [new PersonRef(Noor, "Noor Jansen")]);
        api.On(HttpMethod.Get, PlanPath, Plan(
            worries: [Item(ItemKind.Worry, "Daan mist veel school")],
            strengths: [Item(ItemKind.Strength, "Oma helpt elke week")],
            goals: [new GoalView(goal, [late, network])],
            proposals: [declined],
            versions: [v2, Version(1, entries: [new PlanEntryView(goal.ItemId, ItemKind.Goal, goal.Text, null, 3)])]));

        var cut = RenderSettled();

        Assert.Equal("Gezinsplan", cut.Find("h1").TextContent);
        Assert.Contains("Daan mist veel school", cut.Find("[data-testid=worries]").TextContent);
        Assert.Contains("Oma helpt elke week", cut.Find("[data-testid=strengths]").TextContent);
        var card = cut.Find("[data-testid=goal]");
        Assert.Contains("Over Daan Jansen", card.TextContent);
        Assert.Contains("Vijf dagen per week op school", card.TextContent);
        Assert.Equal("6 van de 10", cut.Find("[data-testid=scale-now]").TextContent);
        Assert.Contains("1-9-2026: 3", cut.Find("[data-testid=scale-history]").TextContent);
        var actions = cut.FindAll("[data-testid=plan-action]");
        Assert.Equal("Sanne Jansen", actions[0].QuerySelector("[data-testid=action-owner]")!.TextContent);
        Assert.Equal("te laat", actions[0].QuerySelector("[data-testid=overdue]")!.TextContent);
        Assert.Equal("Bezig", actions[0].QuerySelector("[data-testid=action-status]")!.TextContent);
        Assert.Contains("voor het netwerk", actions[1].TextContent);
        Assert.Equal("Vervallen: Oma is verhuisd", actions[1].QuerySelector("[data-testid=action-status]")!.TextContent);
        // Nobody may change anything here: no forms, no controls.
        Assert.Empty(cut.FindAll("[data-testid=status-form]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-item-form]"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent is "Stand bijwerken" or "Aanpassen" or "Nieuwe versie publiceren");

        var proposal = cut.Find("[data-testid=proposals] [data-testid=proposal-state]");
        Assert.Equal("Voorstel niet overgenomen. Reden: Dat past niet bij het doel", proposal.TextContent.Trim());
        Assert.Contains("Bij doel: Daan gaat elke dag naar school", cut.Find("[data-testid=proposals]").TextContent.ReplaceLineEndings(" "));

        var versions = cut.FindAll("[data-testid=version]");
        Assert.Equal("2", versions[0].GetAttribute("data-number"));
        Assert.Contains("Wat is er veranderd sinds versie 1?", versions[0].TextContent);
        Assert.Contains("Actie: Gesprek met de school plannen", versions[0].QuerySelector("[data-testid=diff-added]")!.TextContent);
        Assert.Contains("Oma brengt Daan op woensdag (vervallen)", versions[0].QuerySelector("[data-testid=diff-closed]")!.TextContent);
        Assert.Contains("Sanne Jansen: akkoord", versions[0].QuerySelector("[data-testid=agreement]")!.TextContent);
        Assert.Contains("Goed zo", versions[0].QuerySelector("[data-testid=agreement]")!.TextContent);
        Assert.Equal("Wacht nog op: Noor Jansen", versions[0].QuerySelector("[data-testid=awaiting]")!.TextContent);
        Assert.Contains("Doel: Daan gaat elke dag naar school (stand 3 van de 10)", versions[1].TextContent);
        Assert.Empty(cut.FindAll("[data-testid=agreement-form]"));
        Assert.Contains("Akkoord: Sanne Jansen", cut.Find("[data-testid=print-summary]").TextContent);
        Assert.DoesNotContain("InProgress", cut.Markup);
        Assert.DoesNotContain("Dropped", cut.Markup);
    }

    [Fact]
    public void a_professional_gets_forms_to_add_and_a_family_member_forms_to_propose()
    {
        var goal = Item(ItemKind.Goal, "Rust in huis");
        api.On(HttpMethod.Get, PlanPath, Plan(goals: [new GoalView(goal, [])], mayWrite: true));
        var professional = RenderSettled();
        Assert.Contains(professional.FindAll("button"), b => b.TextContent == "Zorg toevoegen");
        Assert.Contains(professional.FindAll("button"), b => b.TextContent == "Actie toevoegen");
        Assert.Contains(professional.FindAll("button"), b => b.TextContent == "Doel toevoegen");
        Assert.DoesNotContain(professional.FindAll("button"), b => b.TextContent.Contains("voorstellen"));

        api.On(HttpMethod.Get, PlanPath, Plan(goals: [new GoalView(goal, [])], mayPropose: true));
        var parent = RenderSettled();
        Assert.Contains(parent.FindAll("button"), b => b.TextContent == "Zorg voorstellen");
        Assert.Contains(parent.FindAll("button"), b => b.TextContent == "Actie voorstellen");
        Assert.DoesNotContain(parent.FindAll("button"), b => b.TextContent.Contains("toevoegen"));
        parent.FindAll("button").Single(b => b.TextContent == "Actie voorstellen").Click();
        Assert.Contains("Uw voorstel komt in het plan als een professional het overneemt.", parent.WaitForElement("[data-testid=plan-item-form]").TextContent);
        Assert.Equal("Voorstellen", parent.Find("[data-testid=plan-item-form] button[type=submit]").TextContent);
    }

    [Fact]
    public void a_proposed_action_is_posted_under_its_goal_with_owner_due_date_and_for_the_network_without_if_match()
    {
        var goal = Item(ItemKind.Goal, "Rust in huis");
        api.On(HttpMethod.Get, PlanPath, Plan(goals: [new GoalView(goal, [])], mayPropose: true))
            .On(HttpMethod.Post, $"/api/families/{FamilyId}/plan/items", _ => FakeApi.Json(new ItemPostedResponse(Guid.CreateVersion7(), BoardId, 9, 1),
                status: System.Net.HttpStatusCode.Created));
        var cut = RenderSettled();

        cut.FindAll("button").Single(b => b.TextContent == "Actie voorstellen").Click();
        var form = cut.WaitForElement("[data-testid=plan-item-form]");
        form.QuerySelector("textarea")!.Input("Elke avond samen eten");
        cut.Find($"#plan-action-{goal.ItemId:N}-owner").Change($"p:{Sanne}");
        cut.Find($"#plan-action-{goal.ItemId:N}-due").Change("2026-12-01");
        cut.Find("[data-testid=plan-item-form] input[type=checkbox]").Change(true);
        cut.Find("[data-testid=plan-item-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Uw voorstel is verstuurd.", cut.Find("[data-testid=add-action] [role=status]").TextContent));
        var post = Assert.Single(api.Requests, r => r.Method == HttpMethod.Post);
        Assert.Null(post.IfMatch);
        Assert.Contains("\"kind\":\"Action\"", post.Body);
        Assert.Contains($"\"goalId\":\"{goal.ItemId}\"", post.Body);
        Assert.Contains($"\"owner\":{{\"userId\":null,\"personId\":\"{Sanne}\"}}", post.Body);
        Assert.Contains("\"due\":\"2026-12-01\"", post.Body);
        Assert.Contains("\"forNetwork\":true", post.Body);
        Assert.Contains("\"target\":null", post.Body);
        Assert.Equal(2, api.Requests.Count(r => r.Method == HttpMethod.Get && r.PathAndQuery == PlanPath));
    }

    [Fact]
    public void a_revision_sends_the_version_the_author_saw_as_if_match()
    {
        var goal = Item(ItemKind.Goal, "Rust in huis", version: 4, mayRevise: true, target: "Geen ruzie meer");
        api.On(HttpMethod.Get, PlanPath, Plan(goals: [new GoalView(goal, [])], mayWrite: true))
            .On(HttpMethod.Put, $"/api/plan/items/{goal.ItemId}", new ItemChangedResponse(goal.ItemId, 5), etag: 5);
        var cut = RenderSettled();

        cut.FindAll("button").Single(b => b.TextContent == "Doel aanpassen").Click();
        Assert.Equal("Geen ruzie meer", cut.WaitForElement($"#revise-{goal.ItemId:N}-target").GetAttribute("value"));
        cut.Find($"#revise-{goal.ItemId:N}-text").Input("Rust en regelmaat in huis");
        cut.Find("[data-testid=revise-form]").Submit();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=revise-form]")));
        var put = Assert.Single(api.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal("\"4\"", put.IfMatch);
        Assert.Contains("\"text\":\"Rust en regelmaat in huis\"", put.Body);
        Assert.Contains("\"target\":\"Geen ruzie meer\"", put.Body);
        Assert.Contains("\"due\":null", put.Body);
        Assert.Contains("\"owner\":null", put.Body);
    }

    [Fact]
    public void when_someone_else_changed_the_item_the_plan_is_fetched_again_and_the_author_is_told()
    {
        var worry = Item(ItemKind.Worry, "Veel ruzie", version: 1, mayRevise: true);
        var loads = 0;
        api.On(HttpMethod.Get, PlanPath, _ => FakeApi.Json(++loads == 1
                ? Plan(worries: [worry], mayWrite: true)
                : Plan(worries: [worry with { Text = "Veel ruzie 's avonds", ItemVersion = 2, Corrected = true }], mayWrite: true)))
            .On(HttpMethod.Put, $"/api/plan/items/{worry.ItemId}", _ => FakeApi.Problem(412, "request.stale"));
        var cut = RenderSettled();

        cut.FindAll("button").Single(b => b.TextContent == "Aanpassen").Click();
        cut.WaitForElement($"#revise-{worry.ItemId:N}-text").Input("Ruzie");
        cut.Find("[data-testid=revise-form]").Submit();

        cut.WaitForAssertion(() => Assert.StartsWith("Iemand anders heeft dit intussen gewijzigd.",
            cut.Find("[data-testid=worries] [role=alert]").TextContent));
        Assert.Equal("Veel ruzie 's avonds", cut.Find("[data-testid=worries] .text").TextContent);
        Assert.Equal("\"1\"", Assert.Single(api.Requests, r => r.Method == HttpMethod.Put).IfMatch);
        Assert.Equal(2, loads);
        // Trying again starts from the latest version.
        cut.FindAll("button").Single(b => b.TextContent == "Aanpassen").Click();
        Assert.Equal("Veel ruzie 's avonds", cut.WaitForElement($"#revise-{worry.ItemId:N}-text").GetAttribute("value"));
    }

    [Fact]
    public void dropping_an_action_asks_for_a_reason_and_sends_it_with_the_actions_version()
    {
        var goal = Item(ItemKind.Goal, "Rust in huis");
        var action = Item(ItemKind.Action, "Samen eten", version: 3, goalId: goal.ItemId, maySetStatus: true);
        api.On(HttpMethod.Get, PlanPath, Plan(goals: [new GoalView(goal, [action])]))
            .On(HttpMethod.Post, $"/api/plan/items/{action.ItemId}/status", new ItemChangedResponse(action.ItemId, 4), etag: 4);
        var cut = RenderSettled();

        cut.Find($"#status-{action.ItemId:N}").Change("Dropped");
        cut.Find("[data-testid=status-form]").Submit();
        cut.WaitForAssertion(() => Assert.Equal("Zeg waarom de actie vervalt.", cut.Find("[data-testid=plan-action] [role=alert]").TextContent));
        Assert.DoesNotContain(api.Requests, r => r.Method == HttpMethod.Post);

        cut.Find($"#status-reason-{action.ItemId:N}").Input("Lukt niet met de diensten");
        cut.Find("[data-testid=status-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Opgeslagen.", cut.Find("[data-testid=plan-action] [role=status]").TextContent));
        var post = Assert.Single(api.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal("\"3\"", post.IfMatch);
        Assert.Contains("\"status\":\"Dropped\"", post.Body);
        Assert.Contains("\"reason\":\"Lukt niet met de diensten\"", post.Body);
    }

    [Fact]
    public void the_scale_is_updated_with_a_score_and_a_day_and_the_goals_version()
    {
        var goal = Item(ItemKind.Goal, "Rust in huis", version: 2, mayScale: true, scales: [new ScaleView(4, new DateOnly(2026, 10, 1), "Fatima")]);
        api.On(HttpMethod.Get, PlanPath, Plan(goals: [new GoalView(goal, [])], mayPropose: true))
            .On(HttpMethod.Post, $"/api/plan/items/{goal.ItemId}/scale", new ItemChangedResponse(goal.ItemId, 3), etag: 3);
        var cut = RenderSettled();

        cut.FindAll("button").Single(b => b.TextContent == "Stand bijwerken").Click();
        Assert.Equal("4", cut.WaitForElement($"#scale-{goal.ItemId:N}").GetAttribute("value"));
        cut.Find($"#scale-{goal.ItemId:N}").Change("7");
        cut.Find($"#scale-on-{goal.ItemId:N}").Change("2026-11-20");
        cut.Find("[data-testid=scale-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("De stand is opgeslagen.", cut.Find("[data-testid=goal] [role=status]").TextContent));
        var post = Assert.Single(api.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal("\"2\"", post.IfMatch);
        Assert.Contains("\"score\":7", post.Body);
        Assert.Contains("\"on\":\"2026-11-20\"", post.Body);
    }

    [Fact]
    public void a_professional_declines_a_proposal_only_with_a_reason_and_accepts_one_with_the_proposals_version()
    {
        var proposal = Item(ItemKind.Worry, "Ik ben bang dat Daan blijft zitten", version: 2, mayDecide: true, proposal: ProposalState.Proposed,
            author: "Sanne Jansen", role: ActorRole.Parent);
        api.On(HttpMethod.Get, PlanPath, Plan(proposals: [proposal], mayWrite: true))
            .On(HttpMethod.Post, $"/api/plan/items/{proposal.ItemId}/accept", new ItemChangedResponse(proposal.ItemId, 3), etag: 3);
        var cut = RenderSettled();
        Assert.Equal("Voorstel: wacht op een besluit", cut.Find("[data-testid=proposal-state]").TextContent.Trim());

        cut.FindAll("button").Single(b => b.TextContent == "Niet overnemen").Click();
        cut.WaitForElement("[data-testid=decide-form]").Submit();
        cut.WaitForAssertion(() => Assert.Equal("Zeg waarom het voorstel niet in het plan komt.", cut.Find("[data-testid=proposals] [role=alert]").TextContent));
        cut.FindAll("button").Single(b => b.TextContent == "Annuleren").Click();

        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent == "Overnemen in het plan").Click());
        cut.WaitForElement("[data-testid=decide-form]").Submit();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=decide-form]")));
        var post = Assert.Single(api.Requests, r => r.Method == HttpMethod.Post);
        Assert.EndsWith("/accept", post.PathAndQuery);
        Assert.Equal("\"2\"", post.IfMatch);
        Assert.Contains("\"reason\":null", post.Body);
    }

    [Fact]
    public void the_coordinator_publishes_a_version_and_hears_in_words_why_it_was_refused()
    {
        api.On(HttpMethod.Get, PlanPath, Plan(versions: [Version(1)], mayWrite: true, mayPublish: true))
            .On(HttpMethod.Post, $"/api/families/{FamilyId}/plan/versions", _ => FakeApi.Problem(409, "plan.nothing-changed"));
        var cut = RenderSettled();

        cut.FindAll("button").Single(b => b.TextContent == "Nieuwe versie publiceren").Click();

        cut.WaitForAssertion(() => Assert.Equal("alert", cut.Find("[data-testid=publish-message]").GetAttribute("role")));
        Assert.Equal(Network.Contracts.Texts.Catalog.Knows("plan.nothing-changed")
            ? Network.Contracts.Texts.Catalog.Text("plan.nothing-changed", null, english: false) : "x",
            cut.Find("[data-testid=publish-message]").TextContent);
        var post = Assert.Single(api.Requests, r => r.Method == HttpMethod.Post);
        Assert.Null(post.IfMatch);

        api.On(HttpMethod.Post, $"/api/families/{FamilyId}/plan/versions", _ => FakeApi.Json(new PlanVersionPublished(Guid.CreateVersion7(), 2),
            status: System.Net.HttpStatusCode.Created));
        cut.FindAll("button").Single(b => b.TextContent == "Nieuwe versie publiceren").Click();
        cut.WaitForAssertion(() => Assert.Equal("Versie 2 is gepubliceerd.", cut.Find("[data-testid=publish-message]").TextContent));
    }

    [Fact]
    public void a_parent_whose_agreement_counts_agrees_with_the_newest_version_with_a_comment()
    {
        var latest = Version(2, awaiting: [new PersonRef(Sanne, "Sanne Jansen")]);
        api.On(HttpMethod.Get, PlanPath, Plan(versions: [latest, Version(1)], mayPropose: true, mayAgree: true))
            .On(HttpMethod.Post, $"/api/plan/versions/{latest.ItemId}/agreement", _ => FakeApi.Json(new ItemPostedResponse(Guid.CreateVersion7(), BoardId, 12, 1),
                status: System.Net.HttpStatusCode.Created));
        var cut = RenderSettled();

        var form = Assert.Single(cut.FindAll("[data-testid=agreement-form]"));
        Assert.Contains("Bent u het eens met versie 2?", form.TextContent);
        cut.Find("[data-testid=agreement-form] textarea").Input("Fijn dat oma meedoet");
        cut.FindAll("[data-testid=agreement-form] button").Single(b => b.TextContent == "Akkoord").Click();

        cut.WaitForAssertion(() => Assert.Equal("Dank u. Uw akkoord is opgeslagen.", cut.Find("[data-testid=agreement-message]").TextContent));
        var post = Assert.Single(api.Requests, r => r.Method == HttpMethod.Post);
        Assert.Null(post.IfMatch);
        Assert.Contains("\"agrees\":true", post.Body);
        Assert.Contains("\"comment\":\"Fijn dat oma meedoet\"", post.Body);

        cut.FindAll("[data-testid=agreement-form] button").Single(b => b.TextContent == "Niet akkoord").Click();
        cut.WaitForAssertion(() => Assert.Equal("Dank u. Uw antwoord is opgeslagen.", cut.Find("[data-testid=agreement-message]").TextContent));
        Assert.Contains("\"agrees\":false,\"comment\":null", api.Requests.Last(r => r.Method == HttpMethod.Post).Body);
    }

    [Fact]
    public void a_parent_who_answered_sees_their_own_answer_and_may_change_it()
    {
        AddAuthorization().SetAuthorized("Sanne Jansen").SetClaims(
            new System.Security.Claims.Claim(Network.Web.Auth.TokenStore.SessionClaim, "session"),
            new System.Security.Claims.Claim("person", Sanne.ToString()));
        var latest = Version(2,
            agreements: [new AgreementView(Sanne, "Sanne Jansen", false, "Te weinig hulp", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero))]);
        api.On(HttpMethod.Get, PlanPath, Plan(versions: [latest], mayPropose: true, mayAgree: true));

        var cut = RenderSettled();

        Assert.StartsWith("U gaf op", cut.Find("[data-testid=my-agreement]").TextContent.Trim());
        Assert.Contains("aan dat u niet akkoord bent. U kunt uw antwoord nog veranderen.",
            string.Join(" ", cut.Find("[data-testid=my-agreement]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("niet akkoord", cut.Find("[data-testid=agreement]").TextContent);
        Assert.Contains("Te weinig hulp", cut.Find("[data-testid=agreement]").TextContent);
    }

    [Fact]
    public void a_family_the_user_may_not_know_shows_not_found()
    {
        var cut = Render<Plan>(p => p.Add(x => x.FamilyId, FamilyId));

        cut.WaitForAssertion(() => Assert.Equal("Gezinsplan niet gevonden", cut.Find("h1").TextContent));
    }

    /// <summary>The page once it has loaded and given up on live updates (nothing listens in these tests).</summary>
    private IRenderedComponent<Plan> RenderSettled()
    {
        var cut = Render<Plan>(p => p.Add(x => x.FamilyId, FamilyId));
        cut.WaitForAssertion(() => Assert.Contains("Live bijwerken werkt nu niet", cut.Find("[data-testid=live-status]").TextContent),
            TimeSpan.FromSeconds(30));
        return cut;
    }
}
