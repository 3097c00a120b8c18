extern alias api;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using api::Network.Api.Infrastructure.Setup;
using Network.Testing;

namespace Network.Benchmarks;

/// <summary>
/// The write and read paths through HTTP (real login, real token, authorization and the access
/// log), against the same database's raw work in the same run: a single-row insert and commit,
/// and a select of the same number of rows. Only the public HTTP surface is used, so the same
/// file measures an older build too.
/// </summary>
public static class PathBench
{
    public sealed record Figures(string Name, int Ok, int Failed, double Seconds, double P50, double P95)
    {
        public double Rate => Ok / Seconds;
        public override string ToString() =>
            $"{Name,-46} {Rate,9:F0}/s  p50={P50,7:F2} ms  p95={P95,7:F2} ms  ok={Ok} refused={Failed}";
    }

    public static async Task RunAsync(WebApplicationFactory<api::Program> factory, string connectionString, int operations, int boardItems)
    {
        var board = DemoRegion.JansenBoard.Value;
        var token = await TokenAsync(factory, DemoRegion.Coordinator.Email);

        await using var raw = NpgsqlDataSource.Create(connectionString);
        await using (var create = raw.CreateCommand(
            "create table if not exists bench_raw (id uuid primary key, board uuid not null, body text not null, at timestamptz not null);" +
            "create index if not exists ix_bench_raw_board on bench_raw (board, at)"))
            await create.ExecuteNonQueryAsync();

        static async Task<bool> Timeline(HttpClient client, Guid board, string query)
        {
            using var response = await client.GetAsync($"/api/boards/{board}/timeline{query}");
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        }

        async Task<bool> Post(HttpClient client, int i)
        {
            using var response = await client.PostAsJsonAsync($"/api/boards/{board}/notes",
                new { text = $"Notitie {i}: afspraak met school over het rooster." });
            return response.StatusCode == HttpStatusCode.Created;
        }

        async Task<bool> Insert(int i)
        {
            await using var command = raw.CreateCommand("insert into bench_raw (id, board, body, at) values ($1, $2, $3, now())");
            command.Parameters.Add(new() { Value = Guid.CreateVersion7() });
            command.Parameters.Add(new() { Value = board });
            command.Parameters.Add(new() { Value = $"Notitie {i}: afspraak met school over het rooster." });
            return await command.ExecuteNonQueryAsync() == 1;
        }

        Console.WriteLine($"paths: {operations} operations per figure, PostgreSQL at its configured durability (synchronous_commit={await SettingAsync(raw, "synchronous_commit")})");

        // A server runs warm: first the API's posts and reads for at least BENCH_WARMUP seconds
        // (default 15) and then until the JIT has settled (fewer than 100 methods compiled in 5 s,
        // at most 120 s in all): this process compiles some 56,000 methods, with their tiers and
        // profile-guided recompilation, for half a minute under load, and a figure taken while it
        // does measures the JIT's background thread, not the path.
        var warm = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP"), out var seconds) ? seconds : 15);
        var warmers = Enumerable.Range(0, 8).Select(_ => Authorized(factory, token)).ToArray();
        var warming = Stopwatch.StartNew();
        for (var (checkedAt, compiled) = (TimeSpan.Zero, 0L); warming.Elapsed < TimeSpan.FromSeconds(120);)
        {
            await Load(80, 8, (w, i) => i % 4 == 0 ? Timeline(warmers[w], board, "?limit=50") : Post(warmers[w], i));
            if (warming.Elapsed - checkedAt < TimeSpan.FromSeconds(5)) continue;
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (warming.Elapsed >= warm && now - compiled < 100) break;
            (checkedAt, compiled) = (warming.Elapsed, now);
        }
        Console.WriteLine($"paths: warm after {warming.Elapsed.TotalSeconds:F0} s of posts and reads ({System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled)");
        foreach (var c in warmers) c.Dispose();
        // BENCH_WRITELOOP=<seconds>: 8 writers post on the board for that long, alone (to profile), and nothing else runs.
        if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_WRITELOOP"), out var writeLoop))
        {
            var writers = Enumerable.Range(0, 8).Select(_ => Authorized(factory, token)).ToArray();
            Console.WriteLine("paths: write loop starts");
            var posted = 0;
            for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(writeLoop); posted += 400)
            {
                await Load(400, 8, (w, i) => Post(writers[w], i));
                if (posted % 4000 == 0) Console.WriteLine($"paths: write loop at {clock.Elapsed.TotalSeconds:F0} s, methods compiled {System.Runtime.JitInfo.GetCompiledMethodCount()}, JIT time {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
            }
            Console.WriteLine($"paths: write loop {posted / (double)writeLoop:F0}/s");
            return;
        }
        foreach (var writers in new[] { 1, 8 })
        {
            var clients = Enumerable.Range(0, writers).Select(_ => Authorized(factory, token)).ToArray();
            var figures = await Compare(operations, writers,
                ($"post a note, {writers} writer(s), one board", (w, i) => Post(clients[w], i)),
                ($"raw insert + commit, {writers} connection(s)", (_, i) => Insert(i)));
            var post = figures[0];
            var insert = figures[1];
            Console.WriteLine(post);
            Console.WriteLine(insert);
            Console.WriteLine($"  write ratio: {post.Rate / insert.Rate:P1} of the raw rate; p95 {post.P95 / insert.P95:F1}x the raw p95");
            foreach (var c in clients) c.Dispose();
        }

        // Reads: another family's board (Gezin Yılmaz, its guardian) filled to a known size; the raw
        // side reads as many rows.
        board = DemoRegion.YilmazBoard.Value;
        token = await TokenAsync(factory, DemoRegion.Guardian.Email);
        var items = await FillAsync(factory, boardItems);
        await using (var trim = raw.CreateCommand("delete from bench_raw")) await trim.ExecuteNonQueryAsync();
        for (var i = 0; i < items; i++) await Insert(i);

        Task<bool> Read(HttpClient client) => Timeline(client, board, "?limit=500");

        async Task<bool> Select()
        {
            await using var command = raw.CreateCommand("select id, board, body, at from bench_raw where board = $1 order by at");
            command.Parameters.Add(new() { Value = board });
            await using var reader = await command.ExecuteReaderAsync();
            var n = 0;
            while (await reader.ReadAsync()) { _ = reader.GetString(2); n++; }
            return n > 0;
        }

        // The same rows as the API reads them (every column of the item read model, in order),
        // through raw Npgsql: what any implementation has to fetch at least.
        async Task<bool> SelectItems()
        {
            await using var command = raw.CreateCommand($"select {ItemColumns} from network.items where family_id = $1 and boards @> array[$2]::uuid[] order by position");
            command.Parameters.Add(new() { Value = DemoRegion.YilmazFamily.Value });
            command.Parameters.Add(new() { Value = board });
            await using var reader = await command.ExecuteReaderAsync();
            var n = 0;
            while (await reader.ReadAsync())
            {
                for (var c = 0; c < reader.FieldCount; c++) _ = reader.GetValue(c);
                n++;
            }
            return n > 0;
        }

        // The posts' pushes and notifications finish in the background first: reads are measured on their own.
        await Task.Delay(TimeSpan.FromSeconds(3));
        if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_READLOOP"), out var loop))
        {
            using var one = Authorized(factory, token);
            var count = 0;
            Console.WriteLine("paths: read loop starts");
            for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(loop); count++) await Read(one);
            Console.WriteLine($"paths: read loop {count / (double)loop:F0}/s");
            return;
        }
        foreach (var readers in new[] { 1, 8 })
        {
            var clients = Enumerable.Range(0, readers).Select(_ => Authorized(factory, token)).ToArray();
            var figures = await Compare(operations, readers,
                ($"timeline read, {items} items, {readers} reader(s)", (w, _) => Read(clients[w])),
                ($"raw select of {items} rows, {readers} connection(s)", (_, _) => Select()),
                ($"raw select of the same {items} item rows, {readers} conn.", (_, _) => SelectItems()));
            var read = figures[0];
            var select = figures[1];
            var same = figures[2];
            Console.WriteLine(read);
            Console.WriteLine(select);
            Console.WriteLine(same);
            Console.WriteLine($"  read ratio: {read.Rate / select.Rate:P1} of the raw rate; p50 {read.P50 / select.P50:F1}x the raw p50, {read.P50 / same.P50:F1}x the same rows' p50");
            foreach (var c in clients) c.Dispose();
        }

