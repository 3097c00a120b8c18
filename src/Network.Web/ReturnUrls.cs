using Microsoft.Extensions.Primitives;

namespace Network.Web;

/// <summary>
/// Where to send the user back to after logging in or switching language: only a path on this
/// site, in plain ASCII without control characters (a redirect header carries nothing else).
/// Anything else, however malformed, goes to "/" instead of failing.
/// </summary>
public static class ReturnUrls
{
    private const int MaxLength = 2048;

    /// <summary>From a query: exactly one value, or home (a repeated returnUrl is as unclear as a malformed one).</summary>
    public static string Local(StringValues values) => values.Count == 1 ? Local(values[0]) : "/";

    public static string Local(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/') return "/";
        if (url.Length > 1 && url[1] is '/' or '\\') return "/";
        if (url.Any(c => c is < '!' or > '~' or '\\')) return "/";
        return Uri.TryCreate(url, UriKind.Relative, out _) ? url : "/";
    }
}
