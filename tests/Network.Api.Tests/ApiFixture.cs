using Microsoft.AspNetCore.SignalR.Client;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Network.Api.Infrastructure.Setup;
using Network.Testing;

namespace Network.Api.Tests;

/// <summary>The API against its own fresh PostgreSQL database, with the demo region seeded.</summary>
public class ApiFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;

    /// <summary>The real SMTP server the API sends its mail to.</summary>
    public SmtpSink Mail { get; private set; } = default!;

    /// <summary>The API's JSON: web defaults, enums as names.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public string ConnectionString => database!.ConnectionString;

    /// <summary>Whether requests travel over real sockets to Kestrel rather than through the in-memory test server.</summary>
    protected virtual bool OverSockets => false;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("api");
        Mail = await SmtpSink.StartAsync();
        if (OverSockets)
        {
            var port = TwoInstances.FreePort();
            UseKestrel(port);
            ClientOptions.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        }
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Network", database!.ConnectionString);
        builder.UseSetting("Network:AllowHttp", "true");
        builder.UseSetting("Network:SeedDemo", "true");
        builder.UseSetting("Network:EphemeralKeys", "true");
        builder.UseSetting("Network:WebClient:ClientSecret", OidcLogin.ClientSecret);
        builder.UseSetting("Network:WebClient:RedirectUris:0", OidcLogin.RedirectUri);
        builder.UseSetting("Network:Mail:Host", "127.0.0.1");
        builder.UseSetting("Network:Mail:Port", Mail.Port.ToString());
        builder.UseSetting("Network:Mail:Security", "None");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Settings of a particular test class (for instance a low rate limit).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>An HttpClient carrying the access token of a demo user, obtained through a real login.</summary>
    public async Task<HttpClient> ClientForAsync(DemoRegion.DemoUser user) =>
        WithToken(await AccessTokenAsync(user));

    public async Task<string> AccessTokenAsync(DemoRegion.DemoUser user)
    {
        using var browser = LoginBrowser();
        return await OidcLogin.AccessTokenAsync(browser, user.Email, DemoRegion.Password);
    }

    /// <summary>A browser's client for the login flow: keeps cookies, does not follow redirects.</summary>
    protected virtual HttpClient LoginBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A SignalR connection to the board hub through the test server (not started).</summary>
    public HubConnection Hub(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, Network.Api.Infrastructure.Realtime.BoardHub.Path.TrimStart('/')), o =>
            {
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();

    /// <summary>Connects as a demo user, joins a board, and writes every pushed version to <paramref name="pushes"/>.</summary>
    public async Task<HubConnection> JoinBoardAsync(
        DemoRegion.DemoUser user, Guid board, System.Threading.Channels.Channel<long> pushes, CancellationToken ct)
    {
        var connection = Hub(await AccessTokenAsync(user));
        connection.On<Guid, long>(
            nameof(Network.Api.Infrastructure.Realtime.IBoardClient.BoardChanged), (_, version) => pushes.Writer.TryWrite(version));
        await connection.StartAsync(ct);
        await connection.InvokeAsync<long>(
            nameof(Network.Api.Infrastructure.Realtime.BoardHub.JoinBoard), board, ct);
        return connection;
    }

    /// <summary>Access-log entries as stored: of one family's chain, or for one resource.</summary>
    public Task<IReadOnlyList<Network.Domain.Authorization.AccessLogEntry>> EntriesAsync(Guid? family, string? resource) =>
        Services.GetRequiredService<Network.Api.Infrastructure.Audit.AccessLogStore>().FindAsync(family, resource, CancellationToken.None);

    /// <summary>Writes an anchor of the access log now (the timer does so every few minutes).</summary>
    public Task AnchorAsync() =>
        Services.GetRequiredService<Network.Api.Infrastructure.Audit.AccessLogAnchors>().AnchorAsync(CancellationToken.None);

    /// <summary>Older visits by someone in the family's network, one a day, through the log's own append.</summary>
    public async Task SeedLogAsync(Guid family, Guid person, int visits)
    {
        var store = Services.GetRequiredService<Network.Api.Infrastructure.Audit.AccessLogStore>();
        var records = Enumerable.Range(1, visits).Select(day => new Network.Domain.Authorization.AccessRecord(
            Guid.CreateVersion7(), DateTimeOffset.UtcNow.AddDays(-day), Guid.CreateVersion7(), Network.Domain.Authorization.AccessAction.Read,
            person, family, $"board:{family}", Guid.CreateVersion7(), "Oud bezoek", "NeighbourhoodTeam", "Buurtteam Utrecht-Oost", null, null,
            Network.Domain.Authorization.AccessBasis.Consent, Network.Domain.Authorization.InformationCategory.General, true)).ToList();
        await store.AppendAsync(records, CancellationToken.None);
    }

    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        if (Mail is not null) await Mail.DisposeAsync();
    }
}
