using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Network.Api.Infrastructure.Setup;
using Network.Domain.Accounts;
using Network.Testing;
using Npgsql;
using OtpNet;

namespace Network.Api.Tests;

/// <summary>
/// Organisations and professional accounts end to end: the administrator creates them, the
/// activation mail arrives at a real SMTP server, the professional activates, sets up TOTP and
/// logs in through the real OpenID Connect flow with the second factor.
/// </summary>
public sealed partial class AccountsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    public const string StrongPassword = "Kanaal-Fiets-Brug-82";

    [Fact]
    public async Task an_administrator_creates_an_organisation_and_a_professional_who_activates_sets_up_totp_and_logs_in()
    {
        using var admin = await api.ClientForAsync(DemoRegion.Administrator);
        var organisation = await CreatedAsync<OrganisationAdminView>(await admin.PostAsJsonAsync("/api/admin/organisations",
            new { name = "Jeugdteam Zeist", type = "NeighbourhoodTeam", reason = "Nieuwe gemeente in de regio" }, Ct));
        Assert.True(organisation.Active);

        var email = "lotte.smit@jeugdteamzeist.test";
        var account = await CreatedAsync<AccountView>(await admin.PostAsJsonAsync("/api/admin/accounts",
            new { name = "Lotte Smit", email, organisationId = organisation.OrganisationId, role = "NeighbourhoodTeam", reason = "Start 1 december" }, Ct));
        Assert.Equal(AccountState.Invited, account.State);
        Assert.Equal("Jeugdteam Zeist", account.Organisation);

        var key = await ActivateAndSetUpTwoFactorAsync(email, StrongPassword);

        // A second login asks the code from the same authenticator.
        var token = await LoginAsync(email, StrongPassword, _ => Code(key));
        using var lotte = api.WithToken(token);
        using var families = await lotte.GetAsync("/api/families", Ct);
        Assert.Equal(HttpStatusCode.OK, families.StatusCode);
        Assert.Equal("[]", await families.Content.ReadAsStringAsync(Ct));
        Assert.Equal("[]", await lotte.GetStringAsync("/api/boards", Ct));

        // Without the second factor there is no token.
        await Assert.ThrowsAsync<InvalidOperationException>(() => LoginAsync(email, StrongPassword, null));

        var accounts = await admin.GetFromJsonAsync<List<AccountView>>("/api/admin/accounts?q=Lotte", ApiFixture.Json, Ct);
        var listed = Assert.Single(accounts!, a => a.Email == email);
        Assert.Equal(AccountState.Active, listed.State);
        Assert.True(listed.TwoFactor);

        // Every change an event with who and why, and in the access log.
        await using var session = api.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var events = await session.Events.FetchStreamAsync(account.UserId, token: Ct);
        var created = Assert.IsType<ProfessionalAccountCreated>(events[0].Data);
        Assert.Equal("Start 1 december", created.Reason);
        Assert.Contains(events, e => e.Data is AccountActivated);
        Assert.Contains(events, e => e.Data is TwoFactorEnabled);
        Assert.Contains(await api.EntriesAsync(null, $"account:{account.UserId}"), e => e.Record.Allowed && e.Record.Role == "FunctionalAdministrator");
        Assert.Contains(await api.EntriesAsync(null, $"organisation:{organisation.OrganisationId}"), e => e.Record.Allowed);
    }

    [Fact]
    public async Task a_used_or_expired_activation_link_is_refused()
    {
        var first = await NewProfessionalAsync("bram.vos@test.nl", "Bram Vos");
        var link = SmtpSink.LinkIn(await api.Mail.WaitForAsync(first.Email), "/account/activate");
        using var browser = Browser();
        await SetPasswordAsync(browser, link, StrongPassword);
        using var again = await browser.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("data-reason=\"used\"", await again.Content.ReadAsStringAsync(Ct));

        var second = await NewProfessionalAsync("eline.kok@test.nl", "Eline Kok");
        var expiring = SmtpSink.LinkIn(await api.Mail.WaitForAsync(second.Email), "/account/activate");
        await ExecuteAsync("""update identity.account_tokens set "ExpiresAt" = now() - interval '1 minute' where "UsedAt" is null""");
        using var expired = await browser.GetAsync(expiring, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("data-reason=\"expired\"", await expired.Content.ReadAsStringAsync(Ct));

        using var unknown = await browser.GetAsync("/account/activate?token=not-a-token", Ct);
        Assert.Contains("data-reason=\"unknown\"", await unknown.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("Wachtwoord2024!")]
    [InlineData("Kort-1a")]
    [InlineData("welkomwelkom12")]
    [InlineData("Femke-Jansen-2026")]
    public async Task a_weak_or_personal_password_is_refused_at_activation(string password)
    {
        var email = $"femke.jansen.{Guid.NewGuid():N}@test.nl";
        await NewProfessionalAsync(email, "Femke Jansen");
        var link = SmtpSink.LinkIn(await api.Mail.WaitForAsync(email), "/account/activate");
        using var browser = Browser();
        var page = await browser.GetStringAsync(link, Ct);
        using var posted = await PostFormAsync(browser, "/account/activate", page, new()
        {
            ["Token"] = TokenOf(link), ["Password"] = password, ["Password2"] = password,
        });
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("id=\"form-error\"", await posted.Content.ReadAsStringAsync(Ct));
        // Nothing was used up: the link still works with a good password.
        await SetPasswordAsync(browser, link, StrongPassword);
    }

    [Fact]
    public async Task a_deactivated_account_is_refused_on_its_next_request_its_memberships_end_and_the_coordinator_is_told()
    {
        var email = "joost.peters@debrug.test";
        var account = await NewProfessionalAsync(email, "Joost Peters", DemoRegion.DeBrug.Id.Value, "YouthCare");
        var key = await ActivateAndSetUpTwoFactorAsync(email, StrongPassword);
        using var joost = api.WithToken(await LoginAsync(email, StrongPassword, _ => Code(key)));
        Assert.Equal(HttpStatusCode.OK, (await joost.GetAsync("/api/me", Ct)).StatusCode);

        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var invited = await fatima.PostAsJsonAsync($"/api/families/{DemoRegion.JansenFamily.Value}/professionals",
            new { userId = account.UserId, basis = "Consent", children = new[] { DemoRegion.DaanPerson.Value } }, Ct);
        Assert.True(invited.IsSuccessStatusCode, await invited.Content.ReadAsStringAsync(Ct));
        var timeline = $"/api/boards/{DemoRegion.JansenBoard.Value}/timeline";
        // Not (yet) his board to read: 404 while the account is current.
        Assert.Equal(HttpStatusCode.NotFound, (await joost.GetAsync(timeline, Ct)).StatusCode);

        var told = System.Threading.Channels.Channel.CreateUnbounded<(string Kind, Guid Family)>();
        await using var fatimaHub = api.Hub(await api.AccessTokenAsync(DemoRegion.Coordinator));
        fatimaHub.On<string, Guid>("Notified", (kind, family) => told.Writer.TryWrite((kind, family)));
        await fatimaHub.StartAsync(Ct);

        using var admin = await api.ClientForAsync(DemoRegion.Administrator);
        using var noReason = await admin.PostAsJsonAsync($"/api/admin/accounts/{account.UserId}/deactivate", new { reason = "" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        using var deactivated = await admin.PostAsJsonAsync($"/api/admin/accounts/{account.UserId}/deactivate", new { reason = "Uit dienst" }, Ct);
        Assert.True(deactivated.IsSuccessStatusCode, await deactivated.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, (await joost.GetAsync("/api/me", Ct)).StatusCode);
        // The timeline checks the account in its first round trip: refused all the same, before
        // anything is read or logged, and so is a board that does not exist (not 404).
        var readsBefore = await AccessLogRowsAsync(account.UserId);
        foreach (var path in new[] { timeline, $"{timeline}?since=1", $"/api/boards/{Guid.NewGuid()}/timeline", $"{timeline}?limit=0" })
        {
            using var refused = await joost.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
        }
        // So does a post (its check rides in the board's round trip): 401 for a note, a note without
        // text and a board that does not exist alike, nothing written, nothing logged.
        foreach (var (board, text) in new[] { (DemoRegion.JansenBoard.Value, "Nog één bericht"), (DemoRegion.JansenBoard.Value, ""), (Guid.NewGuid(), "Nog één bericht") })
        {
            using var refused = await joost.PostAsJsonAsync($"/api/boards/{board}/notes", new { text, category = "Observation" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
        }
        Assert.Equal(readsBefore, await AccessLogRowsAsync(account.UserId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => LoginAsync(email, StrongPassword, _ => Code(key)));

        var family = await fatima.GetStringAsync($"/api/families/{DemoRegion.JansenFamily.Value}", Ct);
        Assert.DoesNotContain("Joost Peters", family);
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            Assert.Equal(("member-deactivated", DemoRegion.JansenFamily.Value), await told.Reader.ReadAsync(timeout.Token));
        }
        var notifications = await fatima.GetStringAsync("/api/notifications", Ct);
        Assert.Contains("notification.member-deactivated", notifications);
        Assert.Contains("Joost Peters", notifications);
    }

    [Fact]
    public async Task a_new_role_ends_the_tokens_that_name_the_old_one()
    {
        var email = "noah.bakker@test.nl";
        var account = await NewProfessionalAsync(email, "Noah Bakker");
        var key = await ActivateAndSetUpTwoFactorAsync(email, StrongPassword);
        using var noah = api.WithToken(await LoginAsync(email, StrongPassword, _ => Code(key)));
        Assert.Equal(HttpStatusCode.OK, (await noah.GetAsync("/api/me", Ct)).StatusCode);

        using var admin = await api.ClientForAsync(DemoRegion.Administrator);
        using var changed = await admin.PutAsJsonAsync($"/api/admin/accounts/{account.UserId}/role", new { role = "YouthCare", reason = "Andere functie" }, Ct);
        Assert.Equal(Network.Domain.Authorization.ActorRole.YouthCare, (await changed.Content.ReadFromJsonAsync<AccountView>(ApiFixture.Json, Ct))!.Role);
        Assert.Equal(HttpStatusCode.Unauthorized, (await noah.GetAsync("/api/me", Ct)).StatusCode);

        using var fresh = api.WithToken(await LoginAsync(email, StrongPassword, _ => Code(key)));
        Assert.Contains("YouthCare", await fresh.GetStringAsync("/api/me", Ct));
    }

    [Fact]
    public async Task a_new_activation_link_replaces_the_old_and_a_lost_authenticator_is_set_up_again()
    {
        var email = "tess.bos@test.nl";
        var account = await NewProfessionalAsync(email, "Tess Bos");
        var first = SmtpSink.LinkIn(await api.Mail.WaitForAsync(email), "/account/activate");
        using var admin = await api.ClientForAsync(DemoRegion.Administrator);
        using var resent = await admin.PostAsync($"/api/admin/accounts/{account.UserId}/activation", null, Ct);
        Assert.True(resent.IsSuccessStatusCode, await resent.Content.ReadAsStringAsync(Ct));
        var second = SmtpSink.LinkIn(await api.Mail.WaitForAsync(email, count: 2), "/account/activate");
        using var browser = Browser();
        using var old = await browser.GetAsync(first, Ct);
        Assert.Contains("data-reason=\"used\"", await old.Content.ReadAsStringAsync(Ct));
        var key = await ActivateWithAsync(second, email);
        using var again = await admin.PostAsync($"/api/admin/accounts/{account.UserId}/activation", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var tess = api.WithToken(await LoginAsync(email, StrongPassword, _ => Code(key)));
        using var reset = await admin.PostAsJsonAsync($"/api/admin/accounts/{account.UserId}/two-factor/reset", new { reason = "Telefoon kwijt" }, Ct);
        Assert.False((await reset.Content.ReadFromJsonAsync<AccountView>(ApiFixture.Json, Ct))!.TwoFactor);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tess.GetAsync("/api/me", Ct)).StatusCode);

        // The next login sets up a new authenticator: the old key's codes no longer count.
        string? newKey = null;
        await LoginAsync(email, StrongPassword, shown => Code(newKey = shown ?? throw new InvalidOperationException("no set-up page")));
        Assert.NotEqual(key, newKey);
    }

    [Fact]
    public async Task only_functional_administrators_administer_organisations_and_accounts()
    {
        using var fatima = await api.ClientForAsync(DemoRegion.Coordinator);
        using var organisation = await fatima.PostAsJsonAsync("/api/admin/organisations", new { name = "Eigen clubje", type = "YouthCareProvider" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, organisation.StatusCode);
        using var accounts = await fatima.GetAsync("/api/admin/accounts", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, accounts.StatusCode);

        using var admin = await api.ClientForAsync(DemoRegion.Administrator);
        var created = await CreatedAsync<OrganisationAdminView>(await admin.PostAsJsonAsync("/api/admin/organisations",
            new { name = "Jeugdhulp Oud", type = "YouthCareProvider" }, Ct));
        using var renamed = await admin.PutAsJsonAsync($"/api/admin/organisations/{created.OrganisationId}/name", new { name = "Jeugdhulp Nieuw", reason = "Fusie" }, Ct);
        Assert.Equal("Jeugdhulp Nieuw", (await renamed.Content.ReadFromJsonAsync<OrganisationAdminView>(ApiFixture.Json, Ct))!.Name);
        using var off = await admin.PostAsJsonAsync($"/api/admin/organisations/{created.OrganisationId}/deactivate", new { reason = "Opgeheven" }, Ct);
        Assert.False((await off.Content.ReadFromJsonAsync<OrganisationAdminView>(ApiFixture.Json, Ct))!.Active);
        using var intoInactive = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { name = "Iemand Anders", email = "iemand@test.nl", organisationId = created.OrganisationId, role = "YouthCare" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, intoInactive.StatusCode);
        Assert.Contains("organisation.inactive", await intoInactive.Content.ReadAsStringAsync(Ct));
        using var notProfessional = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { name = "Iemand Anders", email = "iemand@test.nl", organisationId = DemoRegion.Buurtteam.Id.Value, role = "Parent" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, notProfessional.StatusCode);

        // Administering accounts shows no case content: still nothing of any family.
        using var family = await admin.GetAsync($"/api/families/{DemoRegion.JansenFamily.Value}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, family.StatusCode);
    }

    [Fact]
    public async Task the_account_locks_after_repeated_failures()
    {
        var email = "kim.de.graaf@test.nl";
        await NewProfessionalAsync(email, "Kim de Graaf");
        using var browser = Browser();
        await SetPasswordAsync(browser, SmtpSink.LinkIn(await api.Mail.WaitForAsync(email), "/account/activate"), StrongPassword);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await PostLoginAsync(browser, email, "Verkeerd-wachtwoord-1");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var locked = await PostLoginAsync(browser, email, StrongPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("geblokkeerd", await locked.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task a_password_is_reset_by_an_emailed_link_once()
    {
        var email = "sara.dekker@test.nl";
        await NewProfessionalAsync(email, "Sara Dekker");
        var key = await ActivateAndSetUpTwoFactorAsync(email, StrongPassword);

        using var browser = Browser();
        var forgot = await browser.GetStringAsync("/account/forgot", Ct);
        using var asked = await PostFormAsync(browser, "/account/forgot", forgot, new() { ["Email"] = email });
        Assert.Contains("id=\"sent\"", await asked.Content.ReadAsStringAsync(Ct));
        using var unknown = await PostFormAsync(browser, "/account/forgot", forgot, new() { ["Email"] = "niemand@test.nl" });
        Assert.Contains("id=\"sent\"", await unknown.Content.ReadAsStringAsync(Ct));

        var link = SmtpSink.LinkIn(await api.Mail.WaitForAsync(email, count: 2), "/account/reset");
        const string newPassword = "Molen-Zeilboot-Dijk-47";
        var page = await browser.GetStringAsync(link, Ct);
        using var reset = await PostFormAsync(browser, "/account/reset", page, new()
        {
            ["Token"] = TokenOf(link), ["Password"] = newPassword, ["Password2"] = newPassword,
        });
        Assert.Contains("id=\"changed\"", await reset.Content.ReadAsStringAsync(Ct));
        using var reused = await browser.GetAsync(link, Ct);
        Assert.Contains("data-reason=\"used\"", await reused.Content.ReadAsStringAsync(Ct));

        await Assert.ThrowsAsync<InvalidOperationException>(() => LoginAsync(email, StrongPassword, _ => Code(key)));
        Assert.NotEmpty(await LoginAsync(email, newPassword, _ => Code(key)));
    }

    // --- helpers --------------------------------------------------------------------------------

    private async Task<AccountView> NewProfessionalAsync(string email, string name, Guid? organisation = null, string role = "NeighbourhoodTeam")
    {
        using var admin = await api.ClientForAsync(DemoRegion.Administrator);
        return await CreatedAsync<AccountView>(await admin.PostAsJsonAsync("/api/admin/accounts",
            new { name, email, organisationId = organisation ?? DemoRegion.Buurtteam.Id.Value, role, reason = "Test" }, Ct));
    }

    private async Task<string> ActivateWithAsync(string link, string email)
    {
        using var browser = Browser();
        await SetPasswordAsync(browser, link, StrongPassword);
        string? shown = null;
        await LoginAsync(email, StrongPassword, key => Code(shown = key ?? throw new InvalidOperationException("The set-up page showed no key.")));
        return shown!;
    }

    /// <summary>Opens the mailed link, sets a password, logs in and sets up the authenticator; returns its key.</summary>
    private async Task<string> ActivateAndSetUpTwoFactorAsync(string email, string password)
    {
        var mail = await api.Mail.WaitForAsync(email);
        Assert.DoesNotContain(password, mail.TextBody);
        using var browser = Browser();
        await SetPasswordAsync(browser, SmtpSink.LinkIn(mail, "/account/activate"), password);
        string? shown = null;
        await LoginAsync(email, password, key =>
        {
            shown = key ?? throw new InvalidOperationException("The set-up page showed no key.");
            return Code(shown);
        });
        return shown!;
    }

    internal static HttpClient BrowserFor(ApiFixture api) =>
        api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private HttpClient Browser() => BrowserFor(api);

    private async Task<string> LoginAsync(string email, string password, Func<string?, string>? secondFactor)
    {
        using var browser = Browser();
        return await OidcLogin.AccessTokenAsync(browser, email, password, secondFactor);
    }

    internal static async Task SetPasswordAsync(HttpClient browser, string link, string password)
    {
        var page = await browser.GetStringAsync(link, Ct);
        using var posted = await PostFormAsync(browser, "/account/activate", page, new()
        {
            ["Token"] = TokenOf(link), ["Password"] = password, ["Password2"] = password,
        });
        var body = await posted.Content.ReadAsStringAsync(Ct);
        Assert.True(posted.StatusCode == HttpStatusCode.OK && body.Contains("id=\"activated\""), body);
    }

    private async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string email, string password)
    {
        var page = await browser.GetStringAsync("/account/login", Ct);
        return await PostFormAsync(browser, "/account/login", page, new() { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = "/" });
    }

    internal static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string action, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value;
        return browser.PostAsync(action, new FormUrlEncodedContent(fields), Ct);
    }

    internal static string TokenOf(string link) => Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    /// <summary>The authenticator app's code now, computed from its key.</summary>
    internal static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>How many access-log entries the account has (reads and refusals alike).</summary>
    private async Task<long> AccessLogRowsAsync(Guid user)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select count(*) from audit.access_log where user_id = $1", connection) { Parameters = { new() { Value = user } } };
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    internal static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
            return (await response.Content.ReadFromJsonAsync<T>(ApiFixture.Json, Ct))!;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
