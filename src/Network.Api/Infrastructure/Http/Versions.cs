using Microsoft.Net.Http.Headers;

namespace Network.Api.Infrastructure.Http;

/// <summary>The If-Match header could not be read as one of our version ETags.</summary>
public sealed class InvalidIfMatch(string message) : Exception(message);

/// <summary>The If-Match version is not the current one: someone else changed it (answers 412).</summary>
public sealed class StaleVersion(long expected, long actual)
    : Exception($"Expected version {expected}, but the current version is {actual}.");

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

    /// <summary>Throws <see cref="StaleVersion"/> when an expected version was given and is not the current one.</summary>
    public static void Check(long? expected, long actual)
    {
        if (expected is { } e && e != actual) throw new StaleVersion(e, actual);
    }

    public static void SetETag(HttpResponse response, long version) => response.Headers.ETag = ToETag(version);
}
