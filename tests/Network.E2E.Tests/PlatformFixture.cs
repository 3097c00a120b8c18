extern alias api;
extern alias web;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Network.Testing;

namespace Network.E2E.Tests;

/// <summary>
/// The whole platform on real sockets: PostgreSQL, the API (OpenIddict, Marten, SignalR) and the
/// Blazor app on Kestrel, driven by Debian's Chromium through Playwright.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private TestDatabase? database;
    private ApiHost? apiHost;
    private WebHost? webHost;
    private IPlaywright? playwright;

    public string ApiUrl { get; private set; } = "";
    public string WebUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;

    public const string Password = "Netwerk-demo-2026";

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("e2e");
        var apiPort = FreePort();
        var webPort = FreePort();
        ApiUrl = $"http://localhost:{apiPort}";
        WebUrl = $"http://localhost:{webPort}";

        apiHost = new ApiHost(database.ConnectionString, WebUrl);
        apiHost.UseKestrel(apiPort);
        apiHost.StartServer();

        webHost = new WebHost(ApiUrl);
        webHost.UseKestrel(webPort);
        webHost.StartServer();

        playwright = await Playwright.CreateAsync();
        // Generous waits: a busy 2-core CI machine is slow, not wrong. Assertions still retry until met.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (own cookies), logged in through the real OpenID Connect flow.</summary>
    public async Task<IPage> LoggedInPageAsync(string email, BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { Locale = "nl-NL" });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(WebUrl + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).First.ClickAsync();
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync(WebUrl + "/**");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mijn borden" }).WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (webHost is not null) await webHost.DisposeAsync();
        if (apiHost is not null) await apiHost.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ApiHost(string connectionString, string webUrl) : WebApplicationFactory<api::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Network", connectionString);
            builder.UseSetting("Network:AllowHttp", "true");
            builder.UseSetting("Network:SeedDemo", "true");
            builder.UseSetting("Network:EphemeralKeys", "true");
            builder.UseSetting("Network:WebClient:ClientSecret", OidcLogin.ClientSecret);
            builder.UseSetting("Network:WebClient:RedirectUris:0", $"{webUrl}/signin-oidc");
            builder.UseSetting("Network:WebClient:PostLogoutRedirectUris:0", $"{webUrl}/signout-callback-oidc");
        }
    }

    private sealed class WebHost(string apiUrl) : WebApplicationFactory<web::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development, so the static web assets of the project are served from the build output.
            builder.UseEnvironment("Development");
            builder.UseSetting("Network:AllowHttp", "true");
            builder.UseSetting("Network:Api:BaseUrl", $"{apiUrl}/");
            builder.UseSetting("Network:Oidc:Authority", $"{apiUrl}/");
            builder.UseSetting("Network:Oidc:ClientSecret", OidcLogin.ClientSecret);
        }
    }
}

[CollectionDefinition(nameof(PlatformCollection))]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>;
