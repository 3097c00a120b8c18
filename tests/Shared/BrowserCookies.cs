namespace Network.Testing;

/// <summary>
/// Keeps cookies like a browser on loopback: the login server's cookies are Secure, and over plain
/// HTTP on loopback a browser still sends them (localhost is a secure context), where HttpClient's
/// cookie container does not. For a login over a real socket to Kestrel.
/// </summary>
public sealed class BrowserCookies(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Dictionary<string, string> cookies = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var pair in set.Select(c => c.Split(';')[0].Split('=', 2)).Where(p => p.Length == 2))
                cookies[pair[0].Trim()] = pair[1].Trim();
        return response;
    }
}
