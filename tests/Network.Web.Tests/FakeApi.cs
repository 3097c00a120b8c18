using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Web.Auth;
using Network.Web.Realtime;

namespace Network.Web.Tests;

/// <summary>
/// The API as a page sees it over HTTP, answering from the test's routes: the real
/// <see cref="NetworkApi"/> (JSON, ETags, If-Match, problems) runs against it. Nothing listens for
/// live updates, so pages run without them.
/// </summary>
internal sealed class FakeApi : HttpMessageHandler, IHttpClientFactory
{
    private readonly List<(HttpMethod Method, string Path, Func<HttpRequestMessage, HttpResponseMessage> Answer)> routes = [];

    public List<(HttpMethod Method, string PathAndQuery, string? IfMatch, string? Body)> Requests { get; } = [];

    /// <summary>Answers a request for exactly this path and query, or for any that starts with it when it ends in '*'.</summary>
    public FakeApi On(HttpMethod method, string pathAndQuery, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        routes.Insert(0, (method, pathAndQuery, answer));
        return this;
    }

    public FakeApi On(HttpMethod method, string pathAndQuery, object value, long? etag = null) => On(method, pathAndQuery, _ => Json(value, etag));

    public static HttpResponseMessage Json(object value, long? etag = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = new HttpResponseMessage(status) { Content = JsonContent.Create(value, value.GetType(), options: ApiJson.Options) };
        if (etag is { } v) response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue($"\"{v}\"");
        return response;
    }

    public static HttpResponseMessage Problem(int status, string code) => new((HttpStatusCode)status)
    {
        Content = new StringContent(JsonSerializer.Serialize(new { status, title = "x", code }), System.Text.Encoding.UTF8, "application/problem+json"),
    };

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false) { BaseAddress = new Uri("http://api.test/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, path, request.Headers.IfMatch.FirstOrDefault()?.Tag, body));
        var route = routes.FirstOrDefault(r => r.Method == request.Method
            && (r.Path == path || r.Path.EndsWith('*') && path.StartsWith(r.Path[..^1], StringComparison.Ordinal)));
        return route.Answer is null ? Problem(404, "request.not-found") : route.Answer(request);
    }

    /// <summary>Registers the real API client, a logged-in user, and a hub address where nothing listens.</summary>
    public static FakeApi AddTo(BunitContext context)
    {
        var api = new FakeApi();
        context.AddAuthorization().SetAuthorized("Fatima El Amrani").SetClaims(new Claim(TokenStore.SessionClaim, "session"));
        var tokens = new TokenStore();
        tokens.Set("session", new SessionTokens("token", null, DateTimeOffset.UtcNow.AddHours(1)));
        context.Services.AddSingleton(tokens);
        context.Services.AddSingleton<IHttpClientFactory>(api);
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton(Options.Create(new OidcSettings { Authority = "http://api.test/" }));
        context.Services.AddSingleton(Options.Create(new ApiSettings { BaseUrl = "http://127.0.0.1:9/" }));
        context.Services.AddLogging();
        context.Services.AddScoped<AccessTokens>();
        context.Services.AddScoped<NetworkApi>();
        context.Services.AddScoped<BoardUpdates>();
        return api;
    }
}
