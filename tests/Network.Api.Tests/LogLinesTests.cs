using System.Net;
using System.Net.Http.Json;
using Network.Api.Infrastructure.Setup;
using Network.Contracts;
using Network.Testing;

namespace Network.Api.Tests;

/// <summary>
/// What the API writes to its console (as run.sh starts it, at Information) for the refusals a user
/// meets every day: one line each, with its status and problem code, never a stack trace.
/// </summary>
public sealed class LogLinesTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase? database;
    private ApiProcess? api;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync("loglines");

    public async ValueTask DisposeAsync()
    {
        api?.Dispose();
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task an_expected_refusal_is_one_line_with_its_status_and_code_and_no_stack_trace()
    {
        api = ApiProcess.Start("loglines", new Dictionary<string, string>
        {
            ["ConnectionStrings__Network"] = database!.ConnectionString,
            ["Network__EphemeralKeys"] = "true",
            ["Serilog__MinimumLevel__Default"] = "Information",
        }, seedDemo: true);
        await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var fatima = api.WithToken(await api.AccessTokenAsync(DemoRegion.Coordinator));
        var notes = $"/api/boards/{DemoRegion.JansenBoard.Value}/notes";
        using var posted = await fatima.PostAsJsonAsync(notes, new { text = "Om te verbeteren" }, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var item = $"/api/items/{(await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!.ItemId}";

        var refusals = new (HttpStatusCode Status, string Code, Func<Task<HttpResponseMessage>> Send)[]
        {
            (HttpStatusCode.NotFound, "request.not-found", () => fatima.GetAsync($"/api/boards/{Guid.NewGuid()}/timeline", Ct)),
            (HttpStatusCode.BadRequest, "request.invalid", () => fatima.PostAsJsonAsync(notes, new { text = "" }, Ct)),
            (HttpStatusCode.Conflict, "item.subject-not-in-family",
                () => fatima.PostAsJsonAsync(notes, new { text = "Over iemand anders", about = new[] { Guid.NewGuid() } }, Ct)),
            (HttpStatusCode.PreconditionFailed, "request.stale", () =>
            {
                var stale = new HttpRequestMessage(HttpMethod.Put, item) { Content = JsonContent.Create(new { text = "Op een oude versie" }) };
                stale.Headers.TryAddWithoutValidation("If-Match", "\"99\"");
                return fatima.SendAsync(stale, Ct);
            }),
        };
        foreach (var (status, code, send) in refusals)
        {
            var before = api.Written;
            using var response = await send();
            Assert.Equal(status, response.StatusCode);
            var problem = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains(code, problem);

            var path = response.RequestMessage!.RequestUri!.AbsolutePath;
            var lines = await LinesAfterAsync(before, path);
            var line = Assert.Single(lines, l => l.Contains(path));
            Assert.Contains($" {(int)status} ", line);
            Assert.Contains(code, line);
            Assert.Matches(@"^\[\d\d:\d\d:\d\d (INF|WRN)\]", line);
            Assert.DoesNotContain(lines, l => l.Contains("Exception") || l.TrimStart().StartsWith("at "));
        }
    }

    /// <summary>The lines written since <paramref name="before"/>, once the request's own has come and a moment more has passed.</summary>
    private async Task<IReadOnlyList<string>> LinesAfterAsync(long before, string path)
    {
        for (var i = 0; i < 50 && !api!.LinesAfter(before).Any(l => l.Contains(path)); i++) await Task.Delay(100, Ct);
        await Task.Delay(300, Ct);
        return api!.LinesAfter(before);
    }
}
