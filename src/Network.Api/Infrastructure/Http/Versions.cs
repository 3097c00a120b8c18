using Microsoft.Net.Http.Headers;

namespace Network.Api.Infrastructure.Http;

/// <summary>The If-Match header could not be read as one of our version ETags.</summary>
public sealed class InvalidIfMatch(string message) : Exception(message);

/// <summary>Stream versions travel as strong ETags: "5".</summary>
public static class Versions
{
    public static string ToETag(long version) => $"\"{version}\"";

    /// <summary>The expected version from If-Match, or null when the header is absent.</summary>
    public static long? ExpectedVersion(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0) return null;
        if (!EntityTagHeaderValue.TryParseList(values, out var tags) || tags.Count != 1 || tags[0].IsWeak
            || !long.TryParse(tags[0].Tag.AsSpan().Trim('"'), out var version) || version < 0)
            throw new InvalidIfMatch("Use the ETag from the last read, for example If-Match: \"5\".");
        return version;
    }

    public static void SetETag(HttpResponse response, long version) => response.Headers.ETag = ToETag(version);
}
