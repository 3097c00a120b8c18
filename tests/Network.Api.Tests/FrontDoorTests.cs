using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Setup;
using Network.Testing;

namespace Network.Api.Tests;

/// <summary>The API with the front door's default login limit (10 a minute per client).</summary>
public sealed class FrontDoorFixture : ApiFixture
{
    public FrontDoorFixture()
    {
        Settings["Network:FrontDoor:LoginPermitLimit"] = "10";
        Settings["Network:FrontDoor:AnonymousPermitLimit"] = "1000";
    }
}

/// <summary>The hardened front door, probed from outside.</summary>
public sealed class FrontDoorTests(FrontDoorFixture api) : IClassFixture<FrontDoorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task security_headers_are_on_api_responses()
    {
        using var client = api.CreateClient();
        // OpenIddict's own endpoints too: the front door stands before authentication, which answers them.
        foreach (var path in new[] { "/account/login", "/health/live", "/api/me", "/.well-known/openid-configuration" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("default-src 'none'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Null(Header(response, "Strict-Transport-Security"));
        }
        using var https = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var secure = await https.GetAsync("/health/live", Ct);
        Assert.StartsWith("max-age=", Header(secure, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task an_access_token_in_the_query_is_refused_outside_the_hub()
    {
        var token = await api.AccessTokenAsync(DemoRegion.Coordinator);
        using var client = api.CreateClient();
        using var inQuery = await client.GetAsync($"/api/me?access_token={token}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, inQuery.StatusCode);
        Assert.Contains("request.token-in-query", await inQuery.Content.ReadAsStringAsync(Ct));

        // On the hub's path (WebSockets cannot carry a header) it is the way in.
        using var negotiate = await client.PostAsync($"/hubs/boards/negotiate?negotiateVersion=1&access_token={token}", null, Ct);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        using var without = await client.PostAsync("/hubs/boards/negotiate?negotiateVersion=1", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);

    }

    [Fact]
    public async Task logging_out_of_the_api_is_not_a_plain_get()
    {
        using var browser = AccountsTests.BrowserFor(api);
        using var get = await browser.GetAsync("/account/logout", Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        using var forged = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task in_production_the_api_refuses_to_start_without_its_keys()
    {
        await using var production = new ProductionApi(api.ConnectionString, keys: null);
        var failure = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        var message = (failure as InvalidOperationException ?? failure.InnerException ?? failure).ToString();
        Assert.Contains(ServerKeys.MissingInProduction, message);
    }

    [Fact]
    public async Task in_production_the_api_reference_is_off_unless_configured_and_keys_come_from_configuration()
    {
        var folder = Directory.CreateTempSubdirectory("network-keys-").FullName;
        try
        {
            ServerKeys.LoadOrCreate(folder);
            await using (var production = new ProductionApi(api.ConnectionString, folder))
            {
                using var client = production.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json", Ct)).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/scalar", Ct)).StatusCode);
            }
            await using (var withReference = new ProductionApi(api.ConnectionString, folder, ("Network:FrontDoor:ApiReference", "true")))
            {
                using var client = withReference.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json", Ct)).StatusCode);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values) : null;

    /// <summary>The API as deployed: Production, no demo, keys only from configuration.</summary>
    private sealed class ProductionApi(string connectionString, string? keys, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Network", connectionString);
            builder.UseSetting("Network:AllowHttp", "true");
            builder.UseSetting("Network:WebClient:ClientSecret", OidcLogin.ClientSecret);
            builder.UseSetting("Network:WebClient:RedirectUris:0", OidcLogin.RedirectUri);
            if (keys is not null) builder.UseSetting("Network:KeysPath", keys);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}

/// <summary>Its own API (and so its own counters): nothing else logs in from this client first.</summary>
public sealed class LoginRateLimitTests(FrontDoorFixture api) : IClassFixture<FrontDoorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task the_11th_rapid_login_attempt_from_one_client_is_refused_with_429_and_a_problem()
    {
        using var browser = AccountsTests.BrowserFor(api);
        var page = await browser.GetStringAsync("/account/login", Ct);
        for (var i = 1; i <= 10; i++)
        {
            using var attempt = await AccountsTests.PostFormAsync(browser, "/account/login", page,
                new() { ["Email"] = $"onbekend{i}@test.nl", ["Password"] = "Raden-raden-123", ["ReturnUrl"] = "/" });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }
        using var eleventh = await AccountsTests.PostFormAsync(browser, "/account/login", page,
            new() { ["Email"] = DemoRegion.Parent.Email, ["Password"] = DemoRegion.Password, ["ReturnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.Equal("application/problem+json", eleventh.Content.Headers.ContentType?.MediaType);
        Assert.True(eleventh.Headers.RetryAfter is not null);
        var problem = JsonDocument.Parse(await eleventh.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("request.too-many", problem.GetProperty("code").GetString());
        // The other credential forms share the limit.
        using var activation = await browser.PostAsync("/account/activate", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "AAAAA-BBBBB" }), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, activation.StatusCode);
    }
}
