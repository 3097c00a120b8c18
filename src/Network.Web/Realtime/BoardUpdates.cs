using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using Network.Web.Auth;

namespace Network.Web.Realtime;

public sealed class ApiSettings
{
    /// <summary>The API's base address, e.g. http://localhost:5100/.</summary>
    public string BaseUrl { get; set; } = "";
}

/// <summary>
/// The circuit's connection to the API's board hub. Pushes are thin (board and version); the
/// page then fetches what changed through the same authorized API as any read.
/// </summary>
public sealed class BoardUpdates(AccessTokens tokens, IOptions<ApiSettings> api, ILogger<BoardUpdates> logger) : IAsyncDisposable
{
    private HubConnection? connection;

    /// <summary>Connects and joins the board's group; <paramref name="onChanged"/> gets each new version.</summary>
    /// <paramref name="onNotified"/> hears the user's own notices (kind, family), such as a youth's choice that changes what they may see.
    public async Task<long> JoinAsync(
        Guid boardId, Func<long, Task> onChanged, Func<Task> onReconnected, CancellationToken ct = default, Func<string, Guid, Task>? onNotified = null)
    {
        // One board at a time: a page that moves to another board leaves the previous one.
        await DisposeAsync();
        connection = Connect();
        connection.On<Guid, long>("BoardChanged", (changed, version) => changed == boardId ? onChanged(version) : Task.CompletedTask);
        if (onNotified is not null) connection.On<string, Guid>("Notified", onNotified);
        connection.Reconnected += async _ =>
        {
            await connection.InvokeAsync<long>("JoinBoard", boardId);
            await onReconnected();
        };
        await connection.StartAsync(ct);
        return await connection.InvokeAsync<long>("JoinBoard", boardId, ct);
    }

    /// <summary>Listens for the user's own notifications (for instance emergency access to a family they coordinate).</summary>
    public async Task ListenForNotificationsAsync(Func<Task> onNotified, CancellationToken ct = default)
    {
        connection = Connect();
        connection.On<string, Guid>("Notified", (_, _) => onNotified());
        await connection.StartAsync(ct);
    }

    /// <summary>
    /// WebSockets only, without the negotiate request: behind a round-robin load balancer the
    /// negotiate and the connect could land on different API instances, which know nothing of
    /// each other's connection ids. One WebSocket stays on the instance it reached.
    /// </summary>
    private HubConnection Connect() => new HubConnectionBuilder()
        .WithUrl(new Uri(new Uri(api.Value.BaseUrl), "hubs/boards"), o =>
        {
            o.AccessTokenProvider = async () => await tokens.GetAsync();
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        })
        .WithAutomaticReconnect()
        .Build();

    public async ValueTask DisposeAsync()
    {
        if (connection is null) return;
        var closing = connection;
        connection = null;
        try
        {
            await closing.DisposeAsync();
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Closing the board connection failed");
        }
    }
}
