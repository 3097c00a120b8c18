using System.Net;
using System.Net.Http.Json;
using Network.Api.Infrastructure.Setup;
using Network.Domain.Authorization;
using Npgsql;

namespace Network.Api.Tests;

public sealed class AccessLogTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<AccessLogPage> LogAsync(HttpClient client, Guid family, string query = "") =>
        (await client.GetFromJsonAsync<AccessLogPage>($"/api/families/{family}/access-log{query}", ApiFixture.Json, Ct))!;

    [Fact]
    public async Task a_read_is_one_visit_naming_who_on_which_basis_and_whose_data()
    {
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);
        using var sanne = await api.ClientForAsync(DemoRegion.Parent);
        using (var read = await jeroen.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct))
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var log = await LogAsync(sanne, DemoRegion.JansenFamily.Value);

        var visit = log.Visits.First(v => v.UserName == "Jeroen de Vries");
        Assert.Contains(AccessAction.Read, visit.Actions);
        Assert.Contains(AccessBasis.Consent, visit.Bases);
        Assert.Equal(ActorRole.YouthCare, visit.Role);
        Assert.Equal("Jeugdhulp De Brug", visit.Organisation);
        Assert.Contains("board", visit.What);
        Assert.True(visit.From > DateTimeOffset.UtcNow.AddMinutes(-5));
        // Jeroen has no standing on Noor and read nothing of hers: nothing about Noor is logged for him.
        Assert.DoesNotContain(visit.Persons, p => p.PersonId == DemoRegion.NoorPerson.Value);
    }

    [Fact]
    public async Task repeated_reads_are_one_visit_not_a_row_per_child_per_read()
    {
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        for (var i = 0; i < 5; i++)
            (await jeroen.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct)).Dispose();

        var log = await LogAsync(fatima, DemoRegion.JansenFamily.Value);

        var visits = log.Visits.Where(v => v.UserName == "Jeroen de Vries").ToList();
        Assert.Single(visits);
        Assert.True(visits[0].Entries >= 5);
    }

    [Fact]
    public async Task a_note_about_one_child_is_logged_against_that_child_only()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var posted = await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes",
            new { text = "Alleen over Daan", about = new[] { DemoRegion.DaanPerson.Value } }, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var item = (await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!;

        var entries = await api.EntriesAsync(null, $"item:{item.ItemId}");

        var entry = Assert.Single(entries);
        Assert.Equal(AccessAction.Create, entry.Record.Action);
        Assert.Equal(DemoRegion.DaanPerson.Value, entry.Record.PersonId);
        Assert.True(entry.Record.Allowed);
    }

    [Fact]
    public async Task a_refused_post_is_logged_as_refused_and_stores_nothing()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var refused = await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes",
            new { text = "Diagnose", category = "Medical", about = new[] { DemoRegion.DaanPerson.Value } }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var entries = await api.EntriesAsync(DemoRegion.JansenFamily.Value, null);

        var creates = entries.Where(e => e.Record.UserName == "Fatima El Amrani" && e.Record.Action == AccessAction.Create).ToList();
        var refusal = Assert.Single(creates, e => !e.Record.Allowed);
        Assert.Equal(DemoRegion.DaanPerson.Value, refusal.Record.PersonId);
        Assert.DoesNotContain(creates, e => e.Record.RequestId == refusal.Record.RequestId && e.Record.Allowed);
    }

    [Fact]
    public async Task an_outsider_refused_is_someone_without_access_with_their_organisation()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var peter = await api.ClientForAsync(DemoRegion.Guardian);
        using (var denied = await fatima.GetAsync($"/api/boards/{DemoRegion.YilmazBoard.Value}/timeline", Ct))
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);

        var log = await LogAsync(peter, DemoRegion.YilmazFamily.Value);

        var visit = log.Visits.First(v => v.Refused && v.Organisation == "Buurtteam Utrecht-Oost");
        Assert.Null(visit.UserName);
        Assert.Equal([AccessBasis.None], visit.Bases);
        Assert.DoesNotContain(log.Visits, v => v.UserName == "Fatima El Amrani");
    }

    [Fact]
    public async Task professionals_other_than_the_coordinator_do_not_read_the_log_and_outsiders_get_404()
    {
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);
        using var peter = await api.ClientForAsync(DemoRegion.Guardian);

        using var notCoordinator = await jeroen.GetAsync($"/api/families/{DemoRegion.JansenFamily.Value}/access-log", Ct);
        using var outsider = await peter.GetAsync($"/api/families/{DemoRegion.JansenFamily.Value}/access-log", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, notCoordinator.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
    }

    [Fact]
    public async Task the_log_pages_through_every_visit_and_filters_by_period()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        await api.SeedLogAsync(DemoRegion.JansenFamily.Value, DemoRegion.DaanPerson.Value, visits: 30);

        var seen = new List<AccessLogVisit>();
        DateTimeOffset? before = null;
        do
        {
            var page = await LogAsync(fatima, DemoRegion.JansenFamily.Value, before is null ? "?limit=7" : $"?limit=7&before={Uri.EscapeDataString(before.Value.ToString("O"))}");
            seen.AddRange(page.Visits);
            before = page.Before;
        } while (before is not null);
        Assert.True(seen.Count(v => v.UserName == "Oud bezoek") >= 30);
        var repeated = seen.GroupBy(v => (v.From, v.UserName)).Where(g => g.Count() > 1).Select(g => $"{g.Key.UserName} {g.Key.From:O}").ToList();
        Assert.True(repeated.Count == 0, "on two pages: " + string.Join(", ", repeated));

        var lastWeek = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30));
        var period = await LogAsync(fatima, DemoRegion.JansenFamily.Value, $"?from={lastWeek.AddDays(-3):yyyy-MM-dd}&to={lastWeek:yyyy-MM-dd}&limit=200");
        Assert.All(period.Visits, v => Assert.InRange(v.From, new DateTimeOffset(lastWeek.AddDays(-3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(lastWeek.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        Assert.NotEmpty(period.Visits);
    }

    [Fact]
    public async Task the_log_refuses_updates_and_deletes()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var update = new NpgsqlCommand("update audit.access_log set user_name = 'iemand anders'", connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync(Ct));
        Assert.Contains("append-only", error.MessageText);
    }
}

/// <summary>In its own database: it breaks the chain on purpose.</summary>
public sealed class AccessLogTamperTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task tampering_with_a_row_makes_the_verification_fail()
    {
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);
        using var admin = await api.ClientForAsync(DemoRegion.Administrator);
        for (var i = 0; i < 3; i++)
            (await jeroen.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct)).Dispose();
        var intact = await admin.GetFromJsonAsync<ChainCheck>("/api/access-log/verify", ApiFixture.Json, Ct);
        Assert.True(intact!.Intact, intact.Problem);
        Assert.True(intact.Entries >= 3);

        // Someone with database rights switches the guard off and rewrites who looked.
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var tamper = new NpgsqlCommand($"""
                alter table audit.access_log disable trigger access_log_append_only;
                update audit.access_log set user_name = 'Niemand' where family_id = '{DemoRegion.JansenFamily.Value}' and sequence = 2;
                alter table audit.access_log enable trigger access_log_append_only;
                """, connection);
            await tamper.ExecuteNonQueryAsync(Ct);
        }

        var broken = await admin.GetFromJsonAsync<ChainCheck>("/api/access-log/verify", ApiFixture.Json, Ct);
        Assert.False(broken!.Intact);
        Assert.Equal(DemoRegion.JansenFamily.Value, broken.BrokenChain);
        Assert.Equal(2, broken.FirstBrokenSequence);
    }

    [Fact]
    public async Task only_functional_administrators_verify_the_chain()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);

        using var response = await fatima.GetAsync("/api/access-log/verify", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>In its own database: it cuts a chain short on purpose.</summary>
public sealed class AccessLogAnchorTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task cutting_off_the_end_of_a_chain_shows_against_the_anchor()
    {
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);
        using var admin = await api.ClientForAsync(DemoRegion.Administrator);
        for (var i = 0; i < 3; i++)
            (await jeroen.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct)).Dispose();
        await api.AnchorAsync();
        var anchored = await admin.GetFromJsonAsync<ChainCheck>("/api/access-log/verify", ApiFixture.Json, Ct);
        Assert.True(anchored!.Intact, anchored.Problem);
        Assert.Equal(1, anchored.Anchors);

        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            // Remove the last entry of the chain and set its head back: the chain itself still verifies.
            var family = $"'{DemoRegion.JansenFamily.Value}'";
            await using var cut = new NpgsqlCommand($"""
                alter table audit.access_log disable trigger access_log_append_only;
                alter table audit.chain disable trigger chain_forward_only;
                delete from audit.access_log where chain_key = {family} and sequence = (select max(sequence) from audit.access_log where chain_key = {family});
                update audit.chain c set sequence = l.sequence, hash = l.hash
                  from (select sequence, hash from audit.access_log where chain_key = {family} order by sequence desc limit 1) l
                  where c.chain_key = {family};
                alter table audit.chain enable trigger chain_forward_only;
                alter table audit.access_log enable trigger access_log_append_only;
                """, connection);
            await cut.ExecuteNonQueryAsync(Ct);
        }

        var check = await admin.GetFromJsonAsync<ChainCheck>("/api/access-log/verify", ApiFixture.Json, Ct);
        Assert.False(check!.Intact);
        Assert.True(check.Problem == "anchored-entry", $"{check.Problem} {check.BrokenChain} {check.FirstBrokenSequence}");
    }
}
