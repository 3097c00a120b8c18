using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Plans;

/// <summary>
/// Builds the plan view from the plan rows the caller may read (the gate decided each). What the
/// caller may do with each item is asked of the same policies; versions show only readable entries.
/// </summary>
public static class PlanViews
{
    public static bool IsOverdue(ItemDetails d, DateOnly today) =>
        d.Due is { } due && due < today && d.Status is ActionStatus.Open or ActionStatus.InProgress;

    public static PlanView Build(Actor actor, FamilyContext f, IReadOnlyList<ItemRow> rows, Guid? boardId, DateTimeOffset now, long position = 0)
    {
        var family = f.Family;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var sight = FamilyPolicy.See(actor, family, f.BirthDates, f.Table, now);
        var familyFacts = new ItemFacts(InformationCategory.Plan, [], actor.UserId, actor.OrganisationId, Audience.Everyone);
        var creates = ItemPolicy.Decide(actor, ItemAction.Create, familyFacts, family, f.BirthDates, f.Table, now).Allowed;
        var proposes = creates && ItemPolicy.OnlyProposes(actor, familyFacts, family, f.BirthDates, f.Table, now);

        PlanItemView View(ItemRow r)
        {
            var facts = r.ToFacts();
            var d = r.Details;
            var writes = ItemPolicy.Decide(actor, ItemAction.Create, facts with { Author = actor.UserId }, family, f.BirthDates, f.Table, now).Allowed;
            var writesAsProfessional = writes && !ItemPolicy.OnlyProposes(actor, facts, family, f.BirthDates, f.Table, now);
            var open = d.Proposal != ProposalState.Declined;
            return new PlanItemView(
                r.Id, r.Version, r.Kind, r.Text, [.. r.About.Select(p => new PersonRef(p, f.NameOf(new PersonId(p))))], r.AuthorName, r.AuthorRole,
                r.PostedAt, r.ChangedAt, r.Corrected, d.Target, [.. (d.Scales ?? []).Select(s => new ScaleView(s.Score, s.On, s.ByName))],
                d.Goal, d.Due, d.Owner is { } o ? new OwnerView(o.User?.Value, o.Person?.Value, o.Name) : null, d.Status, d.StatusReason,
                IsOverdue(d, today), r.ForNetwork, d.Proposal, d.ProposalReason,
                MayRevise: open && r.AuthorId == actor.UserId.Value && ItemPolicy.Decide(actor, ItemAction.Correct, facts, family, f.BirthDates, f.Table, now).Allowed,
                MayScale: open && r.Kind == ItemKind.Goal && d.InPlan && writes,
                MaySetStatus: open && r.Kind == ItemKind.Action && d.InPlan && (facts.IsAssignedTo(actor) || r.AuthorId == actor.UserId.Value || writesAsProfessional),
                MayDecide: d.Proposal == ProposalState.Proposed && writesAsProfessional,
                DecidedIn: Consultations.ConsultationViews.DecidedInOf(d));
        }

        var content = rows.Where(r => Item.IsPlanContent(r.Kind)).ToList();
        var inPlan = content.Where(r => r.Details.InPlan).ToList();
        var goals = inPlan.Where(r => r.Kind == ItemKind.Goal)
            .Select(g => new GoalView(View(g), [.. inPlan.Where(a => a.Kind == ItemKind.Action && a.Details.Goal == g.Id).Select(View)]))
            .ToList();
        var readable = rows.Select(r => r.Id).ToHashSet();
        var versions = Versions(rows, readable, f, sight, now);
        var latest = versions.FirstOrDefault();
        var me = actor.PersonId;

        return new PlanView(
            family.Id.Value, family.Name, boardId, sight.SeesComposition ? family.Coordinator?.Value : null,
            family.Coordinator is { } c && sight.SeesComposition ? family.ProfessionalFor(c)?.DisplayName : null,
            [.. inPlan.Where(r => r.Kind == ItemKind.Worry).Select(View)],
            [.. inPlan.Where(r => r.Kind == ItemKind.Strength).Select(View)],
            goals,
            [.. content.Where(r => !r.Details.InPlan).Select(View)],
            versions,
            People(f, sight),
            Owners(f, sight),
            MayWrite: creates && !proposes,
            MayPropose: proposes,
            MayPublish: family.Coordinator == actor.UserId && creates && !proposes,
            MayAgree: latest is not null && me is { } person && Agreements.Counts(family, person, f.BirthDates, DateOnly.FromDateTime(now.UtcDateTime)),
            ActionsWithoutGoal: [.. inPlan.Where(a => a.Kind == ItemKind.Action && !goals.Any(g => g.Goal.ItemId == a.Details.Goal)).Select(View)],
            Unpublished: Unpublished(rows, readable),
            Position: position);
    }

