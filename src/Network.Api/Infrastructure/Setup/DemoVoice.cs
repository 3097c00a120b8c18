using Marten;

namespace Network.Api.Infrastructure.Setup;

/// <summary>
/// So that every demo family member finds something on their home (#12): in Gezin Bos and Gezin
/// Yılmaz a message for the whole family and a talk or visit coming up; in Gezin Yılmaz a first plan
/// version waiting for the mother's agreement, with an action on her name (Gezin Bos's consent for
/// Lars and Eva waits for them). Made through the same decisions as the app.
/// </summary>
internal static class DemoVoice
{
    public static void ForBos(
        IDocumentSession session, Board board, FamilyOf family, Actor fatima, PersonId linda, PersonId kees, PersonId eva, DateTimeOffset now)
    {
        var table = AuthorizationTable.Default;
        var everyone = new ItemChoices(InformationCategory.General, [], Audience.Everyone);
        var welcome = ItemId.New();
        session.Events.StartStream<Item>(welcome.Value, [.. ItemDecisions.Post(board, family, table, fatima, welcome,
            "Welkom op het gezinsbord. Hier zetten we afspraken en berichten voor het hele gezin.", everyone, now)]);
        var talk = ItemId.New();
        var start = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime.AddDays(5)), new TimeOnly(15, 30), TimeSpan.Zero);
        session.Events.StartStream<Item>(talk.Value, [.. ItemDecisions.Post(board, family, table, fatima, talk, "Gezinsgesprek bij het buurtteam", everyone, now,
            appointment: new AppointmentFields(start, 60, "Buurtteam Utrecht-Oost, Kanaalweg 10", null, [linda, kees, eva], [fatima.UserId]))]);
        // Gezin Bos keeps an empty plan: the case consultation around Tim (#11) builds its agenda from it.
    }

    public static void ForYilmaz(IDocumentSession session, Board board, FamilyOf family, Actor peter, PersonId ayse, PersonId emre, DateTimeOffset now)
    {
        var table = AuthorizationTable.Default;
        var everyone = new ItemChoices(InformationCategory.General, [], Audience.Everyone);
        var note = ItemId.New();
        session.Events.StartStream<Item>(note.Value, [.. ItemDecisions.Post(board, family, table, peter, note,
            "Ik kom volgende week op huisbezoek. Dan bespreken we hoe het met Emre gaat.", everyone, now)]);
        var visit = ItemId.New();
        var start = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime.AddDays(6)), new TimeOnly(10, 0), TimeSpan.Zero);
        session.Events.StartStream<Item>(visit.Value, [.. ItemDecisions.Post(board, family, table, peter, visit, "Huisbezoek", everyone, now,
            appointment: new AppointmentFields(start, 60, "Amsterdamsestraatweg 50, Utrecht", null, [ayse], []))]);

        var plan = new DemoPlan(board, family);
        DateOnly Day(int days) => DateOnly.FromDateTime(now.AddDays(days).UtcDateTime);
        var school = plan.Add(peter, new NewPlanItem(ItemKind.Goal, "Emre gaat met plezier naar school.", [emre],
            "Emre mist geen schooldagen meer.", 5, Day(0)), now);
        plan.Add(peter, new NewPlanItem(ItemKind.Action, "Elke vrijdag kort contact met de juf van Emre.", [], Goal: school,
            Due: Day(7), Owner: new Owner(null, ayse, "Ayşe Yılmaz")), now);
        plan.Publish(peter, null, now);
        plan.Save(session);
    }
}
