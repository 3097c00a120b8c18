extern alias api;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using api::Network.Api.Features.Boards.GetTimeline;
using api::Network.Api.Infrastructure.Gate;
using api::Network.Api.Infrastructure.Setup;
using Network.Domain.Authorization;

namespace Network.Benchmarks;

/// <summary>
/// Where a timeline read's time goes, inside the process (no HTTP, no token): the family load,
/// the rows, the gate's decisions, and the access log's commit, each as a median of its own.
/// The log's share is the difference between the gate read with and without its commit.
/// </summary>
public static class Phases
{
    public static async Task RunAsync(WebApplicationFactory<api::Program> host, int n, int boardItems)
    {
        await PathBench.FillAsync(host, boardItems);
        Actor reader;
        using (var s = host.Services.CreateScope())
        {
            var f = (await s.ServiceProvider.GetRequiredService<FamilyContexts>().LoadAsync(DemoRegion.YilmazFamily, default))!;
            var p = f.Family.Professionals.Single(x => x.DisplayName == "Peter Bakker");
            reader = new Actor(p.UserId, p.DisplayName, p.Role, p.OrganisationId, p.Organisation);
        }

        static double Median(double[] times) => times.Order().ElementAt(times.Length / 2);

        async Task<double> Time(string name, Func<IServiceProvider, Task> action, Func<IServiceProvider, Task>? untimed = null)
        {
            for (var i = 0; i < n / 10; i++)
            {
                using var s = host.Services.CreateScope();
                await action(s.ServiceProvider);
                if (untimed is not null) await untimed(s.ServiceProvider);
            }
            var times = new double[n];
            for (var i = 0; i < n; i++)
            {
                using var s = host.Services.CreateScope();
                var start = Stopwatch.GetTimestamp();
                await action(s.ServiceProvider);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (untimed is not null) await untimed(s.ServiceProvider);
            }
            Console.WriteLine($"phase {name,-52} p50={Median(times),7:F2} ms");
            return Median(times);
        }

        var board = DemoRegion.YilmazBoard;
        Task Flush(IServiceProvider sp) => sp.GetRequiredService<Gate>().FlushAsync(default);
        GetTimeline Query() => new(reader, board.Value, null, null, GetTimeline.MaxLimit);
        // As the endpoint answers: the handler (whose read starts the log's commit), the answer
        // serialized whole, and then, before the first byte leaves, the commit awaited (GateBehaviour
        // registers that wait on the response). Without the wait, for comparison.
        var json = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var bytes = 0;
        async Task Answer(IServiceProvider sp)
        {
            var view = await new GetTimelineHandler(sp.GetRequiredService<FamilyContexts>(), sp.GetRequiredService<Gate>()).Handle(Query(), default);
            bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(view, json).Length;
        }
        // Warm (the JIT's tiers settled) before the figures that matter.
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(5);)
        {
            using var s = host.Services.CreateScope();
            await Answer(s.ServiceProvider);
            await Flush(s.ServiceProvider);
        }
        await Time("board and family's stamp (one round trip)", sp => sp.GetRequiredService<FamilyContexts>().BoardAsync(board, default));
        await Time("rows, position and boards (one round trip)", sp => ItemRows.OnBoardAsync(
            sp.GetRequiredService<NpgsqlDataSource>(), DemoRegion.YilmazFamily.Value, board.Value, true, 0, null, 201, default));
        await Time("board, stamp, rows (one round trip) and decisions", sp =>
            sp.GetRequiredService<Gate>().ReadBoardAsync(reader, board, sp.GetRequiredService<FamilyContexts>(), 0, default), Flush);
        object? built = null;
        await Time("timeline view built by the handler (no JSON)", async sp =>
            built = await new GetTimelineHandler(sp.GetRequiredService<FamilyContexts>(), sp.GetRequiredService<Gate>()).Handle(Query(), default), Flush);
        await Time("that view serialized as JSON", _ => { System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(built, json); return Task.CompletedTask; });
        // The two in turns, one request each, so that the machine's drift does not enter the log's share.
        var (handler, whole) = (new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            using (var s = host.Services.CreateScope())
            {
                var start = Stopwatch.GetTimestamp();
                await Answer(s.ServiceProvider);
                handler[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                await Flush(s.ServiceProvider);
            }
            using (var s = host.Services.CreateScope())
            {
                var start = Stopwatch.GetTimestamp();
                await Answer(s.ServiceProvider);
                await Flush(s.ServiceProvider);
                whole[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        var (without, with) = (Median(handler), Median(whole));
        Console.WriteLine($"phase {"timeline answered as JSON, log not awaited",-52} p50={without,7:F2} ms");
        Console.WriteLine($"phase {"timeline answered as JSON, log committed first",-52} p50={with,7:F2} ms");
        Console.WriteLine($"phase (the timeline's JSON: {bytes / 1024.0:F0} KiB)");
        Console.WriteLine($"  log ratio: waiting for the access log's commit adds {(with - without) / without:P0} to the read's median in the process");
    }
}
