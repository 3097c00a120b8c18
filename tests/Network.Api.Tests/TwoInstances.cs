using System.ComponentModel;
using System.Diagnostics;
using System.Net;
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
