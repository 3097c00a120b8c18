extern alias api;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using api::Network.Api.Infrastructure.Realtime;
using api::Network.Api.Infrastructure.Setup;
using Network.Testing;

namespace Network.Benchmarks;

/// <summary>
/// The push path over real sockets (Kestrel, WebSockets): 500 hub connections open, 50 of them
/// readers of one board (the coordinator, the youth care worker and the mother, many tabs each),
/// 450 on another family's board. Each post's time from its send to its receipt at each of the 50,
/// against the post's own round trip and a bare SignalR broadcast to the same 50 connections
/// (IHubContext, no authorization, no database) in the same run; lost pushes counted.
/// </summary>
public static class PushBench
{
    public static async Task RunAsync(WebApplicationFactory<api::Program> host, Uri baseUrl, int posts)
    {
        var board = DemoRegion.JansenBoard.Value;
        string[] readers = [DemoRegion.Coordinator.Email, DemoRegion.YouthCareWorker.Email, DemoRegion.Parent.Email];
        var tokens = new Dictionary<string, string>();
        foreach (var email in readers.Append(DemoRegion.Guardian.Email))
        {
            // The login over the socket, as a browser does it (the cookies of the login server kept by hand).
            using var browser = new HttpClient(new BrowserCookies(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })) { BaseAddress = baseUrl };
            tokens[email] = await OidcLogin.AccessTokenAsync(browser, email, DemoRegion.Password);
        }

        const int receivers = 50, total = 500;
        // Per receiver: the highest version seen and when each version first arrived.
        var seen = Enumerable.Range(0, receivers).Select(_ => new ConcurrentDictionary<long, long>()).ToArray();
        var connections = new List<HubConnection>();
        HubConnection Connect(string token) => new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, BoardHub.Path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        for (var i = 0; i < total; i++)
        {
            var reader = i < receivers;
            var connection = Connect(tokens[reader ? readers[i % readers.Length] : DemoRegion.Guardian.Email]);
            if (reader)
            {
                var mine = seen[i];
                connection.On<Guid, long>(nameof(IBoardClient.BoardChanged), (_, version) => mine.TryAdd(version, Stopwatch.GetTimestamp()));
            }
            await connection.StartAsync();
            await connection.InvokeAsync<long>(nameof(BoardHub.JoinBoard), reader ? board : DemoRegion.YilmazBoard.Value);
            connections.Add(connection);
        }

        using var poster = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseUrl };
        poster.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[DemoRegion.Coordinator.Email]);

        // Time from a start to the first arrival of a version at or after the target, at each receiver.
        async Task<(List<double> Latencies, int Lost)> ReceiptsAsync(long start, long target)
        {
            var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 2;
            var latencies = new List<double>();
            var lost = 0;
            foreach (var mine in seen)
            {
                long at;
                while ((at = mine.Where(kv => kv.Key >= target).Select(kv => kv.Value).DefaultIfEmpty(0).Min()) == 0 && Stopwatch.GetTimestamp() < until)
                    await Task.Delay(1);
                if (at == 0) lost++;
                else latencies.Add(Stopwatch.GetElapsedTime(start, at).TotalMilliseconds);
            }
            return (latencies, lost);
        }

        async Task<(double RoundTrip, List<double> Latencies, int Lost)> PostAsync(int i)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await poster.PostAsJsonAsync($"/api/boards/{board}/notes", new { text = $"Push {i}: even een update." });
            var roundTrip = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Post refused: {response.StatusCode}");
            var version = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("version").GetInt64();
            var (latencies, lost) = await ReceiptsAsync(start, version);
            return (roundTrip, latencies, lost);
        }

        for (var i = 0; i < 10; i++) await PostAsync(i);
        var roundTrips = new List<double>();
        var pushes = new List<double>();
        var lostPushes = 0;
        for (var i = 0; i < posts; i++)
        {
            var (roundTrip, latencies, lost) = await PostAsync(i);
            roundTrips.Add(roundTrip);
            pushes.AddRange(latencies);
            lostPushes += lost;
        }

        // The bare broadcast: the same 50 connections in one group, a version far above any post's.
        var hub = host.Services.GetRequiredService<IHubContext<BoardHub, IBoardClient>>();
        for (var i = 0; i < receivers; i++) await hub.Groups.AddToGroupAsync(connections[i].ConnectionId!, "bench");
        var bare = new List<double>();
        var bareLost = 0;
        for (var i = 0; i < posts + 10; i++)
        {
            var version = long.MaxValue / 2 + i;
            var start = Stopwatch.GetTimestamp();
            await hub.Clients.Group("bench").BoardChanged(board, version);
            var (latencies, lost) = await ReceiptsAsync(start, version);
            if (i < 10) continue;
            bare.AddRange(latencies);
            bareLost += lost;
        }

        static string Line(string name, List<double> values, string extra = "")
        {
            var sorted = values.Order().ToArray();
            return $"{name,-46} p50={PathBench.Percentile(sorted, 50),7:F2} ms  p95={PathBench.Percentile(sorted, 95),7:F2} ms  n={sorted.Length}{extra}";
        }
        var pushSorted = pushes.Order().ToArray();
        var tripSorted = roundTrips.Order().ToArray();
        var bareSorted = bare.Order().ToArray();
        Console.WriteLine($"push: {posts} posts, {receivers} receivers of the board, {total} connections open (WebSockets, Kestrel)");
        Console.WriteLine(Line("push, send to receipt at each of 50 receivers", pushes, $"  lost={lostPushes}"));
        Console.WriteLine(Line("the post's own round trip", roundTrips));
        Console.WriteLine(Line("bare SignalR broadcast to the same 50", bare, $"  lost={bareLost}"));
        Console.WriteLine($"  push ratio: p95 {PathBench.Percentile(pushSorted, 95) / PathBench.Percentile(tripSorted, 95):F2}x the post's round trip; "
            + $"{PathBench.Percentile(pushSorted, 95) - PathBench.Percentile(bareSorted, 95):F1} ms above the bare broadcast's p95");
        foreach (var c in connections) await c.DisposeAsync();
    }
}
