using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Network.Api.Features.AccessLog;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Setup;
using Network.Domain.Authorization;
using Network.Testing;
using Npgsql;

namespace Network.Api.Tests;

/// <summary>
/// The API as its own process, killed (SIGKILL) while eight writers post: afterwards every
/// acknowledged post is there with exactly its access-log entry, no entry records a write that
/// did not commit, and every chain of the log still verifies.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase? database;
    private Process? api;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync("crash");

    public async ValueTask DisposeAsync()
    {
        if (api is { HasExited: false }) api.Kill(entireProcessTree: true);
        api?.Dispose();
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task killing_the_api_mid_write_loses_no_acknowledged_write_and_leaves_the_log_exact_and_verifiable()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        api = Start(url);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(url) };
        await WaitUntilReadyAsync(http);
        var token = await OidcLogin.AccessTokenAsync(http, DemoRegion.Coordinator.Email, DemoRegion.Password);

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await client.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes",
                        new { text = $"Schrijver {w}, notitie {i}", about = new[] { DemoRegion.DaanPerson.Value } });
                    if (response.StatusCode == HttpStatusCode.Created)
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json))!.ItemId);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // the server is gone
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        api.Kill(entireProcessTree: true);
        await api.WaitForExitAsync(Ct);
        stop.Cancel();
        await Task.WhenAll(writers);
        Assert.True(acknowledged.Count > 20, $"only {acknowledged.Count} posts were acknowledged before the kill");

        await using var db = NpgsqlDataSource.Create(database!.ConnectionString);
        var items = new HashSet<Guid>();
        await using (var command = db.CreateCommand("select id from network.items where text like 'Schrijver %'"))
        await using (var reader = await command.ExecuteReaderAsync(Ct))
            while (await reader.ReadAsync(Ct)) items.Add(reader.GetGuid(0));
        var store = new AccessLogStore(db);
        var creates = (await store.FindAsync(DemoRegion.JansenFamily.Value, null, Ct))
            .Where(e => e.Record.Action == AccessAction.Create && e.Record.Resource.StartsWith("item:")).ToList();

        Assert.All(acknowledged, id => Assert.Contains(id, items));
        foreach (var id in items)
        {
            var entries = creates.Where(e => e.Record.Resource == $"item:{id}").ToList();
            var entry = Assert.Single(entries);
            Assert.True(entry.Record.Allowed);
            Assert.Equal(DemoRegion.DaanPerson.Value, entry.Record.PersonId);
        }
        Assert.All(creates, e => Assert.Contains(Guid.Parse(e.Record.Resource["item:".Length..]), items));
        var check = await new AccessLogVerification(store, new AccessLogAnchors(db, store, TimeProvider.System)).VerifyAsync(Ct);
        Assert.True(check.Intact, $"{check.Problem} {check.BrokenChain} {check.FirstBrokenSequence}");
    }

    private Process Start(string url)
    {
        var bin = AppContext.BaseDirectory.TrimEnd('/');
        var configuration = Path.GetFileName(Path.GetDirectoryName(bin)!);
        var root = bin;
        while (!File.Exists(Path.Combine(root, "Network.sln"))) root = Path.GetDirectoryName(root)!;
        var dll = Path.Combine(root, "src", "Network.Api", "bin", configuration, "net10.0", "Network.Api.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = url,
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ConnectionStrings__Network"] = database!.ConnectionString,
                ["Network__AllowHttp"] = "true",
                ["Network__SeedDemo"] = "true",
                ["Network__EphemeralKeys"] = "true",
                ["Network__WebClient__ClientSecret"] = OidcLogin.ClientSecret,
                ["Network__WebClient__RedirectUris__0"] = OidcLogin.RedirectUri,
                ["Serilog__MinimumLevel__Default"] = "Warning",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                using var ready = await http.GetAsync("/health/ready", Ct);
                if (ready.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            Assert.False(api!.HasExited, "the API stopped while starting");
            await Task.Delay(500, Ct);
        }
        Assert.Fail("the API did not become ready");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