        // Nothing new: the timeline from its newest position, against the lightest authorized request.
        using (var client = Authorized(factory, token))
        {
            var head = (await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/boards/{board}/timeline")).GetProperty("version").GetInt64();
            async Task<bool> Get(string path)
            {
                using var response = await client.GetAsync(path);
                await response.Content.CopyToAsync(Stream.Null);
                return response.IsSuccessStatusCode;
            }
            var figures = await Compare(operations, 1,
                ("trivial authorized request (/api/me)", (_, _) => Get("/api/me")),
                ($"timeline ?since=head, {items} items", (_, _) => Get($"/api/boards/{board}/timeline?since={head}")));
            var me = figures[0];
            var since = figures[1];
            Console.WriteLine(me);
            Console.WriteLine(since);
            Console.WriteLine($"  since=head: p50 {since.P50 - me.P50:F2} ms above the trivial request");
        }
    }

    /// <summary>Gezin Yılmaz's board, filled by its guardian to at least <paramref name="items"/> items; how many it has.</summary>
    internal static async Task<int> FillAsync(WebApplicationFactory<api::Program> factory, int items)
    {
        var board = DemoRegion.YilmazBoard.Value;
        var token = await TokenAsync(factory, DemoRegion.Guardian.Email);
        using (var filler = Authorized(factory, token))
            for (var i = await CountAsync(Authorized(factory, token), board); i < items; i++)
                (await filler.PostAsJsonAsync($"/api/boards/{board}/notes", new { text = $"Notitie {i}: afspraak met school over het rooster." })).Dispose();
        return await CountAsync(Authorized(factory, token), board);
    }

