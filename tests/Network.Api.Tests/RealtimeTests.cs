using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Network.Api.Infrastructure.Realtime;
using Network.Api.Infrastructure.Setup;

namespace Network.Api.Tests;

public sealed class RealtimeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_member_watching_a_board_is_told_its_new_version_after_another_member_posts()
    {
        var changes = Channel.CreateUnbounded<(Guid Board, long Version)>();
        await using var sanne = api.Hub(await api.AccessTokenAsync(DemoRegion.Parent));
        sanne.On<Guid, long>(nameof(IBoardClient.BoardChanged), (board, version) => changes.Writer.TryWrite((board, version)));
        await sanne.StartAsync(Ct);
        var joinedAt = await sanne.InvokeAsync<long>(nameof(BoardHub.JoinBoard), DemoRegion.JansenBoard.Value, Ct);

        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var posted = await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes", new { text = "Nieuw bericht" }, Ct);
        posted.EnsureSuccessStatusCode();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var (board, version) = await changes.Reader.ReadAsync(timeout.Token);
        Assert.Equal(DemoRegion.JansenBoard.Value, board);
        Assert.True(version > joinedAt);
    }

    [Fact]
    public async Task joining_a_board_of_another_family_is_refused_like_a_board_that_does_not_exist()
    {
        await using var fatima = api.Hub(await api.AccessTokenAsync(DemoRegion.Coordinator));
        await fatima.StartAsync(Ct);

        var foreign = await Assert.ThrowsAsync<HubException>(() =>
            fatima.InvokeAsync<long>(nameof(BoardHub.JoinBoard), DemoRegion.YilmazBoard.Value, Ct));
        var missing = await Assert.ThrowsAsync<HubException>(() =>
            fatima.InvokeAsync<long>(nameof(BoardHub.JoinBoard), Guid.CreateVersion7(), Ct));

        Assert.Equal(missing.Message, foreign.Message);
    }

    [Fact]
    public async Task the_hub_refuses_a_connection_without_a_token()
    {
        await using var anonymous = api.Hub(null);

        await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync(Ct));
    }
}