    private static List<PlanVersionView> Versions(IReadOnlyList<ItemRow> rows, HashSet<Guid> readable, FamilyContext f, FamilySight sight, DateTimeOffset now)
    {
        var published = rows.Where(r => r.Kind == ItemKind.PlanVersion && r.Details.Version is not null)
            .OrderBy(r => r.Details.Version!.Number).ToList();
        var agreements = rows.Where(r => r.Kind == ItemKind.PlanAgreement && r.Details.Agreement is not null).ToList();
        var counting = Agreements.Who(f.Family, f.BirthDates, DateOnly.FromDateTime(now.UtcDateTime))
            .Where(p => sight.Adults.Contains(p) || sight.Children.Any(c => c.Child == p && c.Full)).ToList();
        PlanEntryView Entry(PlanEntry e) => new(e.Item.Value, e.Kind, e.Text, e.Status, e.Scale);
        IReadOnlyList<PlanEntryView> Readable(IEnumerable<PlanEntry> entries) => [.. entries.Where(e => readable.Contains(e.Item.Value)).Select(Entry)];

        var result = new List<PlanVersionView>();
        PlanVersionFields? previous = null;
        foreach (var v in published)
        {
            var fields = v.Details.Version!;
            var diff = PlanDiff.Between(previous, fields);
            var agreed = agreements.Where(a => a.Details.Agreement!.Version == fields.Number && a.About.Length > 0)
                .GroupBy(a => a.About[0]).Select(g => g.MaxBy(a => a.PostedAt)!)
                .Select(a => new AgreementView(a.About[0], f.NameOf(new PersonId(a.About[0])), a.Details.Agreement!.Agrees, a.Details.Agreement.Comment, a.PostedAt))
                .OrderBy(a => a.At).ToList();
            result.Add(new PlanVersionView(v.Id, fields.Number, v.PostedAt, v.AuthorName, Readable(fields.Entries),
                new PlanDiffView(Readable(diff.Added), Readable(diff.Changed), Readable(diff.Closed), Readable(diff.Removed)),
                agreed, [.. counting.Where(p => agreed.All(a => a.PersonId != p.Value)).Select(p => new PersonRef(p.Value, f.NameOf(p)))]));
            previous = fields;
        }
        result.Reverse();
        return result;
    }

    /// <summary>Whether the plan as the caller can read it differs from the newest version (as far as they can read that).</summary>
    private static bool Unpublished(IReadOnlyList<ItemRow> rows, HashSet<Guid> readable)
    {
        var latest = rows.Where(r => r.Kind == ItemKind.PlanVersion).Select(r => r.Details.Version).OfType<PlanVersionFields>().MaxBy(v => v.Number);
        var now = rows.Where(r => Item.IsPlanContent(r.Kind) && r.Details.InPlan).Select(r => (r.Id, r.Version)).ToHashSet();
        if (latest is null) return now.Count > 0;
        var then = latest.Entries.Where(e => readable.Contains(e.Item.Value)).Select(e => (e.Item.Value, e.ItemVersion)).ToHashSet();
        return !now.SetEquals(then);
    }

    private static List<PersonRef> People(FamilyContext f, FamilySight sight) =>
        [.. sight.Adults.Concat(sight.Children.Where(c => c.Full).Select(c => c.Child)).Select(p => new PersonRef(p.Value, f.NameOf(p)))];

    private static List<OwnerChoice> Owners(FamilyContext f, FamilySight sight) =>
    [
        .. sight.Network.Select(m => f.Family.ProfessionalFor(m.Professional)!)
            .Select(p => new OwnerChoice(p.UserId.Value, null, p.DisplayName, "Professional")),
        .. sight.Adults.Select(a => new OwnerChoice(null, a.Value, f.NameOf(a), f.Family.MemberFor(a)!.Relation.ToString())),
        .. sight.Children.Where(c => c.Full).Select(c => new OwnerChoice(null, c.Child.Value, f.NameOf(c.Child), "Child")),
    ];
}
