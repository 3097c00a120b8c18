using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Network.Testing;

/// <summary>
/// Logs a user in the way a browser and the Web app do: authorization code with PKCE, through
/// the real login form of the API's OpenIddict server, then the code exchanged for tokens.
/// </summary>
public static partial class OidcLogin
{
    public const string ClientId = "network-web";
    public const string ClientSecret = "test-client-secret";
    public const string RedirectUri = "http://localhost/signin-oidc";

    /// <param name="client">An HttpClient to the API that keeps cookies and does not follow redirects.</param>
    public static Task<string> AccessTokenAsync(HttpClient client, string email, string password) =>
        AccessTokenAsync(client, email, password, secondFactor: null);

    /// <summary>
    /// The same, with a second factor: <paramref name="secondFactor"/> gets the authenticator key the
    /// set-up page shows (or null when the account already has one) and returns the current code.
    /// </summary>
    public static async Task<string> AccessTokenAsync(HttpClient client, string email, string password, Func<string?, string>? secondFactor)
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile roles network_api",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = state,
        });

        using var toLogin = await client.GetAsync(authorize);
        Expect(toLogin, HttpStatusCode.Redirect);
        var loginPage = await client.GetStringAsync(toLogin.Headers.Location);
        var token = AntiforgeryField().Match(loginPage).Groups[1].Value;
        var returnUrl = WebUtility.HtmlDecode(ReturnUrlField().Match(loginPage).Groups[1].Value);

        using var loggedIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = returnUrl,
            ["Email"] = email,
            ["Password"] = password,
        }));
        Expect(loggedIn, HttpStatusCode.Redirect);

        var next = loggedIn.Headers.Location!;
        HttpResponseMessage withCode;
        while (true)
        {
            withCode = await client.GetAsync(next);
            if (withCode.StatusCode == HttpStatusCode.OK && withCode.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/2fa"))
            {
                // The second factor: the set-up page shows the key; the login step only asks for a code.
                var page = await withCode.Content.ReadAsStringAsync();
                var key = SecretField().Match(page) is { Success: true } m ? m.Groups[1].Value : null;
                var code = (secondFactor ?? throw new InvalidOperationException($"{email} needs a second factor"))(key);
                using var posted = await client.PostAsync(withCode.RequestMessage.RequestUri.AbsolutePath, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
                    ["ReturnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value),
                    ["Code"] = code,
                }));
                Expect(posted, HttpStatusCode.Redirect);
                next = posted.Headers.Location!;
                withCode.Dispose();
                continue;
            }
            Expect(withCode, HttpStatusCode.Redirect);
            if (withCode.Headers.Location!.ToString().StartsWith("/account/2fa"))
            {
                next = withCode.Headers.Location;
                withCode.Dispose();
                continue;
            }
            break;
        }
        using var _ = withCode;
        var callback = QueryHelpers.ParseQuery(withCode.Headers.Location!.Query);
        if (callback["state"] != state) throw new InvalidOperationException("The state came back changed.");

        using var tokens = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = callback["code"]!,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["code_verifier"] = verifier,
        }));
        var body = await tokens.Content.ReadAsStringAsync();
        if (!tokens.IsSuccessStatusCode) throw new InvalidOperationException($"Token request failed: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: expected {status}, got {response.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();

    [GeneratedRegex("id=\"secret\">([A-Z2-7]+)<")]
    private static partial Regex SecretField();
}
