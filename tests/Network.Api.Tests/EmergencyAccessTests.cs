using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Network.Api.Features.AccessLog;
using Network.Api.Features.Notifications;
using Network.Api.Infrastructure.Realtime;
using Network.Api.Infrastructure.Setup;

namespace Network.Api.Tests;

public sealed class EmergencyAccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task breaking_the_glass_opens_the_family_for_a_limited_time_is_logged_as_such_and_tells_the_coordinator_at_once()
    {
        using var peter = await api.ClientForAsync(DemoRegion.Guardian);
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var told = Channel.CreateUnbounded<Guid>();
        await using var fatimaHub = api.Hub(await api.AccessTokenAsync(DemoRegion.Coordinator));
        fatimaHub.On<string, Guid>(nameof(IBoardClient.Notified), (_, family) => told.Writer.TryWrite(family));
        await fatimaHub.StartAsync(Ct);
        using (var before = await peter.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct))
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        using var noReason = await peter.PostAsJsonAsync($"/api/persons/{DemoRegion.DaanPerson.Value}/emergency-access", new { reason = "", minutes = 60 }, Ct);
        using var tooLong = await peter.PostAsJsonAsync($"/api/persons/{DemoRegion.DaanPerson.Value}/emergency-access", new { reason = "Melding Veilig Thuis, acuut", minutes = 600 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        using var granted = await peter.PostAsJsonAsync($"/api/persons/{DemoRegion.DaanPerson.Value}/emergency-access",
            new { reason = "Melding Veilig Thuis, acuut gevaar", minutes = 60 }, Ct);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);

        using (var after = await peter.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct))
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        Assert.Equal(DemoRegion.JansenFamily.Value, await told.Reader.ReadAsync(timeout.Token));
        var notification = Assert.Single((await fatima.GetFromJsonAsync<List<Notification>>("/api/notifications", Ct))!);
        Assert.Contains("Peter Bakker", notification.Text);
        Assert.Contains("Veilig Thuis", notification.Text);

        var log = await fatima.GetFromJsonAsync<List<AccessLogLine>>($"/api/families/{DemoRegion.JansenFamily.Value}/access-log", Ct);
        Assert.Contains(log!, l => l.UserName == "Peter Bakker" && l.Basis == "Emergency" && l.Allowed && l.Resource.StartsWith("board:"));
    }

    [Fact]
    public async Task emergency_access_to_a_person_in_no_family_or_unknown_answers_404()
    {
        using var peter = await api.ClientForAsync(DemoRegion.Guardian);

        using var unknown = await peter.PostAsJsonAsync($"/api/persons/{Guid.CreateVersion7()}/emergency-access", new { reason = "Melding Veilig Thuis, acuut", minutes = 30 }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
