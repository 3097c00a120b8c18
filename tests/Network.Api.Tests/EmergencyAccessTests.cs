using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Network.Api.Infrastructure.Realtime;
using Network.Api.Infrastructure.Setup;
using Network.Domain.Authorization;

namespace Network.Api.Tests;

public sealed class EmergencyAccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task breaking_the_glass_opens_one_child_for_a_limited_time_on_every_path_is_logged_and_tells_the_coordinator_at_once()
    {
        using var peter = await api.ClientForAsync(DemoRegion.Guardian);
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var told = Channel.CreateUnbounded<Guid>();
        await using var fatimaHub = api.Hub(await api.AccessTokenAsync(DemoRegion.Coordinator));
        fatimaHub.On<string, Guid>(nameof(IBoardClient.Notified), (_, family) => told.Writer.TryWrite(family));
        await fatimaHub.StartAsync(Ct);
        using (var before = await peter.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct))
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.DoesNotContain((await peter.GetFromJsonAsync<List<FamilySummary>>("/api/families", ApiFixture.Json, Ct))!,
            f => f.FamilyId == DemoRegion.JansenFamily.Value);

        // A note about each child before, to see that only Daan opens.
        using var post = await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes",
            new { text = "Noor: gesprek op school", about = new[] { DemoRegion.NoorPerson.Value } }, Ct);
        using var post2 = await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes",
            new { text = "Daan: blauwe plekken gezien", about = new[] { DemoRegion.DaanPerson.Value } }, Ct);

        using var noReason = await peter.PostAsJsonAsync("/api/emergency-access", new { childId = DemoRegion.DaanPerson.Value, reason = "", minutes = 60 }, Ct);
        using var tooLong = await peter.PostAsJsonAsync("/api/emergency-access", new { childId = DemoRegion.DaanPerson.Value, reason = "Melding Veilig Thuis, acuut", minutes = 600 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        // Identified by name and date of birth: the registry search shows Peter nothing of this family.
        using var granted = await peter.PostAsJsonAsync("/api/emergency-access",
            new { givenNames = "Daan", familyName = "Jansen", dateOfBirth = "2018-05-14", reason = "Melding Veilig Thuis, acuut gevaar", minutes = 60 }, Ct);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var access = Assert.Single((await granted.Content.ReadFromJsonAsync<List<EmergencyAccessResponse>>(ApiFixture.Json, Ct))!);
        Assert.Equal(DemoRegion.DaanPerson.Value, access.ChildId);

        // Daan opens on every path; Noor stays closed.
        var timeline = await peter.GetFromJsonAsync<TimelineView>($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", ApiFixture.Json, Ct);
        Assert.Contains(timeline!.Entries, e => e.Text.StartsWith("Daan"));
        Assert.DoesNotContain(timeline.Entries, e => e.Text.StartsWith("Noor"));
        Assert.Equal([DemoRegion.DaanPerson.Value], timeline.Children.Select(c => c.PersonId));
        var family = await peter.GetFromJsonAsync<FamilyView>($"/api/families/{DemoRegion.JansenFamily.Value}", ApiFixture.Json, Ct);
        Assert.Equal([DemoRegion.DaanPerson.Value], family!.Children.Select(c => c.PersonId));
        Assert.Contains((await peter.GetFromJsonAsync<List<FamilySummary>>("/api/families", ApiFixture.Json, Ct))!, f => f.FamilyId == DemoRegion.JansenFamily.Value);
        Assert.Contains((await peter.GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct))!, b => b.Id == DemoRegion.JansenBoard.Value);
        var preview = await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/audience-preview",
            new { about = new[] { DemoRegion.DaanPerson.Value } }, Ct);
        Assert.Contains((await preview.Content.ReadFromJsonAsync<AudiencePreview>(ApiFixture.Json, Ct))!.Readers, r => r.Name == "Peter Bakker");

        // Pushes reach the holder for Daan, not for Noor.
        var pushes = Channel.CreateUnbounded<long>();
        await using var peterHub = await api.JoinBoardAsync(DemoRegion.Guardian, DemoRegion.JansenBoard.Value, pushes, Ct);
        await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes", new { text = "Noor weer", about = new[] { DemoRegion.NoorPerson.Value } }, Ct);
        using var daanNote = await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes", new { text = "Daan weer", about = new[] { DemoRegion.DaanPerson.Value } }, Ct);
        var daanPosted = (await daanNote.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        Assert.Equal(daanPosted.Version, await pushes.Reader.ReadAsync(timeout.Token));
        await Task.Delay(300, Ct);
        Assert.False(pushes.Reader.TryRead(out _));

        Assert.Equal(DemoRegion.JansenFamily.Value, await told.Reader.ReadAsync(timeout.Token));
        var notification = Assert.Single((await fatima.GetFromJsonAsync<List<NotificationView>>("/api/notifications", ApiFixture.Json, Ct))!);
        Assert.Equal("notification.emergency-access", notification.Code);
        Assert.Equal("Peter Bakker", notification.Args["name"]);
        Assert.Equal("Daan Jansen", notification.Args["child"]);
        Assert.Contains("Veilig Thuis", notification.Args["reason"]);

        var log = await fatima.GetFromJsonAsync<AccessLogPage>($"/api/families/{DemoRegion.JansenFamily.Value}/access-log", ApiFixture.Json, Ct);
        Assert.Contains(log!.Visits, v => v.UserName == "Peter Bakker" && v.Bases.Contains(AccessBasis.Emergency) && v.What.Contains("board"));
    }

    [Fact]
    public async Task emergency_access_to_an_adult_or_an_unknown_child_answers_404()
    {
        using var peter = await api.ClientForAsync(DemoRegion.Guardian);

        using var unknown = await peter.PostAsJsonAsync($"/api/persons/{Guid.CreateVersion7()}/emergency-access", new { reason = "Melding Veilig Thuis, acuut", minutes = 30 }, Ct);
        using var adult = await peter.PostAsJsonAsync($"/api/persons/{DemoRegion.SannePerson.Value}/emergency-access", new { reason = "Melding Veilig Thuis, acuut", minutes = 30 }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, adult.StatusCode);
    }
}
