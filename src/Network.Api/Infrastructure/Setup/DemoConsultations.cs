namespace Network.Api.Infrastructure.Setup;

/// <summary>
/// Gezin Jansen's case consultations, made through the same decisions as the app: one held a week
/// ago with Sanne, Fatima and Jeroen (agenda from the plan and a point of Sanne's, attendance,
/// minutes, and two decisions, one of which became the sleep-advice action in the plan), and one
/// coming up with Noor as well.
/// </summary>
internal static class DemoConsultations
{
    private static readonly AuthorizationTable Table = AuthorizationTable.Default;

    /// <summary>The held consultation; returns the plan action its decision made.</summary>
    public static Item Held(DemoPlan plan, Board board, FamilyOf family, Actor fatima, Actor jeroen, Actor sanne, Item school,
        PersonId daan, PersonId noor, DateTimeOffset now)
    {
        DateTimeOffset Ago(int days, int hour = 0) => new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime.AddDays(-days)), new TimeOnly(hour, 0), TimeSpan.Zero);
        var when = new AppointmentFields(Ago(7, 9), 60, "Buurtteam Utrecht-Oost, Oudwijk 12", null, [sanne.PersonId!.Value], [fatima.UserId, jeroen.UserId]);
        var consultation = plan.New(Consultations.Schedule(board, family, Table, fatima, ItemId.New(), "Casusoverleg Jansen", when,
            new ConsultationFields([daan, noor], null), Ago(10, 8)));
        consultation = plan.Do(consultation, c => Consultations.Respond(c, family, Table, sanne, true, "Ik kom, Noor blijft op school.", Ago(10, 12)));
        consultation = plan.Do(consultation, c => Consultations.Respond(c, family, Table, jeroen, true, null, Ago(10, 13)));
        foreach (var source in Consultations.Proposed(consultation, family, Table, fatima, plan.Items, Ago(9, 8)))
            consultation = plan.Do(consultation, c => Consultations.AddPoint(c, family, Table, fatima, Guid.CreateVersion7(), source.Text,
                InformationCategory.Plan, [.. source.Facts.About.Where(p => p == daan || p == noor)], source, Ago(9, 8)));
        consultation = plan.Do(consultation, c => Consultations.AddPoint(c, family, Table, sanne, Guid.CreateVersion7(),
            "Hoe houden we de ochtenden vol als ik vroeg moet werken?", InformationCategory.General, [daan], null, Ago(8, 20)));
        consultation = plan.Do(consultation, c => Consultations.Hold(c, family, Table, fatima, [sanne.PersonId!.Value], [fatima.UserId, jeroen.UserId], Ago(7, 10)));

        var mornings = consultation.Consultation!.Agenda[^1].Id;
        plan.New(Consultations.Minutes(consultation, board, family, Table, fatima, ItemId.New(),
            "Daan slaapt beter sinds het vaste avondritueel. De ochtenden blijven lastig als Sanne vroeg moet werken; oma Riet kan dan helpen. Jeroen geeft slaapadvies.",
            new ItemChoices(InformationCategory.General, [daan], Audience.Everyone), mornings, Ago(7, 11)));

        var actionId = ItemId.New();
        var (onConsultation, _, onPlan) = Consultations.Decide(consultation, board, family, Table, fatima, Guid.CreateVersion7(), actionId,
            new DecisionRequest("Jeroen geeft Daan en Sanne slaapadvies.", mornings, DecisionEffect.NewAction, school,
                ItemText: "Slaapadvies bij Jeugdhulp De Brug.", Due: DateOnly.FromDateTime(now.UtcDateTime.AddDays(14)),
                Owner: new Owner(jeroen.UserId, null, jeroen.DisplayName)), Ago(7, 11));
        consultation = plan.Do(consultation, _ => onConsultation);
        var action = plan.New(onPlan);
        var (evaluate, _, _) = Consultations.Decide(consultation, board, family, Table, fatima, Guid.CreateVersion7(), ItemId.New(),
            new DecisionRequest("Over vier weken kijken we samen hoe het gaat.", null, DecisionEffect.None), Ago(7, 11));
        plan.Do(consultation, _ => evaluate);
        return action;
    }

    /// <summary>The next consultation, in ten days, with Noor invited too.</summary>
    public static void Upcoming(DemoPlan plan, Board board, FamilyOf family, Actor fatima, Actor jeroen, Actor sanne, Actor noor,
        PersonId daan, DateTimeOffset now)
    {
        var start = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime.AddDays(10)), new TimeOnly(14, 0), TimeSpan.Zero);
        var when = new AppointmentFields(start, 60, null, "https://video.buurtteam.example/jansen", [sanne.PersonId!.Value, noor.PersonId!.Value],
            [fatima.UserId, jeroen.UserId]);
        var consultation = plan.New(Consultations.Schedule(board, family, Table, fatima, ItemId.New(), "Evaluatie gezinsplan Jansen", when,
            new ConsultationFields([daan, noor.PersonId!.Value], null), now.AddDays(-1)));
        plan.Do(consultation, c => Consultations.Respond(c, family, Table, jeroen, true, null, now.AddHours(-20)));
        plan.Do(consultation, c => Consultations.AddPoint(c, family, Table, noor, Guid.CreateVersion7(),
            "Ik wil zelf vertellen hoe het op school gaat.", InformationCategory.General, [noor.PersonId!.Value], null, now.AddHours(-6)));
    }
}
