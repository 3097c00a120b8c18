using System.Net;
using System.Net.Http.Json;
using Network.Domain.Families;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>
/// Gezin Bos through every path beyond the timeline: the family view (children, measures, the
/// network, placements), the registry search and read, the lists. The expectations beside each
/// user are read off docs/authorization.md by hand, not computed by the code under test.
/// </summary>
public sealed class EveryRoleFactsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Expected(
        DemoUser User, PersonIdSet Full, PersonIdSet Pending, MeasureType[] Measures, string[] Network, PersonIdSet? Search);

    private sealed class PersonIdSet(params Network.Domain.Registry.PersonId[] ids)
    {
        public HashSet<Guid> Ids { get; } = [.. ids.Select(i => i.Value)];
    }

    private static readonly Expected[] Table =
    [
        // Mother with gezag: every child; Eva (16) is under jeugdreclassering, justice she may not see from 16 (condition 7).
        new(BosMother, new(TimPerson, EvaPerson, LarsPerson), new(), [MeasureType.Ots, MeasureType.RaadOnderzoek, MeasureType.Ots, MeasureType.MachtigingUithuisplaatsing],
            ["Fatima El Amrani", "Sophie Visser", "Peter Bakker", "Anouk de Wit"], null),
        // Father without gezag: general facts; court measures only that they exist (condition 8), so not who carries them out.
        new(BosFather, new(TimPerson, EvaPerson, LarsPerson), new(), [MeasureType.Ots, MeasureType.RaadOnderzoek, MeasureType.Ots, MeasureType.MachtigingUithuisplaatsing],
            ["Fatima El Amrani", "Sophie Visser"], null),
        // Eva herself: her own justice measure and her probation officer.
        new(BosYouth, new(EvaPerson), new(), [MeasureType.Jeugdreclassering], ["Fatima El Amrani", "Rik Meijer"], null),
        // The coordinator: consent for Tim only; Eva and Lars wait for consent.
        new(Coordinator, new(TimPerson), new(EvaPerson, LarsPerson), [MeasureType.Ots, MeasureType.RaadOnderzoek],
            ["Fatima El Amrani", "Sophie Visser", "Peter Bakker", "Anouk de Wit"], new(LindaPerson, KeesPerson, TimPerson)),
        new(YouthDoctor, new(TimPerson), new(), [MeasureType.Ots, MeasureType.RaadOnderzoek],
            ["Fatima El Amrani", "Sophie Visser", "Peter Bakker", "Anouk de Wit"], new(LindaPerson, KeesPerson, TimPerson)),
        new(Guardian, new(TimPerson, LarsPerson), new(), [MeasureType.Ots, MeasureType.RaadOnderzoek, MeasureType.Ots, MeasureType.MachtigingUithuisplaatsing],
            ["Fatima El Amrani", "Sophie Visser", "Peter Bakker", "Anouk de Wit"], new(LindaPerson, KeesPerson, TimPerson, LarsPerson)),
        new(ProbationOfficer, new(EvaPerson), new(), [MeasureType.Jeugdreclassering], ["Fatima El Amrani", "Rik Meijer"], new(LindaPerson, KeesPerson, EvaPerson)),
        new(BoardInvestigator, new(TimPerson), new(), [MeasureType.Ots, MeasureType.RaadOnderzoek],
            ["Fatima El Amrani", "Sophie Visser", "Peter Bakker", "Anouk de Wit"], new(LindaPerson, KeesPerson, TimPerson)),
    ];

    [Fact]
    public async Task every_role_sees_exactly_the_family_facts_and_registry_records_the_table_allows()
    {
        foreach (var e in Table)
        {
            using var client = await api.ClientForAsync(e.User);
            var view = (await client.GetFromJsonAsync<FamilyView>($"/api/families/{BosFamily.Value}", ApiFixture.Json, Ct))!;
            var who = e.User.DisplayName;

            Assert.True(e.Full.Ids.SetEquals(view.Children.Where(c => c.Access == ChildAccess.Full).Select(c => c.PersonId)), $"{who}: children");
            Assert.True(e.Pending.Ids.SetEquals(view.Children.Where(c => c.Access == ChildAccess.Pending).Select(c => c.PersonId)), $"{who}: pending");
            Assert.Equal(e.Measures.Order(), view.Children.SelectMany(c => c.Measures).Select(m => m.Type).Order());
            Assert.True(e.Network.ToHashSet().SetEquals(view.Professionals.Select(p => p.Name)), $"{who}: network {string.Join(", ", view.Professionals.Select(p => p.Name))}");
            if (e.User == BosFather)
                Assert.All(view.Children.SelectMany(c => c.Measures), m => Assert.Null(m.Organisation));
            // Pending children carry nothing but a name.
            Assert.All(view.Children.Where(c => c.Access == ChildAccess.Pending), c =>
                Assert.True(c.DateOfBirth is null && c.School is null && c.Measures.Count == 0 && c.Placements.Count == 0));

            if (e.Search is { } search)
            {
                var hits = (await client.GetFromJsonAsync<List<PersonHit>>("/api/persons?q=bos", ApiFixture.Json, Ct))!;
                Assert.True(search.Ids.SetEquals(hits.Select(h => h.PersonId)), $"{who}: search {string.Join(", ", hits.Select(h => h.Name))}");
                foreach (var person in new[] { TimPerson, EvaPerson, LarsPerson })
                {
                    using var read = await client.GetAsync($"/api/persons/{person.Value}", Ct);
                    Assert.True((read.StatusCode == HttpStatusCode.OK) == search.Ids.Contains(person.Value), $"{who}: read {person}");
                }
            }
        }
    }

    [Fact]
    public async Task a_family_member_does_not_search_the_registry_and_an_outsider_finds_nothing_of_the_family()
    {
        using var linda = await api.ClientForAsync(BosMother);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);

        using var asParent = await linda.GetAsync("/api/persons?q=bos", Ct);
        var asOutsider = await jeroen.GetFromJsonAsync<List<PersonHit>>("/api/persons?q=bos", ApiFixture.Json, Ct);
        var ownFamily = await jeroen.GetFromJsonAsync<List<PersonHit>>("/api/persons?q=jansen", ApiFixture.Json, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, asParent.StatusCode);
        Assert.Empty(asOutsider!);
        // Jeroen works with Daan only: Daan, his mother and his grandmother in the network, not his sister.
        Assert.Equal(new[] { DaanPerson.Value, SannePerson.Value, RietPerson.Value }.Order(), ownFamily!.Select(h => h.PersonId).Order());
    }
}
