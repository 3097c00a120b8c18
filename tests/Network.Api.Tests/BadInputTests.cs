using System.Net;
using System.Net.Http.Json;
using Network.Api.Infrastructure.Setup;

namespace Network.Api.Tests;

/// <summary>Bad input gets a clear problem and changes nothing; never a 500.</summary>
public sealed class BadInputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/boards/00000000-0000-0000-0000-000000000000/timeline")]
    [InlineData("/api/families/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/persons/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/items/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/families/00000000-0000-0000-0000-000000000000/access-log")]
    public async Task the_empty_id_answers_404(string path)
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);

        using var response = await fatima.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task an_enum_given_as_a_number_is_refused()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);

        using var category = await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes", new { text = "x", category = 3 }, Ct);
        using var outOfRange = await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes", new { text = "x", category = "42" }, Ct);
        using var relation = await fatima.PostAsJsonAsync($"/api/families/{DemoRegion.JansenFamily.Value}/members",
            new { personId = DemoRegion.MarkPerson.Value, relation = 0 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, category.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, relation.StatusCode);
    }

    [Fact]
    public async Task a_missing_required_field_is_400_with_the_field_named()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);

        using var member = await fatima.PostAsJsonAsync($"/api/families/{DemoRegion.JansenFamily.Value}/members", new { relation = "Child" }, Ct);
        using var measure = await fatima.PostAsJsonAsync($"/api/families/{DemoRegion.JansenFamily.Value}/measures", new { type = "Ots" }, Ct);
        using var noBody = await fatima.PostAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes", JsonContent.Create<object?>(null), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, member.StatusCode);
        Assert.Contains("PersonId", await member.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, measure.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/%zz\u0001")]
    [InlineData("javascript:alert(1)")]
    public async Task a_malformed_return_url_on_login_goes_home(string returnUrl)
    {
        using var browser = api.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var page = await browser.GetAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = DemoRegion.Coordinator.Email,
            ["Password"] = DemoRegion.Password,
            ["ReturnUrl"] = returnUrl,
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task a_refusal_is_a_problem_with_its_code_in_the_callers_language()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/boards/{DemoRegion.JansenBoard.Value}/notes")
        {
            Content = JsonContent.Create(new { text = "Diagnose", category = "Medical", about = new[] { DemoRegion.DaanPerson.Value } }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-GB");

        using var response = await fatima.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ApiFixture.Json, Ct);
        Assert.Equal("request.not-allowed", problem.GetProperty("code").GetString());
        Assert.Equal("You may not do this.", problem.GetProperty("title").GetString());
        Assert.Contains("neighbourhood team", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("NeighbourhoodTeam", problem.GetProperty("detail").GetString());
    }
}
