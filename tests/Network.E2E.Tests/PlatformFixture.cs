extern alias api;
extern alias web;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>The real SMTP server the API sends its mail to.</summary>
    public SmtpSink Mail { get; private set; } = default!;

    public const string Password = "Netwerk-demo-2026";

    /// <summary>The API's services, for a journey that sets its scene through the same commands the endpoints send.</summary>
    public IServiceProvider ApiServices => apiHost!.Services;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("e2e");
        var apiPort = FreePort();
        var webPort = FreePort();
        ApiUrl = $"http://localhost:{apiPort}";
        WebUrl = $"http://localhost:{webPort}";

        Mail = await SmtpSink.StartAsync();
        apiHost = new ApiHost(database.ConnectionString, WebUrl, Mail.Port);
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
        if (Mail is not null) await Mail.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A registry person added to a family as a given relation, the way the demo seed does it (the
    /// journeys that need someone without an account yet start from here).
    /// </summary>
    public async Task<Guid> AddFamilyMemberAsync(Guid familyId, string given, string familyName, DateOnly born, Network.Domain.Families.Relation relation)
    {
        await using var scope = apiHost!.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<Marten.IDocumentSession>();
        var id = Network.Domain.Registry.PersonId.New();
        var now = DateTimeOffset.UtcNow;
        var details = new Network.Domain.Registry.PersonDetails(new(given, null, familyName), born, null,
            new("Burgemeester Reigerstraat", "12", "3581 KL", "Utrecht", "Utrecht"), null, null, null, null);
        session.Events.StartStream<Network.Domain.Registry.Person>(id.Value,
            Network.Domain.Registry.Person.Register(id, details, new Network.Domain.Common.UserId(Guid.Empty), now).ToArray());
        session.Events.Append(familyId, new Network.Domain.Families.FamilyMemberAdded(new Network.Domain.Common.FamilyId(familyId), id, relation, now));
        await session.SaveChangesAsync();
        return id.Value;
    }

    private sealed class ApiHost(string connectionString, string webUrl, int smtpPort) : WebApplicationFactory<api::Program>
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
            builder.UseSetting("Network:Mail:Host", "127.0.0.1");
            builder.UseSetting("Network:Mail:Port", smtpPort.ToString());
            builder.UseSetting("Network:Mail:Security", "None");
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
