extern alias api;
using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using api::Network.Api.Infrastructure.Gate;
using api::Network.Api.Infrastructure.Setup;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Testing;

// Benchmarks, each figure measured in this run, with ratios against a baseline of the same run:
// 1. the cost of one authorization decision;
// 2. the write and read paths through HTTP (login, token, gate, access log) against the raw
//    database work of the same size (PathBench), with 1 and 8 concurrent requests;
// 3. where a timeline read's time goes inside the process, and the access log's share of it;
// 4. the family plan read (30 goals, 150 actions) against a raw select of the same rows;
// 5. the push path: 500 hub connections, 50 readers of a board, send to receipt against the post's
//    round trip and a bare SignalR broadcast (PushBench).
// Run with scripts/bench.sh (Release, real PostgreSQL at default durability).

var decisions = int.TryParse(Environment.GetEnvironmentVariable("BENCH_DECISIONS"), out var d) ? d : 200_000;
var operations = int.TryParse(Environment.GetEnvironmentVariable("BENCH_PATH_OPS"), out var o) ? o : 2_000;
var boardItems = int.TryParse(Environment.GetEnvironmentVariable("BENCH_BOARD_ITEMS"), out var b) ? b : 200;
// BENCH_ONLY=phases,push (say) runs only those parts: decision, paths, phases, plan, families, push, page.
var only = Environment.GetEnvironmentVariable("BENCH_ONLY")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
bool Runs(string part) => only is null || only.Contains(part);

await using var database = await TestDatabase.CreateAsync("bench");
await using var host = new BenchApi(database.ConnectionString);
if (Environment.GetEnvironmentVariable("BENCH_SOCKETS") == "1")
{
    var hostPort = BenchApi.FreePort();
    host.UseKestrel(hostPort);
    host.ClientOptions.BaseAddress = new Uri($"http://127.0.0.1:{hostPort}");
}
host.StartServer();

if (Runs("decision"))
{
    using var scope = host.Services.CreateScope();
    var families = scope.ServiceProvider.GetRequiredService<FamilyContexts>();
    var family = (await families.LoadAsync(DemoRegion.JansenFamily, default))!;
    var now = DateTimeOffset.UtcNow;
    var jeroen = family.Family.Professionals.Single(p => p.DisplayName == "Jeroen de Vries");
    var actor = new Actor(jeroen.UserId, jeroen.DisplayName, jeroen.Role, jeroen.OrganisationId, jeroen.Organisation);
    var item = new ItemFacts(InformationCategory.Observation, [DemoRegion.DaanPerson], UserId.New(), null, Audience.Professionals);

    var samples = new double[decisions];
    var allowed = 0;
    for (var i = 0; i < decisions / 10; i++) ItemPolicy.Decide(actor, ItemAction.Read, item, family.Family, family.BirthDates, family.Table, now);
    for (var i = 0; i < decisions; i++)
    {
        var start = Stopwatch.GetTimestamp();
        var decision = ItemPolicy.Decide(actor, ItemAction.Read, item, family.Family, family.BirthDates, family.Table, now);
        samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        if (decision.Allowed) allowed++;
    }
    Array.Sort(samples);
    Console.WriteLine($"decision  n={decisions}  median={samples[decisions / 2]:F2} µs  p99={samples[(int)(decisions * 0.99)]:F2} µs  (allowed {allowed}/{decisions})");
}

if (Runs("paths")) await Network.Benchmarks.PathBench.RunAsync(host, database.ConnectionString, operations, boardItems);
if (Runs("phases")) await Network.Benchmarks.Phases.RunAsync(host, Math.Max(100, operations / 2), boardItems);
if (Runs("plan")) await Network.Benchmarks.PathBench.PlanAsync(host, database.ConnectionString, operations / 2);
if (Runs("families")) await Network.Benchmarks.PathBench.FamiliesAsync(host, database.ConnectionString, operations);

// 5. The push path over real sockets: a second instance of the API on the same database, on Kestrel.
if (Runs("push"))
{
    var port = BenchApi.FreePort();
    await using var sockets = new BenchApi(database.ConnectionString);
    sockets.UseKestrel(port);
    sockets.ClientOptions.BaseAddress = new Uri($"http://127.0.0.1:{port}");
    sockets.StartServer();
    await Network.Benchmarks.PushBench.RunAsync(sockets, new Uri($"http://127.0.0.1:{port}/"),
        int.TryParse(Environment.GetEnvironmentVariable("BENCH_PUSHES"), out var p) ? p : 200);
}
// 6. The board page in Chromium: cold-load LCP and the poster's own item, desktop and phone.
if (Runs("page")) await Network.Benchmarks.PageBench.RunAsync(database.ConnectionString,
    int.TryParse(Environment.GetEnvironmentVariable("BENCH_PAGE_LOADS"), out var l) ? l : 10,
    int.TryParse(Environment.GetEnvironmentVariable("BENCH_PAGE_POSTS"), out var q) ? q : 20);
return 0;

sealed class BenchApi(string connectionString, string? webUrl = null) : WebApplicationFactory<api::Program>
{
    /// <summary>A free port on the loopback interface, for a host on Kestrel.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/Network.Api");
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("ConnectionStrings:Network", connectionString);
        builder.UseSetting("Network:AllowHttp", "true");
        builder.UseSetting("Network:SeedDemo", "true");
        builder.UseSetting("Network:EphemeralKeys", "true");
        builder.UseSetting("Network:WebClient:ClientSecret", OidcLogin.ClientSecret);
        // The Web app's own addresses when it logs in through this instance (PageBench), else the test login's.
        builder.UseSetting("Network:WebClient:RedirectUris:0", webUrl is null ? OidcLogin.RedirectUri : $"{webUrl}/signin-oidc");
        if (webUrl is not null) builder.UseSetting("Network:WebClient:PostLogoutRedirectUris:0", $"{webUrl}/signout-callback-oidc");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}
