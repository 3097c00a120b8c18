using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Network.Api.Features.Notifications;
using Network.Api.Infrastructure.Realtime;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>
/// In-app notifications of what concerns a person, live, without case content; and the daily
/// e-mail digest at the real SMTP sink. Changes demo state: its own database.
/// </summary>
public sealed class NotificationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Jansen = JansenFamily.Value;
    private static readonly string[] ContentFree = ["family", "link", "child", "number", "name", "organisation", "until"];

    [Fact]
    public async Task each_person_is_told_live_of_what_concerns_them_and_only_that()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var sanne = await api.ClientForAsync(Parent);
        using var noor = await api.ClientForAsync(Youth);
        using var peter = await api.ClientForAsync(Guardian);
        using var rik = await api.ClientForAsync(ProbationOfficer);
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var sanneLive = await ListenAsync(Parent);
        var peterLive = await ListenAsync(Guardian);
        var peterId = (await peter.GetFromJsonAsync<MeView>("/api/me", ApiFixture.Json, Ct))!.UserId;

        // A new item about Daan: his mother is told; Noor may not read it and is not.
        (await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/notes",
            new { text = "Daan had een goede week op school.", about = new[] { DaanPerson.Value } }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("item-about-child", await NextAsync(sanneLive.Kinds));
        // An observation only for professionals: nobody in the family hears of it.
        (await fatima.PostAsJsonAsync($"/api/boards/{JansenBoard.Value}/notes",
            new { text = "Spanning thuis.", category = "Observation", about = new[] { NoorPerson.Value } }, Ct)).EnsureSuccessStatusCode();

        // An action on Sanne's name, then a new plan version: asked of her (and of Noor, 14).
        var plan = (await sanne.GetFromJsonAsync<PlanView>($"/api/families/{Jansen}/plan", ApiFixture.Json, Ct))!;
        var goal = plan.Goals[0].Goal.ItemId;
        (await fatima.PostAsJsonAsync($"/api/families/{Jansen}/plan/items",
            new { kind = "Action", text = "Rooster van de week maken", goalId = goal, owner = new { personId = SannePerson.Value } }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("action-assigned", await NextAsync(sanneLive.Kinds));
        (await fatima.PostAsync($"/api/families/{Jansen}/plan/versions", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("plan-version", await NextAsync(sanneLive.Kinds));

        // Peter is invited into the network for Noor; he is told, and told again of each consent.
        (await fatima.PostAsJsonAsync($"/api/families/{Jansen}/professionals",
            new { userId = peterId, basis = "Consent", children = new[] { NoorPerson.Value } }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("invited", await NextAsync(peterLive.Kinds));
        (await sanne.PutAsync($"/api/families/{Jansen}/consents/{peterId}/{NoorPerson.Value}", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("consent-given", await NextAsync(peterLive.Kinds));
        (await sanne.DeleteAsync($"/api/families/{Jansen}/consents/{peterId}/{NoorPerson.Value}", Ct)).EnsureSuccessStatusCode();
        Assert.Equal("consent-withdrawn", await NextAsync(peterLive.Kinds));

        // Emergency access to Daan: his mother is told at once.
        (await rik.PostAsJsonAsync("/api/emergency-access",
            new { childId = DaanPerson.Value, reason = "Melding Veilig Thuis, acuut gevaar", minutes = 30 }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("emergency-family", await NextAsync(sanneLive.Kinds));

        // Only what happened in this test (the demo region's history brought its own notifications, with their dates).
        var mine = (await sanne.GetFromJsonAsync<List<NotificationView>>("/api/notifications", ApiFixture.Json, Ct))!.Where(n => n.At >= started).ToList();
        Assert.Equal(["emergency-family", "plan-version", "action-assigned", "item-about-child"],
            mine.Select(n => n.Code["notification.".Length..]));
        // Names and numbers only: never the text of an item, a reason or a goal.
        Assert.All(mine, n => Assert.All(n.Args.Keys, k => Assert.Contains(k, ContentFree)));
        Assert.DoesNotContain(mine, n => n.Args.Values.Any(v => v.Contains("school") || v.Contains("Veilig Thuis") || v.Contains("Rooster")));
        Assert.Equal($"/gezinnen/{Jansen}/plan", mine.Single(n => n.Code == "notification.plan-version").Args["link"]);
        var noorOwn = (await noor.GetFromJsonAsync<List<NotificationView>>("/api/notifications", ApiFixture.Json, Ct))!.Where(n => n.At >= started);
        Assert.Equal(["notification.plan-version"], noorOwn.Select(n => n.Code));
        Assert.Equal(["notification.consent-withdrawn", "notification.consent-given", "notification.invited"],
            (await peter.GetFromJsonAsync<List<NotificationView>>("/api/notifications", ApiFixture.Json, Ct))!.Where(n => n.At >= started).Select(n => n.Code));
    }

    [Fact]
    public async Task the_daily_digest_says_only_that_there_is_something_new()
    {
        using var linda = await api.ClientForAsync(BosMother);
        using var kees = await api.ClientForAsync(BosFather);
        using var fatima = await api.ClientForAsync(Coordinator);

        Assert.False((await linda.GetFromJsonAsync<DigestView>("/api/my/digest", ApiFixture.Json, Ct))!.Daily);
        Assert.Equal(HttpStatusCode.BadRequest, (await linda.PutAsJsonAsync("/api/my/digest", new { }, Ct)).StatusCode);
        Assert.True((await (await linda.PutAsJsonAsync("/api/my/digest", new { daily = true }, Ct)).Content.ReadFromJsonAsync<DigestView>(ApiFixture.Json, Ct))!.Daily);
        (await kees.PutAsJsonAsync("/api/my/digest", new { daily = true }, Ct)).EnsureSuccessStatusCode();

        var lindaLive = await ListenAsync(BosMother);
        (await fatima.PostAsJsonAsync($"/api/boards/{BosBoard.Value}/notes",
            new { text = "Veiligheidsplan voor Tim besproken.", category = "Safety", about = new[] { TimPerson.Value }, audience = "Everyone" }, Ct))
            .EnsureSuccessStatusCode();
        Assert.Equal("item-about-child", await NextAsync(lindaLive.Kinds));

        var digest = api.Services.GetRequiredService<DigestSender>();
        var morning = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(8), TimeSpan.Zero);
        // Before seven in the morning (Amsterdam) nothing goes; after it, one mail to Linda only: Kees (no gezag, no safety) has nothing new.
        Assert.Equal(0, await digest.SendDueAsync(new DateTimeOffset(morning.Date.AddHours(4), TimeSpan.Zero), Ct));
        Assert.Equal(1, await digest.SendDueAsync(morning, Ct));
        var mail = await api.Mail.WaitForAsync(BosMother.Email);
        Assert.Contains("iets nieuws", mail.Subject);
        var body = mail.TextBody;
        Assert.Contains("Er is iets nieuws voor u in Network", body);
        foreach (var content in new[] { "Veiligheid", "Tim", "Gezin Bos", "Fatima" }) Assert.DoesNotContain(content, body);
        Assert.Empty(api.Mail.To(BosFather.Email));
        // Once a day.
        Assert.Equal(0, await digest.SendDueAsync(morning.AddHours(2), Ct));
    }

    private async Task<(HubConnection Hub, Channel<string> Kinds)> ListenAsync(DemoUser user)
    {
        var kinds = Channel.CreateUnbounded<string>();
        var hub = api.Hub(await api.AccessTokenAsync(user));
        hub.On<string, Guid>(nameof(IBoardClient.Notified), (kind, _) => { if (kind != "youth-say") kinds.Writer.TryWrite(kind); });
        await hub.StartAsync(Ct);
        return (hub, kinds);
    }

    private static async Task<T> NextAsync<T>(Channel<T> channel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}
