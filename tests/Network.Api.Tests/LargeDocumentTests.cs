using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Network.Testing;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

[CollectionDefinition(nameof(LargeDocumentTests), DisableParallelization = true)]
public sealed class LargeDocumentCollection;

/// <summary>The API on Kestrel: an upload travels over a socket as it would from a browser, not through the in-memory test server's buffers.</summary>
public sealed class KestrelApiFixture : ApiFixture
{
    protected override bool OverSockets => true;

    // The login cookies are Secure: this client keeps them like a browser on loopback.
    protected override HttpClient LoginBrowser() =>
        new(new BrowserCookies(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })) { BaseAddress = ClientOptions.BaseAddress };
}

/// <summary>
/// A document at the size limit goes in and out in chunks: the bytes allocated by this whole process
/// (the API on Kestrel and the client) while uploading and downloading 25 MB stay within a fixed
/// budget of 5 MB (measured: about 1.8 MB). Runs alone, so that other tests' allocations do not count.
/// </summary>
[Collection(nameof(LargeDocumentTests))]
public sealed class LargeDocumentTests(KestrelApiFixture api) : IClassFixture<KestrelApiFixture>
{
    private const long Size = 25L * 1024 * 1024;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_25_mb_document_is_streamed_in_and_out_within_a_fixed_memory_budget_and_one_byte_more_is_refused()
    {
        // A plain client over a socket: the test factory's own client buffers request bodies (to follow redirects).
        using var fatima = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = api.ClientOptions.BaseAddress };
        fatima.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await api.AccessTokenAsync(Coordinator));
        await WarmUpAsync(fatima);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var sent = SHA256.Create();
        using var posted = await fatima.PostAsync($"/api/boards/{JansenBoard.Value}/documents", Form(new PdfStream(Size, sent), "groot.pdf"), Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var item = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;
        var uploaded = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        TestContext.Current.SendDiagnosticMessage($"25 MB up: {uploaded / (1024 * 1024)} MB allocated in the process");

        using var download = await fatima.GetAsync($"/api/items/{item.ItemId}/document", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        await using var body = await download.Content.ReadAsStreamAsync(Ct);
        using var received = SHA256.Create();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, Ct)) > 0)
        {
            received.TransformBlock(buffer, 0, read, null, 0);
            total += read;
        }
        received.TransformFinalBlock([], 0, 0);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(Size, total);
        Assert.Equal(sent.Hash, received.Hash);
        TestContext.Current.SendDiagnosticMessage($"25 MB up and down: {allocated / (1024 * 1024)} MB allocated in the process");
        Assert.True(allocated < 5 * 1024 * 1024, $"{uploaded / (1024 * 1024)} MB up, {allocated / (1024 * 1024)} MB allocated for a 25 MB document up and down");

        using var tooLarge = await fatima.PostAsync($"/api/boards/{JansenBoard.Value}/documents", Form(new PdfStream(Size + 1, null), "te groot.pdf"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("document.too-large", await tooLarge.Content.ReadAsStringAsync(Ct));
    }

    private async Task WarmUpAsync(HttpClient client)
    {
        using var warm = await client.PostAsync($"/api/boards/{JansenBoard.Value}/documents", Form(new PdfStream(1024 * 1024, null), "warm.pdf"), Ct);
        warm.EnsureSuccessStatusCode();
        var id = (await warm.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!.ItemId;
        using var back = await client.GetAsync($"/api/items/{id}/document", Ct);
        back.EnsureSuccessStatusCode();
    }

    private static MultipartFormDataContent Form(Stream content, string name)
    {
        var file = new StreamContent(content, 64 * 1024);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { new StringContent("Groot document"), "text" }, { file, "file", name } };
    }

    /// <summary>A PDF header and then generated bytes, produced as they are read (nothing held in memory).</summary>
    private sealed class PdfStream(long length, HashAlgorithm? hash) : Stream
    {
        private long position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++)
            {
                var at = position + i;
                buffer[offset + i] = at < 5 ? "%PDF-"u8[(int)at] : (byte)(at * 31 % 251);
            }
            position += n;
            hash?.TransformBlock(buffer, offset, n, null, 0);
            if (n == 0) hash?.TransformFinalBlock([], 0, 0);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
