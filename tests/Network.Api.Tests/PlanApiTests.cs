using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Network.Domain.Items;
using Network.Domain.Plans;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>
/// The family plan of Gezin Jansen (the demo's lived-in plan) through every path, for every role:
/// the plan, the timeline, "my actions" and pushes; expectations read off the table by hand. The
/// tests that change the plan have a database of their own (the classes below): xunit's order of
/// tests within a class is not the order they are written in, and may differ between checkouts.
/// </summary>
public sealed class PlanApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Jansen = JansenFamily.Value;

    private static IEnumerable<PlanItemView> All(PlanView plan) =>
        plan.Worries.Concat(plan.Strengths).Concat(plan.Goals.SelectMany(g => g.Actions.Prepend(g.Goal))).Concat(plan.Proposals)
            .Concat(plan.ActionsWithoutGoal ?? []);

    // The plan's texts, each with who may read it (F Fatima, J Jeroen, S Sanne, N Noor, R Riet).
    private static readonly (string Text, string Readers)[] Expected =
    [
        ("Daan slaapt slecht", "FJS"),            // worry about Daan: Noor has no standing on her brother
        ("Sanne staat er alleen voor", "FJSN"),   // about the mother: standing on any child
        ("Noor helpt veel thuis", "FSN"),         // about Noor: Jeroen works with Daan only
        ("Oma Riet springt bij", "FJSN"),         // the family as a whole; the network sees only its actions (condition 2)
        ("Daan gaat elke dag op tijd", "FJS"),
        ("Sanne heeft meer rust", "FJSN"),
        ("Noor kan haar verhaal kwijt", "FSN"),
        ("Vast avondritueel", "FJS"),
        ("Gesprek met de leerkracht", "FJS"),
        ("Oma Riet haalt Daan", "FJSNR"),         // assigned to the grandmother
        ("Wie langs wil komen", "FJSNR"),         // for the network
        ("Noor kiest een vertrouwenspersoon", "FSN"),
        ("Slaapadvies bij Jeugdhulp", "FJS"),
        ("Ik wil een cursus ontspanning", "FJSN"), // the mother's proposal
    ];

    [Fact]
    public async Task every_role_reads_exactly_the_plan_items_the_table_allows_through_the_plan_and_the_timeline()
    {
        var users = new Dictionary<char, DemoUser> { ['F'] = Coordinator, ['J'] = YouthCareWorker, ['S'] = Parent, ['N'] = Youth, ['R'] = Grandmother };
        foreach (var (key, user) in users)
        {
            using var client = await api.ClientForAsync(user);
            var plan = (await client.GetFromJsonAsync<PlanView>($"/api/families/{Jansen}/plan", ApiFixture.Json, Ct))!;
            var timeline = (await client.GetFromJsonAsync<TimelineView>($"/api/boards/{JansenBoard.Value}/timeline", ApiFixture.Json, Ct))!;
            var inPlan = All(plan).Select(i => i.Text).ToList();
            var onTimeline = timeline.Entries.Where(e => e.Kind != ItemKind.Note).Select(e => e.Text).ToList();
            foreach (var (text, readers) in Expected)
            {
                var should = readers.Contains(key);
                Assert.True(inPlan.Any(t => t.StartsWith(text)) == should, $"{user.DisplayName} {(should ? "misses" : "reads")} '{text}' in the plan");
                Assert.True(onTimeline.Any(t => t.StartsWith(text)) == should, $"{user.DisplayName} {(should ? "misses" : "reads")} '{text}' on the timeline");
            }
            // Versions are about the family as a whole: not for the network (condition 2).
            Assert.Equal(key == 'R' ? 0 : 2, plan.Versions.Count);
        }
    }

    [Fact]
    public async Task versions_show_what_changed_who_agreed_and_whose_agreement_is_awaited()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        var plan = (await fatima.GetFromJsonAsync<PlanView>($"/api/families/{Jansen}/plan", ApiFixture.Json, Ct))!;

        var second = plan.Versions[0];
        Assert.Equal(2, second.Number);
        Assert.Contains(second.Diff.Added, e => e.Text.StartsWith("Slaapadvies"));
        Assert.Contains(second.Diff.Closed, e => e.Text.StartsWith("Noor kiest"));
        Assert.Equal(["Sanne Jansen"], second.Agreements.Select(a => a.Name));
        Assert.Equal(["Noor Jansen"], second.Awaiting.Select(a => a.Name));
        Assert.Equal(["Sanne Jansen", "Noor Jansen"], plan.Versions[1].Agreements.Select(a => a.Name));
        Assert.True(plan.MayPublish && plan.MayWrite && !plan.MayPropose && !plan.MayAgree);
        Assert.Equal([3, 5, 6], plan.Goals.Single(g => g.Goal.Text.StartsWith("Daan")).Goal.Scales.Select(s => s.Score));
    }

    [Fact]
    public async Task a_stale_if_match_on_an_action_answers_412_and_changes_nothing()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        var plan = (await fatima.GetFromJsonAsync<PlanView>($"/api/families/{Jansen}/plan", ApiFixture.Json, Ct))!;
        var action = plan.Goals.SelectMany(g => g.Actions).First(a => a.MayRevise);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/plan/items/{action.ItemId}")
        {
            Content = JsonContent.Create(new { text = "Op basis van een oude versie" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{action.ItemVersion + 5}\"");

        using var stale = await fatima.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var again = (await fatima.GetFromJsonAsync<PlanView>($"/api/families/{Jansen}/plan", ApiFixture.Json, Ct))!;
        Assert.Equal(action.Text, again.Goals.SelectMany(g => g.Actions).Single(a => a.ItemId == action.ItemId).Text);
    }

    [Fact]
    public async Task bad_input_answers_400_with_a_problem_and_changes_nothing()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        var plan = (await fatima.GetFromJsonAsync<PlanView>($"/api/families/{Jansen}/plan", ApiFixture.Json, Ct))!;
        var goal = plan.Goals[0].Goal;
        var action = plan.Goals.SelectMany(g => g.Actions).First();

        using var noKind = await fatima.PostAsJsonAsync($"/api/families/{Jansen}/plan/items", new { text = "x" }, Ct);
        using var actionWithoutGoal = await fatima.PostAsJsonAsync($"/api/families/{Jansen}/plan/items", new { kind = "Action", text = "x" }, Ct);
        using var scale = await fatima.PostAsJsonAsync($"/api/plan/items/{goal.ItemId}/scale", new { score = 11, on = "2026-11-01" }, Ct);
        using var drop = await fatima.PostAsJsonAsync($"/api/plan/items/{action.ItemId}/status", new { status = "Dropped" }, Ct);
        using var kindAsNumber = await fatima.PostAsJsonAsync($"/api/families/{Jansen}/plan/items", new { kind = 3, text = "x" }, Ct);

        foreach (var response in new[] { noKind, actionWithoutGoal, scale, drop, kindAsNumber })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var after = (await fatima.GetFromJsonAsync<PlanView>($"/api/families/{Jansen}/plan", ApiFixture.Json, Ct))!;
        Assert.Equal(All(plan).Count(), All(after).Count());
    }

    [Fact]
    public async Task outside_the_network_the_plan_does_not_exist()
    {
        using var peter = await api.ClientForAsync(Guardian);
        using var admin = await api.ClientForAsync(Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await peter.GetAsync($"/api/families/{Jansen}/plan", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/families/{Jansen}/plan", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await peter.PostAsJsonAsync($"/api/families/{Jansen}/plan/items", new { kind = "Worry", text = "x" }, Ct)).StatusCode);
        Assert.Empty((await peter.GetFromJsonAsync<List<MyActionView>>("/api/my/actions", ApiFixture.Json, Ct))!);
    }

    private static async Task<long> NextAsync(Channel<long> pushes)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await pushes.Reader.ReadAsync(timeout.Token);
    }
}

