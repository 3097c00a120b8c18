using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Network.Domain.Items;
using Network.Domain.Plans;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>
/// The demo plan's proposal from accepted to agreed, on a plan no other test changes first (its own
/// database): "nothing changed since version 2" holds whatever order the tests run in.
/// </summary>
public sealed class PlanProposalTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Jansen = JansenFamily.Value;

    [Fact]
    public async Task a_proposal_is_accepted_published_agreed_and_pushed_to_exactly_its_readers()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var sanne = await api.ClientForAsync(Parent);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        var noorPushes = Channel.CreateUnbounded<long>();
        var sannePushes = Channel.CreateUnbounded<long>();
        await using var noorHub = await api.JoinBoardAsync(Youth, JansenBoard.Value, noorPushes, Ct);
        await using var sanneHub = await api.JoinBoardAsync(Parent, JansenBoard.Value, sannePushes, Ct);

        // Nothing changed since version 2: the proposal is not in the plan yet.
        using var nothing = await fatima.PostAsync($"/api/families/{Jansen}/plan/versions", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
        var plan = (await sanne.GetFromJsonAsync<PlanView>($"/api/families/{Jansen}/plan", ApiFixture.Json, Ct))!;
        Assert.True(plan.MayPropose && !plan.MayWrite && plan.MayAgree);
        var proposal = Assert.Single(plan.Proposals);
        Assert.False(proposal.MayDecide);
        Assert.Equal(HttpStatusCode.Forbidden, (await sanne.PostAsJsonAsync($"/api/plan/items/{proposal.ItemId}/accept", new { }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await fatima.PostAsJsonAsync($"/api/plan/items/{proposal.ItemId}/accept", new { reason = "Goed idee" }, Ct)).StatusCode);
        // Noor may read the proposal about her mother: she is told.
        await NextAsync(noorPushes);
        using var published = await fatima.PostAsync($"/api/families/{Jansen}/plan/versions", null, Ct);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var third = (await published.Content.ReadFromJsonAsync<PlanVersionPublished>(ApiFixture.Json, Ct))!;
        Assert.Equal(3, third.Number);

        Assert.Equal(HttpStatusCode.Created, (await sanne.PostAsJsonAsync($"/api/plan/versions/{third.ItemId}/agreement",
            new { agrees = true, comment = "Akkoord" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await jeroen.PostAsJsonAsync($"/api/plan/versions/{third.ItemId}/agreement",
            new { agrees = true }, Ct)).StatusCode);
        var after = (await fatima.GetFromJsonAsync<PlanView>($"/api/families/{Jansen}/plan", ApiFixture.Json, Ct))!;
        Assert.Contains(after.Versions[0].Diff.Added, e => e.Text.StartsWith("Ik wil een cursus"));
        Assert.Equal(["Sanne Jansen"], after.Versions[0].Agreements.Select(a => a.Name));
        var timeline = (await fatima.GetFromJsonAsync<TimelineView>($"/api/boards/{JansenBoard.Value}/timeline", ApiFixture.Json, Ct))!;
        Assert.Contains(timeline.Entries, e => e.Kind == ItemKind.PlanAgreement && e.Plan!.AgreesToVersion == 3 && e.Plan.Agrees == true);

        // An action about Daan: pushed to Sanne, not to Noor.
        while (noorPushes.Reader.TryRead(out _)) { }
        while (sannePushes.Reader.TryRead(out _)) { }
        var teacher = after.Goals.SelectMany(g => g.Actions).Single(a => a.Text.StartsWith("Gesprek met de leerkracht"));
        Assert.Equal(HttpStatusCode.OK, (await fatima.PostAsJsonAsync($"/api/plan/items/{teacher.ItemId}/status", new { status = "Done" }, Ct)).StatusCode);
        await NextAsync(sannePushes);
        await Task.Delay(300, Ct);
        Assert.False(noorPushes.Reader.TryRead(out _));
    }

    private static async Task<long> NextAsync(Channel<long> pushes)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await pushes.Reader.ReadAsync(timeout.Token);
    }
}