    /// <summary>
    /// Readers of different families: 8 new families of 20 notes each (registered by the
    /// coordinator), read by 1 reader in turn and by 8 readers at once, one family each, against the
    /// same raw selects; and the access log's append alone, 1 and 8 at once on 8 families' chains, and 8
    /// at once on one family's chain (which do wait for each other's commit, by design of a chain).
    /// </summary>
    public static async Task FamiliesAsync(WebApplicationFactory<api::Program> factory, string connectionString, int operations)
    {
        var token = await TokenAsync(factory, DemoRegion.Coordinator.Email);
        var boards = new List<(Guid Family, Guid Board)>();
        using (var writer = Authorized(factory, token))
            for (var f = 0; f < 8; f++)
            {
                using var registered = await writer.PostAsJsonAsync("/api/families", new { name = $"Gezin Bank {f}" });
                var family = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())!;
                var board = family.GetProperty("boardId").GetGuid();
                boards.Add((family.GetProperty("familyId").GetGuid(), board));
                for (var i = 0; i < 20; i++)
                    (await writer.PostAsJsonAsync($"/api/boards/{board}/notes", new { text = $"Notitie {i}: afspraak met school over het rooster." })).Dispose();
            }
        // A post's cost does not grow with the board: the same posts on these 20-item boards and on
        // Gezin Jansen's board, which the write figures above filled with more than 2,000 items.
        using (var poster = Authorized(factory, token))
        {
            var large = await CountAsync(Authorized(factory, token), DemoRegion.JansenBoard.Value, 5000);
            async Task<bool> Post(Guid board, int i)
            {
                using var response = await poster.PostAsJsonAsync($"/api/boards/{board}/notes", new { text = $"Notitie {i}: afspraak met school over het rooster." });
                return response.StatusCode == HttpStatusCode.Created;
            }
            var n = Math.Max(100, operations / 5);
            var figures = await Compare(n, 1,
                ("post a note, 1 writer, boards of 20-70 items", (_, i) => Post(boards[i % 8].Board, i)),
                ($"post a note, 1 writer, a board of {large}+ items", (_, i) => Post(DemoRegion.JansenBoard.Value, i)));
            var small = figures[0];
            var big = figures[1];
            Console.WriteLine(small);
            Console.WriteLine(big);
            Console.WriteLine($"  board size ratio: a post on the {large}-item board takes {big.P50 / small.P50:F2}x the p50 of one on a 20-item board");
        }

