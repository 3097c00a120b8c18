extern alias api;
using System.Diagnostics;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using api::Network.Api.Features.AuthorizationTable;
using api::Network.Api.Features.Boards;
using api::Network.Api.Features.Boards.GetTimeline;
using api::Network.Api.Features.Families;
using api::Network.Api.Infrastructure.Setup;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Testing;

// Benchmarks for the authorization decision and the cost of authorization and access logging on
// a read. Every figure is measured in this run; shares are ratios against a baseline of the same
// run. Run with scripts/bench.sh (Release, real PostgreSQL).

var decisions = int.TryParse(Environment.GetEnvironmentVariable("BENCH_DECISIONS"), out var d) ? d : 200_000;
var reads = int.TryParse(Environment.GetEnvironmentVariable("BENCH_READS"), out var r) ? r : 2_000;

await using var database = await TestDatabase.CreateAsync("bench");
await using var api = new BenchApi(database.ConnectionString);
api.StartServer();

using var scope = api.Services.CreateScope();
var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
var family = (await FamilyContext.LoadAsync(session, DemoRegion.JansenFamily, default))!;
var table = await TableStore.LoadAsync(session, default);
var now = DateTimeOffset.UtcNow;
var jeroen = family.Family.Professionals.Single(p => p.DisplayName == "Jeroen de Vries");
var actor = new Actor(jeroen.UserId, jeroen.DisplayName, jeroen.Role, jeroen.OrganisationId, jeroen.Organisation);
var item = new ItemFacts(InformationCategory.Observation, [DemoRegion.DaanPerson], UserId.New(), null, Audience.Professionals);

// 1. The decision itself.
var samples = new double[decisions];
var allowed = 0;
for (var i = 0; i < decisions / 10; i++) ItemPolicy.Decide(actor, ItemAction.Read, item, family.Family, family.BirthDates, table, now);
for (var i = 0; i < decisions; i++)
{
    var start = Stopwatch.GetTimestamp();
    var decision = ItemPolicy.Decide(actor, ItemAction.Read, item, family.Family, family.BirthDates, table, now);
    samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    if (decision.Allowed) allowed++;
}
Array.Sort(samples);
Console.WriteLine($"decision  n={decisions}  median={Percentile(samples, 50):F2} µs  p99={Percentile(samples, 99):F2} µs  (allowed {allowed}/{decisions})");

// 2. A timeline read with and without authorization and access logging, in the same run.
for (var i = 0; i < 20; i++)
    await session.Events.AppendOptimistic(DemoRegion.JansenBoard.Value, new Network.Domain.Boards.NotePosted(
        DemoRegion.JansenBoard, ItemId.New(), actor.UserId, actor.DisplayName, actor.Role, $"Notitie {i}", now,
        InformationCategory.General, [DemoRegion.DaanPerson], Audience.Everyone, actor.OrganisationId));
await session.SaveChangesAsync();

async Task Full() => await mediator.Send(new GetTimeline(actor, DemoRegion.JansenBoard.Value, null));

// The same loads the endpoint does, with the decisions and the log switched off.
async Task Bare()
{
    await using var query = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
    var timeline = await query.LoadAsync<BoardTimeline>(DemoRegion.JansenBoard.Value);
    var context = await FamilyContext.LoadAsync(query, new FamilyId(timeline!.FamilyId), default);
    _ = timeline.Entries.Count + context!.People.Count;
}

var full = await Measure(Full, reads);
var bare = await Measure(Bare, reads);
Console.WriteLine($"timeline read with authorization+logging     n={reads}  median={full.Median:F0} µs  p99={full.P99:F0} µs");
Console.WriteLine($"timeline read without (baseline, same run)   n={reads}  median={bare.Median:F0} µs  p99={bare.P99:F0} µs");
Console.WriteLine($"share of read time spent on authorization and logging: {(full.Median - bare.Median) / full.Median:P0} (median), ratio {full.Median / bare.Median:F2}x");
return 0;

static async Task<(double Median, double P99)> Measure(Func<Task> action, int n)
{
    for (var i = 0; i < n / 10; i++) await action();
    var times = new double[n];
    for (var i = 0; i < n; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }
    Array.Sort(times);
    return (Percentile(times, 50), Percentile(times, 99));
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];

sealed class BenchApi(string connectionString) : WebApplicationFactory<api::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/Network.Api");
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("ConnectionStrings:Network", connectionString);
        builder.UseSetting("Network:AllowHttp", "true");
        builder.UseSetting("Network:SeedDemo", "true");
        builder.UseSetting("Network:EphemeralKeys", "true");
        builder.UseSetting("Network:WebClient:ClientSecret", OidcLogin.ClientSecret);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}
