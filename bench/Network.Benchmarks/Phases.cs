extern alias api;
using System.Diagnostics;
using Mediator;
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
    public static async Task RunAsync(WebApplicationFactory<api::Program> host, int n)
    {
        Actor reader;
        using (var s = host.Services.CreateScope())
        {
            var f = (await s.ServiceProvider.GetRequiredService<FamilyContexts>().LoadAsync(DemoRegion.YilmazFamily, default))!;
            var p = f.Family.Professionals.Single(x => x.DisplayName == "Peter Bakker");
            reader = new Actor(p.UserId, p.DisplayName, p.Role, p.OrganisationId, p.Organisation);
        }

        async Task<double> Time(string name, Func<IServiceProvider, Task> action)
        {
            for (var i = 0; i < n / 10; i++) { using var s = host.Services.CreateScope(); await action(s.ServiceProvider); }
            var times = new double[n];
            for (var i = 0; i < n; i++)
            {
                using var s = host.Services.CreateScope();
                var start = Stopwatch.GetTimestamp();
                await action(s.ServiceProvider);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(times);
            Console.WriteLine($"phase {name,-44} p50={times[n / 2],7:F2} ms");
            return times[n / 2];
        }

        Task<BoardContext?> Board(IServiceProvider sp) => sp.GetRequiredService<FamilyContexts>().BoardAsync(DemoRegion.YilmazBoard, default);
        await Time("board and family (one round trip)", Board);
        await Time("rows, position and boards (one round trip)", sp => ItemRows.OnBoardAsync(
            sp.GetRequiredService<NpgsqlDataSource>(), DemoRegion.YilmazFamily.Value, DemoRegion.YilmazBoard.Value, true, 0, null, 201, default));
        var gate = await Time("board + rows + decisions, no log commit", async sp =>
            await sp.GetRequiredService<Gate>().ReadBoardAsync(reader, (await Board(sp))!, 0, default));
        var logged = await Time("board + rows + decisions + log commit", async sp =>
        {
            var g = sp.GetRequiredService<Gate>();
            await g.ReadBoardAsync(reader, (await Board(sp))!, 0, default);
            await g.FlushAsync(default);
        });
        var whole = await Time("whole timeline query (views, log)", sp =>
            sp.GetRequiredService<IMediator>().Send(new GetTimeline(reader, DemoRegion.YilmazBoard.Value, null, null, GetTimeline.MaxLimit)).AsTask());
        Console.WriteLine($"  log ratio: the access log's commit adds {(logged - gate) / (whole - (logged - gate)):P0} to the read's median in the process");
    }
}
