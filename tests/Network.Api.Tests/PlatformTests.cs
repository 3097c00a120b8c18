using System.Net;
using System.Text.Json;

namespace Network.Api.Tests;

public sealed class PlatformTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ready_answers_200_when_postgresql_answers()
    {
        using var client = api.CreateClient();

        using var live = await client.GetAsync("/health/live", Ct);
        using var ready = await client.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task the_openapi_document_lists_the_endpoints()
    {
        using var client = api.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/boards", paths);
        Assert.Contains("/api/boards/{boardId}/timeline", paths);
        Assert.Contains("/api/boards/{boardId}/notes", paths);
    }

    [Fact]
    public async Task the_api_reference_is_served()
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/scalar", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task a_wrong_password_does_not_log_in()
    {
        using var browser = api.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await browser.GetStringAsync("/account/login", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = "fatima@buurtteam.demo",
            ["Password"] = "niet-het-wachtwoord",
        }), Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("login-error", await response.Content.ReadAsStringAsync(Ct));
        Assert.False(response.Headers.Contains("Set-Cookie") &&
                     response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("network.login")));
    }
}
