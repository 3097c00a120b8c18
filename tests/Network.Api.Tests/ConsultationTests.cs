using System.Net;
using System.Net.Http.Json;
using Ical.Net.Serialization;
using MimeKit;
using Network.Domain.Authorization;
using Network.Domain.Items;
using static Network.Api.Infrastructure.Setup.DemoRegion;

namespace Network.Api.Tests;

/// <summary>
/// Case consultations around Gezin Bos, where four organisations work: Fatima (buurtteam,
/// coordinator, consent for Tim), Sophie (JGZ, consent for Tim), Peter (GI, legal basis for Tim and
/// Lars), Anouk (Raad, legal basis for Tim), Rik (jeugdreclassering, legal basis for Eva only), and
/// both parents: Linda (gezag) and Kees (no gezag). Mails go to a real SMTP server.
/// </summary>
public sealed class ConsultationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Dictionary<string, Guid>> UserIdsAsync(HttpClient fatima)
    {
        var family = (await fatima.GetFromJsonAsync<FamilyView>($"/api/families/{BosFamily.Value}", ApiFixture.Json, Ct))!;
        return family.Professionals.ToDictionary(m => m.Name, m => m.UserId);
    }

    private async Task<(Guid Item, Dictionary<string, Guid> Users)> ScheduleAsync(
        HttpClient fatima, DateTimeOffset start, Guid[] children, params Guid[] others)
    {
        var users = await UserIdsAsync(fatima);
        foreach (var other in others) users[$"{other}"] = other;
        using var posted = await fatima.PostAsJsonAsync($"/api/boards/{BosBoard.Value}/consultations", new ScheduleConsultationRequest(
            "Casusoverleg Bos", start, 90, "Buurtteam Utrecht-Oost, zaal 2", null, children,
            [LindaPerson.Value, KeesPerson.Value], [.. users.Values]), ApiFixture.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return ((await posted.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!.ItemId, users);
    }

    private static Ical.Net.CalendarComponents.CalendarEvent Invitation(MimeMessage mail, out string method)
    {
        var part = mail.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");
        method = part.ContentType.Parameters["method"]!;
        var calendar = Ical.Net.Calendar.Load(part.Text)!;
        Assert.Equal(method, calendar.Method);
        return calendar.Events.Single();
    }

    /// <summary>The invitation to an address for one consultation at one SEQUENCE (other tests of the class invite the same people).</summary>
    private async Task<MimeMessage> InvitationAsync(string to, Guid item, int sequence)
    {
        for (var tries = 0; tries < 200; tries++, await Task.Delay(100, Ct))
            foreach (var mail in api.Mail.To(to))
                if (mail.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.ContentType.MimeType == "text/calendar") is { } part
                    && Ical.Net.Calendar.Load(part.Text)!.Events.Single() is { } e && e.Uid == $"{item}@network" && e.Sequence == sequence)
                    return mail;
        throw new TimeoutException($"No invitation {sequence} for {item} reached {to}.");
    }

    private async Task<ItemView> ItemAsync(HttpClient client, Guid item) =>
        (await client.GetFromJsonAsync<ItemView>($"/api/items/{item}", ApiFixture.Json, Ct))!;

    [Fact]
    public async Task every_participant_gets_an_invitation_with_a_standard_ics_by_smtp_then_a_change_and_a_cancellation_each_logged()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(14).AddHours(9), TimeSpan.Zero);
        var (item, users) = await ScheduleAsync(fatima, start, [TimPerson.Value]);
        // The four professionals of four organisations Fatima sees in Gezin Bos's network (Rik works with Eva on a
        // criminal-law basis, which the buurtteam may not know).
        Assert.Equal(4, users.Count);

        string[] recipients = [Coordinator.Email, YouthDoctor.Email, Guardian.Email, BoardInvestigator.Email, BosMother.Email, BosFather.Email];
        foreach (var to in recipients)
        {
            var mail = await InvitationAsync(to, item, 0);
            var e = Invitation(mail, out var method);
            Assert.Equal("REQUEST", method);
            Assert.Equal($"{item}@network", e.Uid);
            Assert.Equal(0, e.Sequence);
            Assert.Equal(start.UtcDateTime, e.Start!.AsUtc);
            Assert.Equal(90, (int)(e.End!.AsUtc - e.Start.AsUtc).TotalMinutes);
            Assert.Equal(to, e.Attendees.Single().Value!.AbsoluteUri.Replace("mailto:", ""));
            Assert.Equal("mailto:" + Coordinator.Email, e.Organizer!.Value!.AbsoluteUri);
            // No case content: not the title, not the family, not a child (the recipient's own name aside).
            var body = (mail.TextBody ?? "").Replace(mail.To.Mailboxes.Single().Name ?? to, "");
            foreach (var secret in new[] { "Casusoverleg Bos", "Bos", "Tim" })
            {
                Assert.DoesNotContain(secret, body);
                Assert.DoesNotContain(secret, mail.Subject);
                Assert.DoesNotContain(secret, e.Summary);
            }
        }
        // The invitations go out after the commit, and are logged once sent.
        List<Network.Domain.Authorization.AccessLogEntry> sent = [];
        for (var tries = 0; tries < 100 && sent.Count < recipients.Length; tries++, await Task.Delay(100, Ct))
            sent = [.. (await api.EntriesAsync(BosFamily.Value, null)).Where(x => x.Record.Resource.StartsWith($"item:{item}/mail:"))];
        Assert.Equal(recipients.Length, sent.Count);
        Assert.All(sent, x => Assert.Equal(AccessAction.Send, x.Record.Action));

        // In the app too: the mother finds the invitation among her notifications.
        using (var linda = await api.ClientForAsync(BosMother))
        {
            List<NotificationView> notes = [];
            for (var tries = 0; tries < 100 && !notes.Any(n => n.Code == "notification.consultation-invited"); tries++, await Task.Delay(100, Ct))
                notes = (await linda.GetFromJsonAsync<List<NotificationView>>("/api/notifications", ApiFixture.Json, Ct))!;
            Assert.Contains(notes, n => n.Code == "notification.consultation-invited");
        }

        // A participant downloads the same appointment from the app: same UID.
        using var sophie = await api.ClientForAsync(YouthDoctor);
        var ics = await sophie.GetStringAsync($"/api/items/{item}/appointment.ics", Ct);
        Assert.Equal($"{item}@network", Ical.Net.Calendar.Load(ics)!.Events.Single().Uid);
        var upcoming = await sophie.GetFromJsonAsync<List<UpcomingAppointment>>("/api/appointments/upcoming", ApiFixture.Json, Ct);
        Assert.Contains(upcoming!, u => u.ItemId == item && u.Kind == ItemKind.Consultation);

        // Moved an hour: a stale If-Match is refused and changes nothing; the right one mails SEQUENCE 1.
        var view = await ItemAsync(fatima, item);
        var moved = new ScheduleConsultationRequest("Casusoverleg Bos", start.AddHours(1), 90, "Buurtteam Utrecht-Oost, zaal 2", null,
            [TimPerson.Value], [LindaPerson.Value, KeesPerson.Value], [.. users.Values]);
        using (var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/consultations/{item}") { Content = JsonContent.Create(moved, options: ApiFixture.Json) })
        {
            stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{view.ItemVersion + 5}\""));
            using var refused = await fatima.SendAsync(stale, Ct);
            Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        }
        using (var change = new HttpRequestMessage(HttpMethod.Put, $"/api/consultations/{item}") { Content = JsonContent.Create(moved, options: ApiFixture.Json) })
        {
            change.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{view.ItemVersion}\""));
            using var changed = await fatima.SendAsync(change, Ct);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }
        var second = Invitation(await InvitationAsync(BosMother.Email, item, 1), out var secondMethod);
        Assert.Equal(("REQUEST", 1, $"{item}@network"), (secondMethod, second.Sequence, second.Uid));
        Assert.Equal(start.AddHours(1).UtcDateTime, second.Start!.AsUtc);

        using (var cancelled = await fatima.PostAsJsonAsync($"/api/consultations/{item}/cancel", new { reason = "Ziek" }, Ct))
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var third = Invitation(await InvitationAsync(BosMother.Email, item, 2), out var thirdMethod);
        Assert.Equal(("CANCEL", 2, "CANCELLED"), (thirdMethod, third.Sequence, third.Status));
    }

    [Fact]
    public async Task agenda_points_minutes_and_decisions_are_seen_only_by_who_may_and_decisions_become_plan_actions_linked_both_ways()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var rik = await api.ClientForAsync(ProbationOfficer);
        using var sophie = await api.ClientForAsync(YouthDoctor);
        using var linda = await api.ClientForAsync(BosMother);
        using var kees = await api.ClientForAsync(BosFather);

        // The plan: a goal for Tim and an action past its due date.
        var goal = await PlanItemAsync(fatima, new AddPlanItemRequest(ItemKind.Goal, "Tim gaat elke dag naar school", [TimPerson.Value], "Elke dag"));
        var overdue = await PlanItemAsync(fatima, new AddPlanItemRequest(ItemKind.Action, "Gesprek met de leerplichtambtenaar", null, null, null, goal,
            DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3))));
        var rikId = (await rik.GetFromJsonAsync<FamilyView>($"/api/families/{BosFamily.Value}", ApiFixture.Json, Ct))!
            .Professionals.Single(p => p.Name == ProbationOfficer.DisplayName).UserId;
        var (item, users) = await ScheduleAsync(fatima, DateTimeOffset.UtcNow.AddMinutes(-30), [TimPerson.Value, EvaPerson.Value], rikId);

        // From the plan: the goal and the overdue action (and whatever else the plan holds open about these children), each once.
        using (var fromPlan = await fatima.PostAsync($"/api/consultations/{item}/agenda/from-plan", null, Ct))
            Assert.Equal(HttpStatusCode.OK, fromPlan.StatusCode);
        var fromThePlan = (await ItemAsync(fatima, item)).Consultation!.Agenda;
        Assert.Single(fromThePlan, p => p.PlanItemId == goal);
        Assert.Single(fromThePlan, p => p.PlanItemId == overdue);
        Assert.All(fromThePlan, p => Assert.Equal(InformationCategory.Plan, p.Category));
        using (var again = await fatima.PostAsync($"/api/consultations/{item}/agenda/from-plan", null, Ct))
            Assert.Empty((await again.Content.ReadFromJsonAsync<AgendaFromPlanResponse>(ApiFixture.Json, Ct))!.Added);
        // Rik adds a justice point about Eva; the mother adds her own point about Tim.
        using (var justice = await rik.PostAsJsonAsync($"/api/consultations/{item}/agenda",
            new AddAgendaPointRequest("Voortgang jeugdreclassering Eva", InformationCategory.Justice, [EvaPerson.Value]), ApiFixture.Json, Ct))
            Assert.Equal(HttpStatusCode.OK, justice.StatusCode);
        using (var mother = await linda.PostAsJsonAsync($"/api/consultations/{item}/agenda",
            new AddAgendaPointRequest("Hoe gaat het met Tims huiswerk?", InformationCategory.General, [TimPerson.Value]), ApiFixture.Json, Ct))
            Assert.Equal(HttpStatusCode.OK, mother.StatusCode);
        // Kees has no gezag: he reads general items but does not write them.
        using (var father = await kees.PostAsJsonAsync($"/api/consultations/{item}/agenda",
            new AddAgendaPointRequest("Punt van Kees", InformationCategory.General, [TimPerson.Value]), ApiFixture.Json, Ct))
            Assert.Equal(HttpStatusCode.Forbidden, father.StatusCode);

        var asFatima = (await ItemAsync(fatima, item)).Consultation!;
        Assert.Equal(fromThePlan.Count + 1, asFatima.Agenda.Count);
        Assert.DoesNotContain(asFatima.Agenda, p => p.Category == InformationCategory.Justice);
        var asRik = (await ItemAsync(rik, item)).Consultation!;
        Assert.Contains(asRik.Agenda, p => p.Text == "Voortgang jeugdreclassering Eva");
        Assert.DoesNotContain(asRik.Agenda, p => p.About.Any(c => c.PersonId == TimPerson.Value) || p.PlanItemId == goal || p.PlanItemId == overdue);
        Assert.DoesNotContain(asRik.Agenda, p => p.Text == "Hoe gaat het met Tims huiswerk?");
        Assert.DoesNotContain(asRik.Children, c => c.PersonId == TimPerson.Value);
        var asSophie = (await ItemAsync(sophie, item)).Consultation!;
        Assert.Contains(asSophie.Agenda, p => p.PlanItemId == goal);
        Assert.Contains(asSophie.Agenda, p => p.Text == "Hoe gaat het met Tims huiswerk?");
        Assert.All(asSophie.Agenda, p => Assert.NotEqual(InformationCategory.Justice, p.Category));

        // Minutes about Tim: Rik, without standing on Tim, never sees them.
        using var minutes = await fatima.PostAsJsonAsync($"/api/consultations/{item}/minutes",
            new PostMinutesRequest("Tim gaat weer vaker naar school.", asFatima.Agenda.First(p => p.PlanItemId == goal).Id, InformationCategory.General, [TimPerson.Value]), ApiFixture.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, minutes.StatusCode);
        var minutesId = (await minutes.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!.ItemId;
        Assert.Equal(item, (await ItemAsync(linda, minutesId)).Minutes!.ConsultationId);
        using (var hidden = await rik.GetAsync($"/api/items/{minutesId}", Ct)) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        // Three decisions: a new action, a changed action, a new goal; each linked both ways.
        var sophieId = users["Sophie Visser"];
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(21));
        var newAction = await DecideAsync(fatima, item, new RecordDecisionRequest("JGZ ziet Tim binnen drie weken", asFatima.Agenda.First(p => p.PlanItemId == goal).Id,
            DecisionEffect.NewAction, goal, null, "Consult JGZ voor Tim", due, new OwnerRequest(sophieId, null)));
        var changed = await DecideAsync(fatima, item, new RecordDecisionRequest("Gesprek leerplicht uiterlijk volgende week", null,
            DecisionEffect.ChangedAction, null, overdue, null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7))));
        var newGoal = await DecideAsync(fatima, item, new RecordDecisionRequest("Nieuw doel: rust thuis", null, DecisionEffect.NewGoal,
            ItemText: "Er is rust thuis", About: [TimPerson.Value], Target: "Geen ruzie meer"));
        Assert.Equal(overdue, changed.PlanItemId);

        var plan = (await linda.GetFromJsonAsync<PlanView>($"/api/families/{BosFamily.Value}/plan", ApiFixture.Json, Ct))!;
        var made = plan.Goals.SelectMany(g => g.Actions).Single(a => a.ItemId == newAction.PlanItemId);
        Assert.Equal(("Consult JGZ voor Tim", due, "Sophie Visser"), (made.Text, made.Due, made.Owner!.Name));
        Assert.Equal(item, made.DecidedIn!.Single().ConsultationId);
        var moved = plan.Goals.SelectMany(g => g.Actions).Single(a => a.ItemId == overdue);
        Assert.False(moved.Overdue);
        Assert.Equal(item, moved.DecidedIn!.Single().ConsultationId);
        Assert.Contains(plan.Goals, g => g.Goal.ItemId == newGoal.PlanItemId && g.Goal.DecidedIn is { Count: 1 });

        var decisions = (await ItemAsync(linda, item)).Consultation!.Decisions;
        Assert.Equal([newAction.PlanItemId, overdue, newGoal.PlanItemId], decisions.Select(d => d.PlanItemId));
        Assert.Empty((await ItemAsync(rik, item)).Consultation!.Decisions);

        // Attendance, and answers.
        using (var accept = await linda.PostAsJsonAsync($"/api/consultations/{item}/response", new RespondToConsultationRequest(true), ApiFixture.Json, Ct))
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        using (var held = await fatima.PostAsJsonAsync($"/api/consultations/{item}/held",
            new HoldConsultationRequest([LindaPerson.Value], [users["Fatima El Amrani"], sophieId]), ApiFixture.Json, Ct))
            Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var after = (await ItemAsync(sophie, item)).Consultation!;
        Assert.Equal(3, after.Held!.Present.Count);
        Assert.Contains(after.Responses, r => r.PersonId == LindaPerson.Value && r.Accepts);
        Assert.False(after.MayAddPoint);
    }

    [Fact]
    public async Task bad_input_is_a_problem_that_changes_nothing_and_what_one_may_not_know_is_not_found()
    {
        using var fatima = await api.ClientForAsync(Coordinator);
        using var jeroen = await api.ClientForAsync(YouthCareWorker);
        using var linda = await api.ClientForAsync(BosMother);
        var users = await UserIdsAsync(fatima);
        var start = DateTimeOffset.UtcNow.AddDays(3);

        using (var noChildren = await fatima.PostAsJsonAsync($"/api/boards/{BosBoard.Value}/consultations",
            new ScheduleConsultationRequest("Overleg", start, 60, ParticipantUsers: [.. users.Values]), ApiFixture.Json, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noChildren.StatusCode);
            Assert.Equal("application/problem+json", noChildren.Content.Headers.ContentType!.MediaType);
        }
        // Leaving the parents out takes a reason, which the family reads later.
        using (var noReason = await fatima.PostAsJsonAsync($"/api/boards/{BosBoard.Value}/consultations",
            new ScheduleConsultationRequest("Overleg", start, 60, null, null, [TimPerson.Value], [], [.. users.Values]), ApiFixture.Json, Ct))
            Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        using var withReason = await fatima.PostAsJsonAsync($"/api/boards/{BosBoard.Value}/consultations",
            new ScheduleConsultationRequest("Overleg", start, 60, null, null, [TimPerson.Value], [LindaPerson.Value], [.. users.Values],
                "Kees is niet uitgenodigd: hij heeft geen gezag en er loopt een onderzoek."), ApiFixture.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, withReason.StatusCode);
        var item = (await withReason.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!.ItemId;
        Assert.StartsWith("Kees is niet uitgenodigd", (await ItemAsync(linda, item)).Consultation!.FamilyLeftOutReason);

        // A professional outside the family's network: the consultation does not exist for him.
        foreach (var path in new[] { "response", "agenda", "decisions", "minutes", "agenda/from-plan" })
        {
            using var refused = await jeroen.PostAsJsonAsync($"/api/consultations/{item}/{path}",
                new { accepts = true, text = "x", effect = "None" }, Ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        using (var unknown = await fatima.PostAsJsonAsync($"/api/consultations/{Guid.NewGuid()}/response", new { accepts = true }, Ct))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var noGoal = await fatima.PostAsJsonAsync($"/api/consultations/{item}/decisions", new { text = "Actie", effect = "NewAction" }, Ct))
            Assert.Equal(HttpStatusCode.BadRequest, noGoal.StatusCode);
        using (var notYet = await fatima.PostAsJsonAsync($"/api/consultations/{item}/held", new HoldConsultationRequest([], []), ApiFixture.Json, Ct))
            Assert.Equal(HttpStatusCode.Conflict, notYet.StatusCode);
        Assert.Empty((await ItemAsync(fatima, item)).Consultation!.Decisions);
    }

    private async Task<Guid> PlanItemAsync(HttpClient client, AddPlanItemRequest request)
    {
        using var added = await client.PostAsJsonAsync($"/api/families/{BosFamily.Value}/plan/items", request, ApiFixture.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return (await added.Content.ReadFromJsonAsync<ItemPostedResponse>(ApiFixture.Json, Ct))!.ItemId;
    }

    private async Task<DecisionRecordedResponse> DecideAsync(HttpClient client, Guid item, RecordDecisionRequest request)
    {
        using var decided = await client.PostAsJsonAsync($"/api/consultations/{item}/decisions", request, ApiFixture.Json, Ct);
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync(Ct));
        return (await decided.Content.ReadFromJsonAsync<DecisionRecordedResponse>(ApiFixture.Json, Ct))!;
    }
}
