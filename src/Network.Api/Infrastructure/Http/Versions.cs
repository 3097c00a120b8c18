using Microsoft.Net.Http.Headers;

namespace Network.Api.Infrastructure.Http;

/// <summary>A request header or query could not be used as sent (answers 400 with the rule's code).</summary>
public sealed class BadRequest(string code, params (string Key, object? Value)[] args) : Exception(code)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, string> Args { get; } = Reason.Of(code, args).Args;
}

/// <summary>The If-Match version is not the current one: someone else changed it (answers 412).</summary>
public sealed class StaleVersion(long expected, long actual)
    : Exception($"Expected version {expected}, but the current version is {actual}.");

/// <summary>Versions travel as strong ETags: "5".</summary>
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
            throw new BadRequest("request.invalid-if-match");
        return version;
    }

    /// <summary>A create has nothing to overwrite: an If-Match on it is refused, not ignored.</summary>
    public static void RefuseOnCreate(HttpRequest request)
    {
        if (request.Headers.IfMatch.Count > 0) throw new BadRequest("request.if-match-on-create");
    }

    /// <summary>Throws <see cref="StaleVersion"/> when an expected version was given and is not the current one.</summary>
    public static void Check(long? expected, long actual)
    {
        if (expected is { } e && e != actual) throw new StaleVersion(e, actual);
    }

    public static void SetETag(HttpResponse response, long version) => response.Headers.ETag = ToETag(version);
}
