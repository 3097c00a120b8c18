using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Network.Api.Infrastructure.Setup;
using Network.Testing;

namespace Network.Api.Tests;

/// <summary>
/// One API process (the built Network.Api.dll) on its own port, its output kept for failure
/// messages. Each has a home folder of its own, as on a machine of its own: what the instances
/// share, they share through Redis and the keys folder, not through ~/.aspnet on this machine.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process process;
    private readonly string home;
    private readonly ConcurrentQueue<(long Number, string Text)> output = new();
    private long written;

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

    /// <summary>The last lines the process wrote (warnings and errors, unless its settings ask for more).</summary>
    public string Output => string.Join('\n', output.Select(l => l.Text));

    /// <summary>How many lines the process has written so far: a mark for <see cref="LinesAfter"/>.</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>The lines written after <paramref name="mark"/> (of the last 200).</summary>
    public IReadOnlyList<string> LinesAfter(long mark) => [.. output.Where(l => l.Number > mark).Select(l => l.Text)];

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

    /// <summary>Kills the process (SIGKILL), as a crash would, and waits for it to end.</summary>
    public async Task KillAsync(CancellationToken ct)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(ct);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue((Interlocked.Increment(ref written), line));
        while (output.Count > 200) output.TryDequeue(out _);
    }
}
