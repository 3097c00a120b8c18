#nullable disable
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Network.Domain.Common;
using Network.Domain.Items;
using Network.Domain.Authorization;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>
/// The FHIR R4 export (#13) for every role of the demo families: it shows exactly what the screens
/// show that role (the family view, the plan, "Wie keek mee?"), every resource validates against
/// the R4 base specification with an independent validator and survives a strict round trip,
/// $everything respects the gate, and every call writes export entries to the access log.
/// </summary>
public sealed class FhirTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every demo user who works with or belongs to a demo family, with that family.</summary>
    private static readonly (DemoUser User, FamilyId Family)[] Roles =
    [
        (Coordinator, JansenFamily), (YouthCareWorker, JansenFamily), (Parent, JansenFamily), (Youth, JansenFamily), (Grandmother, JansenFamily),
        (Coordinator, BosFamily), (Guardian, BosFamily), (ProbationOfficer, BosFamily), (BoardInvestigator, BosFamily), (YouthDoctor, BosFamily),
        (BosMother, BosFamily), (BosFather, BosFamily), (BosYouth, BosFamily),
        (Guardian, YilmazFamily), (YilmazParent, YilmazFamily),
    ];

    private static readonly string[] Types =
        ["Patient", "RelatedPerson", "Group", "CareTeam", "Consent", "CarePlan", "Goal", "AuditEvent", "Appointment"];

    private static Bundle ParseBundle(string json) => (Bundle)FhirValidator.RoundTrip(json);

    private static async Task<Bundle> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/fhir/{query}", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return ParseBundle(text);
    }

    [Fact]
    public async Task every_resource_for_every_role_validates_against_r4_and_survives_a_strict_round_trip()
    {
        var all = new List<string>();
        var counts = new Dictionary<string, int>();
        foreach (var (user, family) in Roles)
        {
            using var client = await api.ClientForAsync(user);
            foreach (var type in Types)
            {
                var bundle = await SearchAsync(client, type);
                all.Add(bundle.ToJson());
                foreach (var entry in bundle.Entry)
                {
                    all.Add(entry.Resource.ToJson());
                    counts[type] = counts.GetValueOrDefault(type) + 1;
                    // A read by id gives the same resource the search gave.
                    // (A visit in the access log grows with the reading itself: only its id stays.)
                    var read = FhirValidator.RoundTrip(await client.GetStringAsync($"/fhir/{type}/{entry.Resource.Id}", Ct));
                    Assert.True(type == "AuditEvent" || entry.Resource.IsExactly(read), $"{user.Email}: {type}/{entry.Resource.Id} differs between read and search");
                }
            }
            foreach (var patient in (await SearchAsync(client, "Patient")).Entry)
                all.Add(ParseBundle(await client.GetStringAsync($"/fhir/Patient/{patient.Resource.Id}/$everything", Ct)).ToJson());
        }
        using var anonymous = api.CreateClient();
        all.Add(FhirValidator.RoundTrip(await anonymous.GetStringAsync("/fhir/metadata", Ct)).ToJson());

        // Each kind of resource occurs in the demo region, so each mapping is validated.
        foreach (var type in Types) Assert.True(counts.GetValueOrDefault(type) > 0, $"no {type} exported for any role");
        var errors = await FhirValidator.ErrorsAsync(all, Ct);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Distinct().Take(30)));
    }

    [Fact]
    public async Task the_independent_validator_does_find_errors()
    {
        var errors = await FhirValidator.ErrorsAsync(
            ["""{"resourceType":"Patient","birthDate":"2012-1-1"}""", """{"resourceType":"AuditEvent","id":"x"}""", """{"resourceType":"Patient","id":"ok"}"""], Ct);
        Assert.Contains(errors, e => e.StartsWith("Patient/") && e.Contains("Patient.birthDate"));
        Assert.Contains(errors, e => e.StartsWith("AuditEvent/x") && e.Contains("AuditEvent.recorded"));
        Assert.DoesNotContain(errors, e => e.StartsWith("Patient/ok"));
    }

    [Fact]
    public async Task each_role_gets_exactly_the_children_adults_network_and_addresses_its_family_view_shows()
    {
        foreach (var (user, family) in Roles)
        {
            using var client = await api.ClientForAsync(user);
            var viewJson = await client.GetStringAsync($"/api/families/{family.Value}", Ct);
            var view = JsonSerializer.Deserialize<FamilyView>(viewJson, ApiFixture.Json)!;
            var children = view.Children.Where(c => c.Access == ChildAccess.Full).ToList();
            var patients = (await SearchAsync(client, "Patient")).Entry.Select(e => (Patient)e.Resource)
                .Where(p => view.Children.Any(c => c.PersonId.ToString() == p.Id)).ToList();
            Assert.Equal(children.Select(c => c.PersonId.ToString()).Order(), patients.Select(p => p.Id).Order());
            foreach (var child in children)
            {
                var patient = patients.Single(p => p.Id == child.PersonId.ToString());
                Assert.Equal(child.Name, patient.Name.Single().Text);
                Assert.Equal(child.DateOfBirth?.ToString("yyyy-MM-dd"), patient.BirthDate);
                // Addresses: exactly the placement addresses the view gives (a secret one only with the right to it).
                Assert.Equal(child.Placements.Where(p => p.Address is not null).Select(p => p.Address).Order(), patient.Address.Select(a => a.Text).Order());
            }

            var related = (await SearchAsync(client, "RelatedPerson")).Entry.Select(e => (RelatedPerson)e.Resource)
                .Where(r => children.Any(c => r.Patient.Reference == $"Patient/{c.PersonId}")).ToList();
            Assert.Equal(view.Adults.Count * children.Count, related.Count);
            Assert.All(related, r => Assert.Contains(view.Adults, a => a.Name == r.Name.Single().Text));

            var teams = (await SearchAsync(client, "CareTeam")).Entry.Select(e => (CareTeam)e.Resource)
                .Where(t => children.Any(c => t.Id == c.PersonId.ToString())).ToList();
            foreach (var child in children)
            {
                var expected = view.Professionals.Where(p => p.Children.Any(c => c.ChildId == child.PersonId)).Select(p => p.Name).Order().ToList();
                var team = teams.SingleOrDefault(t => t.Id == child.PersonId.ToString());
                Assert.Equal(expected, team?.Participant.Select(p => p.Member.Display).Order().ToList() ?? []);
            }

            var consents = (await SearchAsync(client, "Consent")).Entry.Select(e => (Consent)e.Resource)
                .Where(c => c.Status == Consent.ConsentState.Active && children.Any(ch => c.Patient.Reference == $"Patient/{ch.PersonId}")).ToList();
            Assert.Equal(view.Professionals.Sum(p => p.Children.Where(c => children.Any(ch => ch.PersonId == c.ChildId)).Sum(c => c.ConsentGivenBy.Count)),
                consents.Count);

            // Nothing the view does not show travels in the export: the secret placement address included.
            var everything = string.Join("", await Task.WhenAll(children.Select(c => client.GetStringAsync($"/fhir/Patient/{c.PersonId}/%24everything", Ct))));
            Assert.Equal(viewJson.Contains("Boslaan"), everything.Contains("Boslaan"));
        }
    }

    [Fact]
    public async Task the_secret_placement_address_reaches_only_the_guardian_of_the_placed_child()
    {
        var lars = LarsPerson.Value;
        using var guardian = await api.ClientForAsync(Guardian);
        var patient = (Patient)FhirValidator.RoundTrip(await guardian.GetStringAsync($"/fhir/Patient/{lars}", Ct));
        Assert.Contains(patient.Address, a => a.Text!.Contains("Boslaan"));
        foreach (var user in new[] { Coordinator, BosMother, BoardInvestigator, ProbationOfficer, YouthDoctor })
        {
            using var client = await api.ClientForAsync(user);
            var response = await client.GetStringAsync($"/fhir/Patient?_format=xml", Ct);
            Assert.DoesNotContain("Boslaan", response);
            var all = await client.GetStringAsync($"/fhir/Patient/{lars}/$everything".Replace("$", "%24"), Ct).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "", Ct);
            Assert.DoesNotContain("Boslaan", all);
        }
    }

    [Fact]
    public async Task plan_goals_and_activities_are_exactly_the_plan_items_the_role_reads()
    {
        foreach (var user in new[] { Coordinator, YouthCareWorker, Parent, Youth, Grandmother })
        {
            using var client = await api.ClientForAsync(user);
            var plan = (await client.GetFromJsonAsync<PlanView>($"/api/families/{JansenFamily.Value}/plan", ApiFixture.Json, Ct))!;
            var goals = (await SearchAsync(client, "Goal")).Entry.Select(e => (Goal)e.Resource).ToList();
            var expectedGoals = plan.Goals.Select(g => g.Goal).Concat(plan.Proposals.Where(p => p.Kind == ItemKind.Goal)).Select(g => g.Text).Order().ToList();
            Assert.Equal(expectedGoals, goals.Select(g => g.Description.Text).Order().ToList());
            var carePlans = (await SearchAsync(client, "CarePlan")).Entry.Select(e => (CarePlan)e.Resource).ToList();
            var actions = plan.Goals.SelectMany(g => g.Actions).Concat(plan.ActionsWithoutGoal ?? []).Select(a => a.Text).Order().ToList();
            if (actions.Count == 0 && plan.Versions.Count == 0 && expectedGoals.Count == 0) continue;
            var carePlan = Assert.Single(carePlans);
            Assert.Equal(actions, carePlan.Activity.Select(a => a.Detail.Description).Order().ToList());
            if (plan.Versions.FirstOrDefault() is { } latest)
                Assert.Contains(carePlan.Note, n => n.Text.ToString().StartsWith($"Versie {latest.Number} "));
        }
    }

    [Fact]
    public async Task everything_on_a_child_respects_the_gate()
    {
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        // Jeroen works with Daan only: Noor does not exist for him.
        var noor = await jeroen.GetAsync($"/fhir/Patient/{NoorPerson.Value}/%24everything", Ct);
        Assert.Equal(HttpStatusCode.NotFound, noor.StatusCode);
        Assert.IsType<OperationOutcome>(new FhirJsonDeserializer().DeserializeResource(await noor.Content.ReadAsStringAsync(Ct)));
        var daan = ParseBundle(await jeroen.GetStringAsync($"/fhir/Patient/{DaanPerson.Value}/%24everything", Ct));
        Assert.Contains(daan.Entry, e => e.Resource is Patient p && p.Id == DaanPerson.Value.ToString());
        Assert.DoesNotContain(NoorPerson.Value.ToString(), daan.ToJson());
        Assert.DoesNotContain("Noor kan haar verhaal kwijt", daan.ToJson());

        // The same for the patient search and a read.
        Assert.Equal(HttpStatusCode.NotFound, (await jeroen.GetAsync($"/fhir/Patient/{NoorPerson.Value}", Ct)).StatusCode);
        Assert.Empty((await SearchAsync(jeroen, $"CareTeam?patient=Patient/{NoorPerson.Value}")).Entry);
    }

    [Fact]
    public async Task every_call_writes_an_export_entry_per_person_shown()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        var daan = DaanPerson.Value;
        await fatima.GetStringAsync($"/fhir/Patient/{daan}", Ct);
        var entries = await api.EntriesAsync(JansenFamily.Value, $"fhir:Patient/{daan}");
        Assert.Contains(entries, e => e.Record.Action == AccessAction.Export && e.Record.PersonId == daan && e.Record.Allowed);

        var bundle = await SearchAsync(fatima, $"Goal?patient={daan}");
        Assert.NotEmpty(bundle.Entry);
        foreach (var goal in bundle.Entry)
            Assert.Contains(await api.EntriesAsync(JansenFamily.Value, $"fhir:Goal/{goal.Resource.Id}"), e => e.Record.Action == AccessAction.Export);

        var everything = ParseBundle(await fatima.GetStringAsync($"/fhir/Patient/{daan}/%24everything", Ct));
        foreach (var e in everything.Entry)
            Assert.Contains(await api.EntriesAsync(JansenFamily.Value, $"fhir:{e.Resource.TypeName}/{e.Resource.Id}"), x => x.Record.Action == AccessAction.Export);
    }

    [Fact]
    public async Task search_parameters_formats_and_refusals()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        var daan = DaanPerson.Value;
        Assert.Single((await SearchAsync(fatima, $"Patient?_id={daan}")).Entry);
        Assert.All((await SearchAsync(fatima, $"Consent?subject=Patient/{daan}")).Entry,
            e => Assert.Equal($"Patient/{daan}", ((Consent)e.Resource).Patient.Reference));
        Assert.NotEmpty((await SearchAsync(fatima, "Patient?_lastUpdated=gt2000-01-01")).Entry);
        Assert.Empty((await SearchAsync(fatima, "Patient?_lastUpdated=lt2000-01-01")).Entry);
        Assert.NotEmpty((await SearchAsync(fatima, $"Patient?_lastUpdated=le{DateTime.UtcNow.AddDays(1):yyyy-MM-dd}")).Entry);

        var xml = await fatima.GetAsync($"/fhir/Patient/{daan}?_format=xml", Ct);
        Assert.Equal("application/fhir+xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.IsType<Patient>(new FhirXmlDeserializer().DeserializeResource(await xml.Content.ReadAsStringAsync(Ct)));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Group");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+xml"));
        var group = await fatima.SendAsync(request, Ct);
        Assert.IsType<Bundle>(new FhirXmlDeserializer().DeserializeResource(await group.Content.ReadAsStringAsync(Ct)));

        Assert.Equal(HttpStatusCode.BadRequest, (await fatima.GetAsync("/fhir/Patient?name=Daan", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await fatima.GetAsync("/fhir/Patient?_lastUpdated=yesterday", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fatima.GetAsync($"/fhir/Patient/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fatima.GetAsync("/fhir/Observation", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/fhir/Patient", Ct)).StatusCode);

        // Administrators never read case content: nothing exists for them.
        using var admin = await api.ClientForAsync(Administrator);
        var refused = await admin.GetAsync($"/fhir/Patient/{daan}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.IsType<OperationOutcome>(new FhirJsonDeserializer().DeserializeResource(await refused.Content.ReadAsStringAsync(Ct)));
        Assert.Empty((await SearchAsync(admin, "Patient")).Entry);
        // Even an export of nothing, and a refusal, are in the log.
        Assert.Contains(await api.EntriesAsync(null, "fhir:Patient"),
            e => e.Record.Role == nameof(ActorRole.FunctionalAdministrator) && e.Record.Action == AccessAction.Export && e.Record.PersonId is null);
        Assert.Contains(await api.EntriesAsync(null, $"fhir:Patient/{daan}"),
            e => e.Record.Role == nameof(ActorRole.FunctionalAdministrator) && e.Record.Action == AccessAction.Export && !e.Record.Allowed);
    }
}

/// <summary>
/// FHIR after changes: a withdrawn consent exports as an inactive Consent, and emergency access
/// shows as break-the-glass in the AuditEvents. Changes the demo family, so a database of its own.
/// </summary>
public sealed class FhirAfterChangesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_withdrawal_is_an_inactive_consent_and_emergency_access_is_break_the_glass()
    {
        var daan = DaanPerson.Value;
        using var sanne = await api.ClientForAsync(Parent);
        var family = (await sanne.GetFromJsonAsync<FamilyView>($"/api/families/{JansenFamily.Value}", ApiFixture.Json, Ct))!;
        var jeroen = family.Professionals.Single(p => p.Name == YouthCareWorker.DisplayName).UserId;
        var withdrawn = await sanne.DeleteAsync($"/api/families/{JansenFamily.Value}/consents/{jeroen}/{daan}", Ct);
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync(Ct));

        var consents = ((Bundle)FhirValidator.RoundTrip(await sanne.GetStringAsync($"/fhir/Consent?patient={daan}", Ct))).Entry
            .Select(e => (Consent)e.Resource).ToList();
        var inactive = Assert.Single(consents, c => c.Status == Consent.ConsentState.Inactive);
        Assert.Equal($"RelatedPerson/{Network.Api.Features.Fhir.FhirIds.RelatedPerson(SannePerson.Value, daan)}", inactive.Performer.Single().Reference);
        Assert.NotNull(inactive.Provision.Period.End);
        Assert.Contains(YouthCareWorker.DisplayName, inactive.Provision.Actor.Single().Reference.Display);
        Assert.DoesNotContain(consents, c => c.Status == Consent.ConsentState.Active && c.Provision.Actor.Single().Reference.Display.Contains(YouthCareWorker.DisplayName));
        // Jeroen's standing ended with it: Daan is not there for him any more.
        using var jeroenClient = await api.ClientForAsync(YouthCareWorker);
        Assert.Equal(HttpStatusCode.NotFound, (await jeroenClient.GetAsync($"/fhir/Patient/{daan}", Ct)).StatusCode);

        // Peter (no standing in Gezin Jansen) breaks the glass for Daan and reads him.
        using var peter = await api.ClientForAsync(Guardian);
        var granted = await peter.PostAsJsonAsync("/api/emergency-access",
            new BreakTheGlassRequest(daan, null, null, null, null, "Melding Veilig Thuis, acuut", 60), ApiFixture.Json, Ct);
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await peter.GetAsync($"/fhir/Patient/{daan}", Ct)).StatusCode);

        using var fatima = await api.ClientForAsync(Coordinator);
        var audit = ((Bundle)FhirValidator.RoundTrip(await fatima.GetStringAsync($"/fhir/AuditEvent?patient={daan}", Ct))).Entry
            .Select(e => (AuditEvent)e.Resource).ToList();
        var glass = Assert.Single(audit, a => a.Agent.Single().Who.Display == Guardian.DisplayName);
        Assert.Contains(glass.PurposeOfEvent, p => p.Coding.Any(c => c.Code == "BTG"));
        Assert.Contains(glass.Agent.Single().PurposeOfUse, p => p.Coding.Any(c => c.Code == "BTG"));

        var errors = await FhirValidator.ErrorsAsync([.. consents.Select(c => c.ToJson()), .. audit.Select(a => a.ToJson())], Ct);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
