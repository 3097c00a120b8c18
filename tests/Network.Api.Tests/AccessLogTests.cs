using System.Net;
using System.Net.Http.Json;
using Network.Api.Features.AccessLog;
using Network.Api.Infrastructure.Setup;
using Npgsql;

namespace Network.Api.Tests;

public sealed class AccessLogTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task every_decision_on_a_persons_data_is_logged_with_all_fields_allowed_or_denied()
    {
        using var jeroen = await api.ClientForAsync(DemoRegion.YouthCareWorker);
        using var sanne = await api.ClientForAsync(DemoRegion.Parent);
        using (var read = await jeroen.GetAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/timeline", Ct))
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var log = await sanne.GetFromJsonAsync<List<AccessLogLine>>($"/api/families/{DemoRegion.JansenFamily.Value}/access-log", Ct);

        var daan = log!.First(l => l.UserName == "Jeroen de Vries" && l.PersonId == DemoRegion.DaanPerson.Value && l.Action == "Read");
        Assert.True(daan.Allowed);
        Assert.Equal("Consent", daan.Basis);
        Assert.Equal("YouthCare", daan.Role);
        Assert.Equal("Jeugdhulp De Brug", daan.Organisation);
        Assert.Equal($"board:{DemoRegion.JansenBoard.Value}", daan.Resource);
        Assert.Equal("Daan Jansen", daan.PersonName);
        Assert.True(daan.At > DateTimeOffset.UtcNow.AddMinutes(-5));
        // Jeroen has no standing on Noor: that decision is logged as denied.
        var noor = log!.First(l => l.UserName == "Jeroen de Vries" && l.PersonId == DemoRegion.NoorPerson.Value && l.Action == "Read");
        Assert.False(noor.Allowed);
    }

    [Fact]
    public async Task a_note_about_one_child_is_logged_against_that_child_only()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var posted = await fatima.PostAsJsonAsync($"/api/boards/{DemoRegion.JansenBoard.Value}/notes",
            new { text = "Alleen over Daan", about = new[] { DemoRegion.DaanPerson.Value } }, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var log = await fatima.GetFromJsonAsync<List<AccessLogLine>>($"/api/families/{DemoRegion.JansenFamily.Value}/access-log", Ct);

        var creates = log!.Where(l => l.UserName == "Fatima El Amrani" && l.Action == "Create").ToList();
        Assert.Contains(creates, l => l.PersonId == DemoRegion.DaanPerson.Value && l.Allowed);
        Assert.DoesNotContain(creates, l => l.PersonId == DemoRegion.NoorPerson.Value);
    }

    [Fact]
    public async Task a_denied_look_at_another_family_is_logged_too()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var peter = await api.ClientForAsync(DemoRegion.Guardian);
        using (var denied = await fatima.GetAsync($"/api/boards/{DemoRegion.YilmazBoard.Value}/timeline", Ct))
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);

        var log = await peter.GetFromJsonAsync<List<AccessLogLine>>($"/api/families/{DemoRegion.YilmazFamily.Value}/access-log", Ct);

        var entry = log!.First(l => l.UserName == "Fatima El Amrani");
        Assert.False(entry.Allowed);
        Assert.Equal("None", entry.Basis);
        Assert.Equal(DemoRegion.EmrePerson.Value, entry.PersonId);
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
        var intact = await admin.GetFromJsonAsync<ChainCheck>("/api/access-log/verify", Ct);
        Assert.True(intact!.Intact);
        Assert.True(intact.Entries >= 6);

        // Someone with database rights switches the guard off and rewrites who looked.
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var tamper = new NpgsqlCommand("""
                alter table audit.access_log disable trigger access_log_append_only;
                update audit.access_log set user_name = 'Niemand' where sequence = 3;
                alter table audit.access_log enable trigger access_log_append_only;
                """, connection);
            await tamper.ExecuteNonQueryAsync(Ct);
        }

        var broken = await admin.GetFromJsonAsync<ChainCheck>("/api/access-log/verify", Ct);
        Assert.False(broken!.Intact);
        Assert.Equal(3, broken.FirstBrokenSequence);
    }

    [Fact]
    public async Task only_functional_administrators_verify_the_chain()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);

        using var response = await fatima.GetAsync("/api/access-log/verify", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
