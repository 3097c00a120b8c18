using Marten;

namespace Network.Api.Infrastructure.Setup;

/// <summary>
/// A lived-in family plan for the demo, made through the same decisions as the app: worries,
/// strengths, goals with their scale history, actions owned by the mother, the professionals, the
/// youth and the grandmother in the network, one proposal by the mother waiting for an answer, and
/// two published versions with the family's agreement.
/// </summary>
internal sealed class DemoPlan(Board board, FamilyOf family)
{
    private readonly Dictionary<ItemId, Item> items = [];
    private readonly Dictionary<ItemId, List<object>> streams = [];

    public Item Add(Actor actor, NewPlanItem n, DateTimeOffset at) =>
        Apply(ItemId.New(), PlanDecisions.Add(board, family, AuthorizationTable.Default, actor, ItemId.New(), n, at));

    public Item Do(Item item, Func<Item, IReadOnlyList<object>> decide) => Apply(item.Id, decide(items[item.Id]));

    /// <summary>A new item of any kind (a consultation, minutes, an action a decision made).</summary>
    public Item New(IReadOnlyList<object> events) => Apply(((ItemPosted)events[0]).ItemId, events);

    public IEnumerable<Item> Items => items.Values;

    public Item Publish(Actor coordinator, PlanVersionFields? previous, DateTimeOffset at) =>
        Apply(ItemId.New(), PlanDecisions.Publish(board, family, AuthorizationTable.Default, coordinator, ItemId.New(),
            items.Values.Where(i => Item.IsPlanContent(i.Kind)).Select(i => (i, (long)streams[i.Id].Count)), previous, at));

    public void Agree(Actor member, Item version, bool agrees, string? comment, DateTimeOffset at) =>
        Apply(ItemId.New(), PlanDecisions.Agree(board, family, AuthorizationTable.Default, member, ItemId.New(), version, agrees, comment, at));

    public void Save(IDocumentSession session)
    {
        foreach (var (id, events) in streams) session.Events.StartStream<Item>(id.Value, [.. events]);
    }

    private Item Apply(ItemId requested, IReadOnlyList<object> events)
    {
        // A new item's id comes from its first event.
        var id = events[0] is ItemPosted posted ? posted.ItemId : requested;
        if (!streams.TryGetValue(id, out var stream)) streams[id] = stream = [];
        stream.AddRange(events);
        var item = events.Aggregate(items.GetValueOrDefault(id), (i, e) => Item.Evolve(i, e))!;
        items[id] = item;
        return item;
    }

    /// <summary>Gezin Jansen's plan.</summary>
    public static void ForJansen(IDocumentSession session, Board board, FamilyOf family, Actor fatima, Actor jeroen, Actor sanne, Actor noor,
        PersonId daan, PersonId noorPerson, PersonId sannePerson, PersonId riet, DateTimeOffset now)
    {
        var plan = new DemoPlan(board, family);
        DateTimeOffset Ago(int days) => now.AddDays(-days);
        DateOnly Day(int days) => DateOnly.FromDateTime(now.AddDays(days).UtcDateTime);

        plan.Add(fatima, new NewPlanItem(ItemKind.Worry, "Daan slaapt slecht en komt 's ochtends vaak te laat op school.", [daan]), Ago(21));
        plan.Add(fatima, new NewPlanItem(ItemKind.Worry, "Sanne staat er alleen voor en is vaak moe.", [sannePerson]), Ago(21));
        plan.Add(fatima, new NewPlanItem(ItemKind.Strength, "Noor helpt veel thuis en haalt goede cijfers.", [noorPerson]), Ago(21));
        plan.Add(fatima, new NewPlanItem(ItemKind.Strength, "Oma Riet springt bij als het nodig is.", []), Ago(21));

        var school = plan.Add(fatima, new NewPlanItem(ItemKind.Goal, "Daan gaat elke dag op tijd naar school.", [daan],
            "Vijf dagen per week op tijd in de klas.", 3, Day(-21)), Ago(21));
        var rest = plan.Add(fatima, new NewPlanItem(ItemKind.Goal, "Sanne heeft meer rust en steun.", [sannePerson],
            "Twee avonden per week tijd voor zichzelf.", 4, Day(-21)), Ago(21));
        var voice = plan.Add(fatima, new NewPlanItem(ItemKind.Goal, "Noor kan haar verhaal kwijt bij iemand die ze vertrouwt.", [noorPerson],
            "Noor weet bij wie ze terecht kan.", 6, Day(-21)), Ago(21));

        var ritual = plan.Add(fatima, new NewPlanItem(ItemKind.Action, "Vast avondritueel: om acht uur naar bed.", [], Goal: school,
            Due: Day(7), Owner: new Owner(null, sannePerson, "Sanne Jansen")), Ago(20));
        plan.Add(fatima, new NewPlanItem(ItemKind.Action, "Gesprek met de leerkracht over de ochtenden.", [], Goal: school,
            Due: Day(-3), Owner: new Owner(fatima.UserId, null, fatima.DisplayName)), Ago(20));
        plan.Add(fatima, new NewPlanItem(ItemKind.Action, "Oma Riet haalt Daan op dinsdag en donderdag van school.", [], Goal: rest,
            Due: Day(14), Owner: new Owner(null, riet, "Riet Jansen")), Ago(20));
        plan.Add(fatima, new NewPlanItem(ItemKind.Action, "Wie langs wil komen, belt eerst even met Sanne.", [], Goal: rest, ForNetwork: true), Ago(20));
        var trust = plan.Add(fatima, new NewPlanItem(ItemKind.Action, "Noor kiest een vertrouwenspersoon op school.", [], Goal: voice,
            Due: Day(-5), Owner: new Owner(null, noorPerson, "Noor Jansen")), Ago(20));

        var first = plan.Publish(fatima, null, Ago(14));
        plan.Agree(sanne, first, true, "Fijn dat het zo op papier staat.", Ago(13));
        plan.Agree(noor, first, true, null, Ago(12));

        plan.Do(ritual, i => PlanDecisions.SetStatus(i, family, AuthorizationTable.Default, sanne, ActionStatus.InProgress, null, Ago(10)));
        plan.Do(trust, i => PlanDecisions.SetStatus(i, family, AuthorizationTable.Default, noor, ActionStatus.Done, null, Ago(9)));
        plan.Do(school, i => PlanDecisions.Scale(i, family, AuthorizationTable.Default, sanne, 5, Day(-8), Ago(8)));
        plan.Do(school, i => PlanDecisions.Scale(i, family, AuthorizationTable.Default, jeroen, 6, Day(-2), Ago(2)));
        plan.Do(voice, i => PlanDecisions.Scale(i, family, AuthorizationTable.Default, noor, 8, Day(-7), Ago(7)));
        // The sleep advice was decided in the case consultation a week ago.
        DemoConsultations.Held(plan, board, family, fatima, jeroen, sanne, school, daan, noorPerson, now);

        var second = plan.Publish(fatima, first.Version, Ago(3));
        plan.Agree(sanne, second, true, "Goed dat het slaapadvies erbij is.", Ago(2));

        // Waiting for an answer: the mother proposes an action of her own.
        plan.Add(sanne, new NewPlanItem(ItemKind.Action, "Ik wil een cursus ontspanning volgen bij het buurthuis.", [], Goal: rest,
            Owner: new Owner(null, sannePerson, "Sanne Jansen")), Ago(1));
        DemoConsultations.Upcoming(plan, board, family, fatima, jeroen, sanne, noor, daan, now);
        plan.Save(session);
    }
}