        await using var raw = NpgsqlDataSource.Create(connectionString);
        var clients = Enumerable.Range(0, 8).Select(_ => Authorized(factory, token)).ToArray();
        async Task<bool> Read(int w, int i)
        {
            using var response = await clients[w].GetAsync($"/api/boards/{boards[(w + i) % 8].Board}/timeline?limit=500");
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        }
        async Task<bool> Select(int w, int i)
        {
            await using var command = raw.CreateCommand($"select {ItemColumns} from network.items where family_id = $1 order by position");
            command.Parameters.Add(new() { Value = boards[(w + i) % 8].Family });
            await using var reader = await command.ExecuteReaderAsync();
            var n = 0;
            while (await reader.ReadAsync()) { for (var c = 0; c < reader.FieldCount; c++) _ = reader.GetValue(c); n++; }
            return n > 0;
        }
        foreach (var readers in new[] { 1, 8 })
        {
            // Each of the 8 readers stays on one family (w); the single reader goes round them (i).
            Func<int, int, Task<bool>> read = readers == 1 ? (_, i) => Read(0, i) : (w, _) => Read(w, 0);
            Func<int, int, Task<bool>> select = readers == 1 ? (_, i) => Select(0, i) : (w, _) => Select(w, 0);
            var figures = await Compare(operations, readers,
                ($"timeline read, 20 items, {readers} reader(s), 8 families", read),
                ($"raw select of the same 20 item rows, {readers} conn.", select));
            var http = figures[0];
            var same = figures[1];
            Console.WriteLine(http);
            Console.WriteLine(same);
            Console.WriteLine($"  read ratio, 8 families: {http.Rate / same.Rate:P1} of the raw rate; p50 {http.P50 / same.P50:F1}x the same rows' p50");
        }
        foreach (var c in clients) c.Dispose();

