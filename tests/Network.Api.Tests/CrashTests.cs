using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
    private ApiProcess? api;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync("crash");

    public async ValueTask DisposeAsync()
    {
        api?.Dispose();
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task killing_the_api_mid_write_loses_no_acknowledged_write_and_leaves_the_log_exact_and_verifiable()
    {
        api = ApiProcess.Start("crash", new Dictionary<string, string>
        {
            ["ConnectionStrings__Network"] = database!.ConnectionString,
            ["Network__EphemeralKeys"] = "true",
        }, seedDemo: true);
        await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var token = await api.AccessTokenAsync(DemoRegion.Coordinator);

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = api.Url, Timeout = TimeSpan.FromSeconds(5) };
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
        await api.KillAsync(Ct);
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
}
