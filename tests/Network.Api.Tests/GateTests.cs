using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Tests;

/// <summary>The gate cannot be forgotten: a person-data request that records no decision fails, and only the gate reads the item read model.</summary>
public sealed class GateTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record ForgetfulQuery : IQuery<int>;

    [NotPersonData]
    public sealed record DirectoryLikeQuery : IQuery<int>;

    [Fact]
    public async Task a_person_data_request_that_finished_without_a_recorded_decision_fails()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var gate = scope.ServiceProvider.GetRequiredService<Gate>();
        var behaviour = new GateBehaviour<ForgetfulQuery, int>(gate, new HttpContextAccessor());

        var error = await Assert.ThrowsAsync<UngatedRequest>(async () =>
            await behaviour.Handle(new ForgetfulQuery(), (_, _) => ValueTask.FromResult(42), Ct));

        Assert.Contains(nameof(ForgetfulQuery), error.Message);
    }

    [Fact]
    public async Task a_request_that_recorded_its_decision_or_touches_no_ones_data_passes()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var gate = scope.ServiceProvider.GetRequiredService<Gate>();

        var decided = await new GateBehaviour<ForgetfulQuery, int>(gate, new HttpContextAccessor()).Handle(new ForgetfulQuery(), (_, _) =>
        {
            gate.NothingShown();
            return ValueTask.FromResult(1);
        }, Ct);
        var directory = await new GateBehaviour<DirectoryLikeQuery, int>(scope.ServiceProvider.GetRequiredService<Gate>(), new HttpContextAccessor())
            .Handle(new DirectoryLikeQuery(), (_, _) => ValueTask.FromResult(2), Ct);

        Assert.Equal((1, 2), (decided, directory));
    }

    [Fact]
    public void every_message_without_a_decision_of_its_own_is_marked_as_touching_no_ones_data()
    {
        var exempt = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(NotPersonDataAttribute), false))
            .Select(t => t.Name).Order().ToList();

        // Only administration and the caller's own notifications: everything else decides through the gate.
        Assert.Equal(["ChangeTableCell", "GetTable", "ListNotifications", "ListOrganisations", "ListProfessionals", "VerifyAccessLog"], exempt);
    }

    [Fact]
    public void nothing_but_the_gate_queries_the_item_read_model()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Network.sln"))) root = Path.GetDirectoryName(root)!;
        var src = Path.Combine(root, "src");
        string Rel(string path) => Path.GetRelativePath(src, path).Replace('\\', '/');
        var allowed = new Dictionary<string, string[]>
        {
            ["Network.Api/Infrastructure/Gate/ItemRows.cs"] = ["network.items", "ItemRows."],
            ["Network.Api/Infrastructure/Gate/Gate.cs"] = ["ItemRows."],
            ["Network.Api/Infrastructure/Marten/ItemRowsProjection.cs"] = ["network.items"],
            ["Network.Api/Infrastructure/Setup/DatabaseInitializer.cs"] = ["ItemRows.Schema"],
            // Pushes carry only the timeline's position: no content (the changed items' facts decide who is told).
            ["Network.Api/Infrastructure/Realtime/BoardChangePublisher.cs"] = ["ItemRows.ChangedAsync"],
            // Which stored files a document still refers to: no content, nothing leaves the database.
            ["Network.Api/Features/Documents/FileSweeper.cs"] = ["network.items"],
        };

        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")))
        {
            var text = File.ReadAllText(file);
            foreach (var needle in new[] { "network.items", "ItemRows." })
            {
                var index = text.IndexOf(needle, StringComparison.Ordinal);
                while (index >= 0)
                {
                    var rest = text[index..Math.Min(text.Length, index + 40)];
                    if (!allowed.TryGetValue(Rel(file), out var ok) || !ok.Any(rest.StartsWith)) offenders.Add($"{Rel(file)}: {rest}");
                    index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
                }
            }
        }
        Assert.Empty(offenders);
    }
}
