using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Network.Web.Auth;
using Network.Web.Files;

namespace Network.Web.Tests;

/// <summary>The Web app's download endpoints pass the API's answer through with the user's token.</summary>
public sealed class FileDownloadsTests : BunitContext
{
    private readonly FakeApi api;

    public FileDownloadsTests() => api = FakeApi.AddTo(this);

    private DefaultHttpContext Request(bool loggedIn = true)
    {
        var http = new DefaultHttpContext { RequestServices = Services };
        http.Request.Path = "/bestanden/x";
        if (loggedIn) http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(TokenStore.SessionClaim, "session")], "test"));
        http.Response.Body = new MemoryStream();
        return http;
    }

    [Fact]
    public async Task a_file_streams_through_with_its_type_disposition_and_nosniff_and_the_users_token()
    {
        var itemId = Guid.NewGuid();
        string? token = null;
        api.On(HttpMethod.Get, $"/api/items/{itemId}/document?version=2", request =>
        {
            token = request.Headers.Authorization?.ToString();
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("%PDF-1.4 inhoud"u8.ToArray()) };
            response.Content.Headers.ContentType = new("application/pdf");
            response.Content.Headers.ContentDisposition = new("attachment") { FileNameStar = "verslag.pdf" };
            response.Headers.Add("X-Internal", "not for the browser");
            return response;
        });
        var http = Request();

        await FileDownloads.ProxyAsync(http, $"api/items/{itemId}/document?version=2");

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal("Bearer token", token);
        Assert.Equal("application/pdf", http.Response.Headers.ContentType.ToString());
        Assert.Contains("attachment", http.Response.Headers.ContentDisposition.ToString());
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
        Assert.False(http.Response.Headers.ContainsKey("X-Internal"));
        Assert.Equal("%PDF-1.4 inhoud", System.Text.Encoding.ASCII.GetString(((MemoryStream)http.Response.Body).ToArray()));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    public async Task a_refusal_keeps_its_status_and_passes_no_body(int status)
    {
        api.On(HttpMethod.Get, "/api/items/x/appointment.ics", _ => FakeApi.Problem(status, "item.not-found"));
        var http = Request();

        await FileDownloads.ProxyAsync(http, "api/items/x/appointment.ics");

        Assert.Equal(status, http.Response.StatusCode);
        Assert.Equal(0, http.Response.Body.Length);
    }

    [Fact]
    public async Task without_a_session_the_user_is_sent_to_log_in()
    {
        var http = Request(loggedIn: false);

        await FileDownloads.ProxyAsync(http, "api/items/x/document");

        Assert.Equal(302, http.Response.StatusCode);
        Assert.StartsWith("/login?returnUrl=", http.Response.Headers.Location.ToString());
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void the_links_point_at_this_app()
    {
        var id = Guid.Parse("0193a000-0000-7000-8000-000000000001");
        Assert.Equal($"/bestanden/{id}", FileDownloads.DocumentUrl(id));
        Assert.Equal($"/bestanden/{id}?version=3", FileDownloads.DocumentUrl(id, 3));
        Assert.Equal($"/bestanden/{id}/voorbeeld", FileDownloads.PreviewUrl(id));
        Assert.Equal($"/afspraken/{id}.ics", FileDownloads.CalendarUrl(id));
    }
}
