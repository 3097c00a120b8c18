using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Network.Api.Infrastructure.Setup;
using Network.Testing;

namespace Network.Api.Tests;

/// <summary>
/// Two API processes on one fresh database, as a region runs them behind a load balancer: a local
/// redis-server carries SignalR's backplane and the data protection keys, one folder holds the
/// OpenID Connect certificates, and both name the same issuer. A seeds the demo region; B starts
/// once A is ready (each applies the schema at start-up).
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    /// <summary>The address both instances answer for, as behind one load balancer.</summary>
    public const string Issuer = "http://network.test/";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string keys = Path.Combine(Path.GetTempPath(), $"network-keys-{Guid.NewGuid():N}");
    private TestDatabase? database;
    private Process? redis;
    private bool disposed;

    public ApiProcess A { get; private set; } = null!;
    public ApiProcess B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // Leaves no redis-server or API process behind when a start fails.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        database = await TestDatabase.CreateAsync("twoinstances");
        var redisPort = FreePort();
        redis = StartRedis(redisPort);
        await WaitForRedisAsync(redisPort);

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Network"] = database.ConnectionString,
            ["Network__Redis"] = $"127.0.0.1:{redisPort}",
            ["Network__KeysPath"] = keys,
            ["Network__Issuer"] = Issuer,
        };
        A = ApiProcess.Start("A", settings, seedDemo: true);
        await A.WaitUntilReadyAsync(StartTimeout);
        B = ApiProcess.Start("B", settings, seedDemo: false);
        await B.WaitUntilReadyAsync(StartTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        A?.Dispose();
        B?.Dispose();
        if (redis is { HasExited: false })
        {
            redis.Kill(entireProcessTree: true);
            await redis.WaitForExitAsync();
        }
        redis?.Dispose();
        if (Directory.Exists(keys)) Directory.Delete(keys, recursive: true);
        if (database is not null) await database.DisposeAsync();
    }

    private static Process StartRedis(int port)
    {
        var start = new ProcessStartInfo("redis-server",
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server; scripts/test.sh does).");
        }
    }

    private async Task WaitForRedisAsync(int port)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var answer = new byte[7];
                var read = await stream.ReadAsync(answer);
                if (System.Text.Encoding.ASCII.GetString(answer, 0, read).StartsWith("+PONG")) return;
            }
            catch (SocketException) { }
            if (redis!.HasExited) throw new InvalidOperationException($"redis-server stopped (exit code {redis.ExitCode}).");
            if (DateTime.UtcNow > until) throw new TimeoutException("redis-server did not answer PING.");
            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// One API process (the built Network.Api.dll) on its own port, its output kept for failure
/// messages. Each has a home folder of its own, as on a machine of its own: what the instances
/// share, they share through Redis and the keys folder, not through ~/.aspnet on this machine.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process process;
    private readonly string home;
    private readonly ConcurrentQueue<string> output = new();

    private ApiProcess(string name, Uri url, string home, Process process)
    {
        Name = name;
        Url = url;
        this.home = home;
        this.process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }
    public Uri Url { get; }

    /// <summary>The last lines the process wrote (warnings and errors).</summary>
    public string Output => string.Join('\n', output);

    public static ApiProcess Start(string name, IReadOnlyDictionary<string, string> settings, bool seedDemo)
    {
        var url = new Uri($"http://127.0.0.1:{TwoInstances.FreePort()}");
        var bin = AppContext.BaseDirectory.TrimEnd('/');
        var configuration = Path.GetFileName(Path.GetDirectoryName(bin)!);
        var root = bin;
        while (!File.Exists(Path.Combine(root, "Network.sln"))) root = Path.GetDirectoryName(root)!;
        var dll = Path.Combine(root, "src", "Network.Api", "bin", configuration, "net10.0", "Network.Api.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is not built");

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = url.ToString(),
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["Network__AllowHttp"] = "true",
                ["Network__SeedDemo"] = seedDemo ? "true" : "false",
                ["Network__WebClient__ClientSecret"] = OidcLogin.ClientSecret,
                ["Network__WebClient__RedirectUris__0"] = OidcLogin.RedirectUri,
                ["Serilog__MinimumLevel__Default"] = "Warning",
            },
        };
        var home = Directory.CreateTempSubdirectory("network-home-").FullName;
        start.Environment["HOME"] = home;
        foreach (var (key, value) in settings) start.Environment[key] = value;
        return new ApiProcess(name, url, home, Process.Start(start)!);
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (process.HasExited) throw new InvalidOperationException($"API {Name} stopped while starting:\n{Output}");
            await Task.Delay(250);
        }
        throw new TimeoutException($"API {Name} did not become ready within {timeout}:\n{Output}");
    }

    /// <summary>A browser's client for this instance: keeps cookies, does not follow redirects.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Url };

    public async Task<string> AccessTokenAsync(DemoRegion.DemoUser user)
    {
        using var browser = Browser();
        return await OidcLogin.AccessTokenAsync(browser, user.Email, DemoRegion.Password);
    }

    public HttpClient WithToken(string token)
    {
        var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }
        process.Dispose();
        Directory.Delete(home, recursive: true);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 200) output.TryDequeue(out _);
    }
}
