using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Network.Testing;

/// <summary>
/// A real local SMTP server (scripts/smtp-sink.py on Debian's python3-aiosmtpd) on a free port,
/// writing each message it receives to a folder, which the tests read.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process process;

    private SmtpSink(Process process, int port, string folder)
    {
        this.process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }
    public string Folder { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Network.sln"))) root = Path.GetDirectoryName(root)!;
        var folder = Directory.CreateTempSubdirectory("network-mail-").FullName;
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            [Path.Combine(root, "scripts", "smtp-sink.py"), "--port", port.ToString(), "--dir", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < until && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
        return new SmtpSink(process, port, folder);
    }

    /// <summary>The messages received so far for an address, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Directory.GetFiles(Folder, "*.eml").Order().Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits for the <paramref name="count"/>th message to an address.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var received = To(address);
            if (received.Count >= count) return received[count - 1];
            if (DateTime.UtcNow > until) throw new TimeoutException($"No mail number {count} to {address} arrived.");
            await Task.Delay(100);
        }
    }

    /// <summary>The first link in a message's text that goes to a path (e.g. /account/activate).</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var text = message.TextBody ?? "";
        var match = System.Text.RegularExpressions.Regex.Match(text, $@"https?://\S+{System.Text.RegularExpressions.Regex.Escape(path)}\?token=[A-Za-z0-9_\-%]+");
        return match.Success ? match.Value : throw new InvalidOperationException($"No {path} link in: {text}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