/// <summary>"My actions" across families, on a plan nobody else changes.</summary>
public sealed class MyActionsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Jansen = JansenFamily.Value;

    [Fact]
    public async Task my_actions_are_mine_across_families_overdue_first()
    {
        var expected = new Dictionary<DemoUser, string[]>
        {
            [Coordinator] = ["Gesprek met de leerkracht"],
            [YouthCareWorker] = ["Slaapadvies bij Jeugdhulp"],
            [Parent] = ["Vast avondritueel", "Ik wil een cursus ontspanning"],
            [Youth] = ["Noor kiest een vertrouwenspersoon"],
            [Grandmother] = ["Oma Riet haalt Daan"],
        };
        foreach (var (user, texts) in expected)
        {
            using var client = await api.ClientForAsync(user);
            var mine = (await client.GetFromJsonAsync<List<MyActionView>>("/api/my/actions", ApiFixture.Json, Ct))!;
            Assert.True(texts.Order().SequenceEqual(mine.Select(a => texts.FirstOrDefault(t => a.Text.StartsWith(t)) ?? a.Text).Order()),
                $"{user.DisplayName}: {string.Join(", ", mine.Select(m => m.Text))}");
        }
        // Overdue first: two new actions for Jeroen, one due yesterday, one next month.
        using var fatima = await api.ClientForAsync(Coordinator);
        var plan = (await fatima.GetFromJsonAsync<PlanView>($"/api/families/{Jansen}/plan", ApiFixture.Json, Ct))!;
        var goal = plan.Goals.Single(g => g.Goal.Text.StartsWith("Daan")).Goal.ItemId;
        var jeroenId = plan.Owners.Single(o => o.Name == "Jeroen de Vries").UserId;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (text, due) in new[] { ("Later", today.AddDays(30)), ("Te laat", today.AddDays(-1)) })
            Assert.Equal(HttpStatusCode.Created, (await fatima.PostAsJsonAsync($"/api/families/{Jansen}/plan/items",
                new { kind = "Action", text, goalId = goal, due, owner = new { userId = jeroenId } }, Ct)).StatusCode);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        var his = (await jeroen.GetFromJsonAsync<List<MyActionView>>("/api/my/actions", ApiFixture.Json, Ct))!;
        Assert.Equal("Te laat", his[0].Text);
        Assert.True(his[0].Overdue);
        Assert.Contains(his, a => a.Text == "Later" && !a.Overdue);
        // The grandmother sees her action but not the goal it serves (condition 2).
        using var riet = await api.ClientForAsync(Grandmother);
        Assert.Null(Assert.Single((await riet.GetFromJsonAsync<List<MyActionView>>("/api/my/actions", ApiFixture.Json, Ct))!).GoalText);
    }
}
