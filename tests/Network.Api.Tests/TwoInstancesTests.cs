using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Network.Api.Infrastructure.Realtime;
using Network.Api.Infrastructure.Setup;
using Network.Testing;

namespace Network.Api.Tests;

/// <summary>
/// More than one node: two API processes on one PostgreSQL, sharing Redis (SignalR's backplane,
/// data protection keys) and the OpenID Connect keys. A push for an item posted through one
/// instance reaches its readers connected to the other, filtered per reader as always; a login
/// whose requests a load balancer spreads over both instances works.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(30);
    private static readonly Guid Board = DemoRegion.JansenBoard.Value;

    [Fact]
    public async Task an_item_posted_through_one_instance_is_pushed_to_its_readers_on_the_other_and_to_no_one_else()
    {
        var (a, b) = (instances.A, instances.B);
        await using var jeroen = await WatchAsync(b, await a.AccessTokenAsync(DemoRegion.YouthCareWorker));
        await using var sanne = await WatchAsync(b, await a.AccessTokenAsync(DemoRegion.Parent));
        await using var noor = await WatchAsync(b, await a.AccessTokenAsync(DemoRegion.Youth));
        using var fatima = a.WithToken(await a.AccessTokenAsync(DemoRegion.Coordinator));

        // Daan's observation for professionals: Jeroen (jeugdhulp for Daan) reads it, his mother
        // and his sister do not.
        var observation = await PostAsync(fatima, new
        {
            text = "Daan was vandaag onrustig op school.", category = "Observation",
            about = new[] { DemoRegion.DaanPerson.Value }, audience = "Professionals",
        });
        var toJeroen = await jeroen.NextAsync();
        Assert.True(toJeroen >= observation.Version, $"Jeroen was told version {toJeroen}, the observation is {observation.Version}");

        // A general note for the whole family, posted after the observation's push went out. Each
        // user's pushes travel in order through one channel of the backplane, so the first push
        // Sanne and Noor receive being the note's shows that none came for the observation.
        var note = await PostAsync(fatima, new { text = "Gezinsgesprek donderdag om 10 uur." });
        foreach (var (name, watcher) in new[] { ("Sanne", sanne), ("Noor", noor) })
        {
            var first = await watcher.NextAsync();
            Assert.True(first >= note.Version, $"{name} was told version {first} before the note ({note.Version}): the observation reached her");
        }
        Assert.True(await jeroen.NextAsync() >= note.Version);
    }

    [Fact]
    public async Task a_login_whose_requests_alternate_between_the_instances_works_and_both_accept_its_token()
    {
        var (a, b) = (instances.A, instances.B);
        var balancer = new RoundRobin([a.Url, b.Url])
        {
            InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true },
        };
        using var browser = new HttpClient(balancer) { BaseAddress = a.Url, Timeout = TimeSpan.FromSeconds(60) };

        // Authorize (A), login form (B), its post with B's antiforgery token (A), authorize again
        // with A's login cookie (B), the code that B encrypted redeemed at A's token endpoint.
        var token = await OidcLogin.AccessTokenAsync(browser, DemoRegion.Coordinator.Email, DemoRegion.Password);

        Assert.Equal(new[] { a.Url, b.Url, a.Url, b.Url, a.Url }, balancer.Served);
        foreach (var instance in new[] { a, b })
        {
            using var client = instance.WithToken(token);
            var boards = await client.GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct);
            Assert.Contains(boards!, board => board.Id == Board);
        }
    }

    private static async Task<ItemPostedResponse> PostAsync(HttpClient client, object note)
    {
        using var response = await client.PostAsJsonAsync($"/api/boards/{Board}/notes", note, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;
    }

    /// <summary>Connects to the instance's hub the way the Web app does (WebSockets, no negotiate) and joins the board.</summary>
    private static async Task<Watcher> WatchAsync(ApiProcess instance, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(instance.Url, BoardHub.Path), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        var pushes = Channel.CreateUnbounded<long>();
        connection.On<Guid, long>(nameof(IBoardClient.BoardChanged), (board, version) =>
        {
            if (board == Board) pushes.Writer.TryWrite(version);
        });
        await connection.StartAsync(Ct);
        await connection.InvokeAsync<long>(nameof(BoardHub.JoinBoard), Board, Ct);
        return new Watcher(connection, pushes);
    }

    private sealed class Watcher(HubConnection connection, Channel<long> pushes) : IAsyncDisposable
    {
        public async Task<long> NextAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(PushTimeout);
            return await pushes.Reader.ReadAsync(timeout.Token);
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    /// <summary>A round-robin load balancer in front of the instances: each request goes to the next one.</summary>
    private sealed class RoundRobin(IReadOnlyList<Uri> instances) : DelegatingHandler
    {
        private int next;

        public List<Uri> Served { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = instances[next++ % instances.Count];
            Served.Add(target);
            request.RequestUri = new Uri(target, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
