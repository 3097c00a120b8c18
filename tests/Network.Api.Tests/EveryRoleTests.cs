using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Network.Api.Features.Families;
using Network.Api.Infrastructure.Realtime;
using Network.Api.Infrastructure.Setup;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>
/// Gezin Bos has every framework at once: divorced parents (the father lost gezag), Tim (9) under
/// OTS and a Raad investigation, Eva (16) under jeugdreclassering, Lars placed at a secret
/// address, and a buurtteam and JGZ with consent for Tim only. Real users of each role read
/// exactly the items the table allows, by every path: the timeline, the board list, pushes.
/// </summary>
public sealed class EveryRoleTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Board = BosBoard.Value;

    private static readonly DemoUser[] Everyone = [BosMother, BosFather, BosYouth, Coordinator, YouthDoctor, Guardian, ProbationOfficer, BoardInvestigator];

    [Fact]
    public async Task every_role_reads_exactly_what_the_table_allows_by_every_path()
    {
        var clients = new Dictionary<DemoUser, HttpClient>();
        foreach (var user in Everyone.Append(YouthCareWorker).Append(Administrator)) clients[user] = await api.ClientForAsync(user);
        var pushes = new Dictionary<DemoUser, Channel<long>>();
        var hubs = new List<HubConnection>();
        foreach (var user in Everyone)
        {
            pushes[user] = Channel.CreateUnbounded<long>();
            hubs.Add(await api.JoinBoardAsync(user, Board, pushes[user], Ct));
        }

        try
        {
            // Each item is written by someone the table lets write it; the expectation beside it is
            // read off docs/authorization.md by hand, not computed by the code under test.
            var items = new List<(string Name, long Version, Guid Id, DemoUser[] Readers)>();
            async Task Post(string name, DemoUser author, object note, params DemoUser[] readers)
            {
                using var response = await clients[author].PostAsJsonAsync($"/api/boards/{Board}/notes", note, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{name}: {await response.Content.ReadAsStringAsync(Ct)}");
                var posted = (await response.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;
                items.Add((name, posted.Version, posted.ItemId, readers));

                // Pushes: each reader of the item is told once, of a position at or after it (the
                // board's position at push time); nobody else is told anything.
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                foreach (var user in Everyone.Where(readers.Contains))
                {
                    var position = await pushes[user].Reader.ReadAsync(timeout.Token);
                    Assert.True(position >= posted.Version, $"{user.DisplayName} was told of position {position} for the {name} at {posted.Version}");
                }
                await Task.Delay(200, Ct);
                foreach (var user in Everyone)
                    Assert.False(pushes[user].Reader.TryRead(out _), $"{user.DisplayName} was told more than once, or of the {name} they may not read");
            }

            await Post("general about the family", Coordinator, new { text = "Gezinsgesprek donderdag." },
                BosMother, BosFather, BosYouth, Coordinator, YouthDoctor, Guardian, ProbationOfficer, BoardInvestigator);
            await Post("observation about Tim, professionals", Coordinator, new { text = "Tim trekt zich terug.", category = "Observation", about = new[] { TimPerson.Value } },
                Coordinator, YouthDoctor, Guardian, BoardInvestigator);
            await Post("safety about Tim, shared with the family", Coordinator, new { text = "Veiligheidsplan besproken.", category = "Safety", about = new[] { TimPerson.Value }, audience = "Everyone" },
                BosMother, Coordinator, YouthDoctor, Guardian, BoardInvestigator);
            await Post("medical about Tim, professionals", YouthDoctor, new { text = "Groeicurve afwijkend.", category = "Medical", about = new[] { TimPerson.Value } },
                YouthDoctor, Guardian, BoardInvestigator);
            await Post("court measure about Tim", Guardian, new { text = "Verlenging OTS aangevraagd.", category = "CourtMeasure", about = new[] { TimPerson.Value } },
                BosMother, Coordinator, YouthDoctor, Guardian, BoardInvestigator);
            await Post("justice about Eva (16), shared", ProbationOfficer, new { text = "Taakstraf afgerond.", category = "Justice", about = new[] { EvaPerson.Value }, audience = "Everyone" },
                BosYouth, ProbationOfficer);
            await Post("perspective plan about Lars, shared", Guardian, new { text = "Lars blijft in het pleeggezin.", category = "PerspectivePlan", about = new[] { LarsPerson.Value }, audience = "Everyone" },
                BosMother, Guardian);
            await Post("the mother's own contact details", BosMother, new { text = "Nieuw telefoonnummer: 06-99998888", category = "ContactDetails", about = new[] { LindaPerson.Value } },
                BosMother, Coordinator, YouthDoctor, Guardian, ProbationOfficer, BoardInvestigator);

            foreach (var user in Everyone)
            {
                var timeline = await clients[user].GetFromJsonAsync<TimelineView>($"/api/boards/{Board}/timeline", ApiFixture.Json, Ct);
                var seen = timeline!.Entries.Select(e => e.ItemId).ToHashSet();
                foreach (var item in items)
                    Assert.True(seen.Contains(item.Id) == item.Readers.Contains(user),
                        $"{user.DisplayName} {(seen.Contains(item.Id) ? "reads" : "does not read")} the {item.Name}");
                // Each item by its own address, and "why": 200 exactly for its readers, 404 for everyone else.
                foreach (var item in items)
                {
                    using var single = await clients[user].GetAsync($"/api/items/{item.Id}", Ct);
                    using var why = await clients[user].GetAsync($"/api/boards/{Board}/items/{item.Id}/why", Ct);
                    var status = item.Readers.Contains(user) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                    Assert.True(single.StatusCode == status, $"{user.DisplayName}: GET the {item.Name} answered {single.StatusCode}");
                    Assert.True(why.StatusCode == status, $"{user.DisplayName}: why of the {item.Name} answered {why.StatusCode}");
                }
                var boards = await clients[user].GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct);
                Assert.Contains(boards!, b => b.Id == Board);
            }

            // Outside the network: no board, and the board answers 404.
            using var outsider = await clients[YouthCareWorker].GetAsync($"/api/boards/{Board}/timeline", Ct);
            Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
            Assert.DoesNotContain((await clients[Administrator].GetFromJsonAsync<List<BoardSummary>>("/api/boards", ApiFixture.Json, Ct))!, b => b.Id == Board);
        }
        finally
        {
            foreach (var hub in hubs) await hub.DisposeAsync();
            foreach (var client in clients.Values) client.Dispose();
        }
    }

    [Fact]
    public async Task the_secret_placement_address_reaches_the_family_guardian_only()
    {
        foreach (var user in Everyone)
        {
            using var client = await api.ClientForAsync(user);
            var body = await client.GetStringAsync($"/api/families/{BosFamily.Value}", Ct);
            Assert.True(body.Contains("Boslaan") == (user == Guardian), $"{user.DisplayName} and the secret address");
            Assert.DoesNotContain("Zeist", body.Replace("Boslaan 12, 3701 AB Zeist", ""));
        }
    }

    [Fact]
    public async Task standing_is_per_child_in_the_family_view()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var kees = await api.ClientForAsync(BosFather);

        var asCoordinator = await fatima.GetFromJsonAsync<FamilyView>($"/api/families/{BosFamily.Value}", ApiFixture.Json, Ct);
        var asFather = await kees.GetFromJsonAsync<FamilyView>($"/api/families/{BosFamily.Value}", ApiFixture.Json, Ct);

        Assert.Equal(ChildAccess.Full, asCoordinator!.Children.Single(c => c.PersonId == TimPerson.Value).Access);
        Assert.Equal(ChildAccess.Pending, asCoordinator.Children.Single(c => c.PersonId == EvaPerson.Value).Access);
        Assert.All(asFather!.Children, c => Assert.DoesNotContain(KeesPerson.Value, c.ParentsWithAuthority));
    }
}