        // The log's append alone: what a read of 3 people commits (a board entry and two persons).
        var store = new api::Network.Api.Infrastructure.Audit.AccessLogStore(raw);
        IReadOnlyCollection<Network.Domain.Authorization.AccessRecord> Entries(Guid family)
        {
            var request = Guid.CreateVersion7();
            return [.. new Guid?[] { null, Guid.NewGuid(), Guid.NewGuid() }.Select(person => new Network.Domain.Authorization.AccessRecord(
                Guid.CreateVersion7(), DateTimeOffset.UtcNow, request, Network.Domain.Authorization.AccessAction.Read, person, family,
                $"board:{family}", Guid.Empty, "Bank", "Coordinator", null, null, null, Network.Domain.Authorization.AccessBasis.Consent,
                Network.Domain.Authorization.InformationCategory.General, true))];
        }
        foreach (var (name, workers, chains) in new[] { ("1 at a time, 8 families", 1, 8), ("8 at once, 8 families", 8, 8), ("8 at once, 1 family", 8, 1) })
        {
            Task<bool> Append(int w, int i) => store.AppendAsync(Entries(boards[(w + i) % chains].Family), default).ContinueWith(t => t.IsCompletedSuccessfully);
            await Load(operations / 10, workers, Append);
            Console.WriteLine(await Load(operations, workers, Append, $"access log append, {name}"));
        }
    }

    /// <summary>
    /// The family plan read (30 goals, 150 actions) against a raw select of the same rows from the
    /// item read model, in the same run.
    /// </summary>
    public static async Task PlanAsync(WebApplicationFactory<api::Program> factory, string connectionString, int operations)
    {
        var family = DemoRegion.YilmazFamily.Value;
        var token = await TokenAsync(factory, DemoRegion.Guardian.Email);
        using (var writer = Authorized(factory, token))
            for (var g = 0; g < 30; g++)
            {
                using var goal = await writer.PostAsJsonAsync($"/api/families/{family}/plan/items",
                    new { kind = "Goal", text = $"Doel {g}: Emre gaat met plezier naar school.", target = "Elke dag", scale = g % 10 });
                var goalId = (await goal.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("itemId").GetGuid();
                for (var a = 0; a < 5; a++)
                    (await writer.PostAsJsonAsync($"/api/families/{family}/plan/items",
                        new { kind = "Action", text = $"Actie {a} bij doel {g}", goalId, due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(a - 2)) })).Dispose();
            }

        await using var raw = NpgsqlDataSource.Create(connectionString);
        async Task<bool> Read(HttpClient client)
        {
            using var response = await client.GetAsync($"/api/families/{family}/plan");
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        }
        async Task<bool> Select()
        {
            await using var command = raw.CreateCommand(
                "select id, kind, text, about, assigned_to, details::text from network.items where family_id = $1 and kind = any($2) order by posted_at");
            command.Parameters.Add(new() { Value = family });
            command.Parameters.Add(new() { Value = new[] { "Worry", "Strength", "Goal", "Action", "PlanVersion", "PlanAgreement" } });
            await using var reader = await command.ExecuteReaderAsync();
            var n = 0;
            while (await reader.ReadAsync()) { _ = reader.GetString(5); n++; }
            return n >= 180;
        }
        using var one = Authorized(factory, token);
        var figures = await Compare(operations, 1,
            ("plan read, 30 goals and 150 actions, 1 reader", (_, _) => Read(one)),
            ("raw select of the same 180 rows, 1 connection", (_, _) => Select()));
        var read = figures[0];
        var select = figures[1];
        Console.WriteLine(read);
        Console.WriteLine(select);
        Console.WriteLine($"  plan read ratio: {read.Rate / select.Rate:P1} of the raw rate; p50 {read.P50 / select.P50:F1}x the raw p50");
    }

    /// <summary>Every column of the item read model, in order: what any implementation has to fetch at least.</summary>
    private const string ItemColumns = """
        id, family_id, boards, position, version, kind, author_id, author_name, author_role, author_organisation,
        author_organisation_name, text, category, about, audience, named, assigned_to, for_network, posted_at, changed_at,
        corrected, entered_in_error, error_reason, assigned_persons, details::text
        """;

    private static async Task<int> CountAsync(HttpClient client, Guid board, int atMost = 500)
    {
        using var _ = client;
        var count = 0;
        string? before = null;
        while (count < atMost)
        {
            var json = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/boards/{board}/timeline?limit=500{before}");
            var entries = json.GetProperty("entries");
            count += entries.GetArrayLength();
            if (!json.GetProperty("moreBefore").GetBoolean() || entries.GetArrayLength() == 0) break;
            before = $"&before={entries.EnumerateArray().Min(e => e.GetProperty("version").GetInt64())}";
        }
        return count;
    }

    private static async Task<string> SettingAsync(NpgsqlDataSource db, string name)
    {
        await using var command = db.CreateCommand($"show {name}");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A client of the in-process API that sends the access token.</summary>
    private static HttpClient Authorized(WebApplicationFactory<api::Program> factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static async Task<string> TokenAsync(WebApplicationFactory<api::Program> factory, string email)
    {
        using var browser = factory.ClientOptions.BaseAddress.Host == "127.0.0.1"
            ? new HttpClient(new BrowserCookies(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })) { BaseAddress = factory.ClientOptions.BaseAddress }
            : factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = factory.ClientOptions.BaseAddress });
        return await OidcLogin.AccessTokenAsync(browser, email, DemoRegion.Password);
    }

    /// <summary>
    /// Measures operations against each other in the same machine state: after a warm-up of each
    /// (a fifth of <paramref name="total"/>, so the JIT's tiers have settled), they run in turns,
    /// <see cref="Rounds"/> rounds of an equal share each, and each one's figures are taken over all
    /// its rounds. On a shared VM the machine's speed drifts within a minute; taking the API's and
    /// the baseline's operations one after the other would put that drift into the ratio.
    /// </summary>
    private static async Task<Figures[]> Compare(int total, int workers, params (string Name, Func<int, int, Task<bool>> Operation)[] operations)
    {
        foreach (var (_, operation) in operations) await Load(total / 5, workers, operation);
        var share = Math.Max(1, total / Rounds);
        var runs = operations.Select(_ => new List<Figures>()).ToArray();
        var latencies = operations.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
            for (var o = 0; o < operations.Length; o++)
            {
                var (figures, samples) = await Measure(share, workers, operations[o].Operation);
                runs[o].Add(figures);
                latencies[o].AddRange(samples);
            }
        return [.. operations.Select((op, o) =>
        {
            var sorted = latencies[o].Order().ToArray();
            return new Figures(op.Name, runs[o].Sum(r => r.Ok), runs[o].Sum(r => r.Failed), runs[o].Sum(r => r.Seconds),
                Percentile(sorted, 50), Percentile(sorted, 95));
        })];
    }

    private const int Rounds = 5;

    /// <summary>Runs <paramref name="total"/> operations over <paramref name="workers"/> concurrent workers.</summary>
    private static async Task<Figures> Load(int total, int workers, Func<int, int, Task<bool>> operation, string name = "warm-up") =>
        (await Measure(total, workers, operation, name)).Figures;

    private static async Task<(Figures Figures, double[] Latencies)> Measure(int total, int workers, Func<int, int, Task<bool>> operation, string name = "")
    {
        var next = -1;
        var latencies = new double[total];
        var ok = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var start = Stopwatch.GetTimestamp();
                var success = await operation(w, i);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (success) Interlocked.Increment(ref ok); else Interlocked.Increment(ref failed);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return (new Figures(name, ok, failed, seconds, Percentile(latencies, 50), Percentile(latencies, 95)), latencies);
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1))];
}
