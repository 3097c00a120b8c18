using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Network.Api.Infrastructure.Http;

/// <summary>
/// An answer serialized whole before the response starts, so that what waits for its first byte
/// (the access log's commit, see GateBehaviour) runs meanwhile; into pooled memory, so that a large
/// answer (a 200-item timeline is about 140 KiB) does not cost a large array per request, which
/// the garbage collector would have to sweep in its slowest generation. Written by the code
/// generated for <c>T</c> (a context of the API's options: the same text, faster), with the
/// writer options of <c>options</c> (the API's own, whose encoder the generated context lacks).
/// </summary>
public sealed class WholeJson<T>(T value, JsonSerializerOptions options, JsonTypeInfo<T> generated) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var buffer = new PooledBuffer();
        try
        {
            await using (var writer = new Utf8JsonWriter(buffer, Writing(options)))
                JsonSerializer.Serialize(writer, value, generated);
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = buffer.Written.Length;
            await http.Response.Body.WriteAsync(buffer.Written, http.RequestAborted);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>What the serializer's own writer would take from the options (the API's encoder writes "ı" as it is).</summary>
    private static JsonWriterOptions Writing(JsonSerializerOptions options) =>
        new() { Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth, SkipValidation = true };

    /// <summary>Bytes written into arrays rented from the shared pool, which double as they fill.</summary>
    private sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[] array = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int length;

        public ReadOnlyMemory<byte> Written => array.AsMemory(0, length);

        public void Advance(int count) => length += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return array.AsMemory(length);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return array.AsSpan(length);
        }

        private void Ensure(int sizeHint)
        {
            if (array.Length - length >= Math.Max(sizeHint, 1)) return;
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(array.Length * 2, length + sizeHint));
            array.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(array);
            array = larger;
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(array);
            array = [];
        }
    }
}
