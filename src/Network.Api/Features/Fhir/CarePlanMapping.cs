using Hl7.Fhir.Model;

namespace Network.Api.Features.Fhir;

/// <summary>
/// CarePlan (the family plan: worries and strengths as notes, the actions as activities, the
/// newest version and who agreed with it) and Goal (each goal, with its target and scale), built
/// from the plan view the screen shows: only the items the caller may read.
/// </summary>
internal static class CarePlanMapping
{
    public static IEnumerable<Exported> Map(
        PlanView plan, FamilyId family, IReadOnlySet<Guid> visibleChildren, Func<IReadOnlyList<Guid>, IReadOnlyList<SubjectOutcome>> subjects)
    {
        var groupRef = new ResourceReference($"Group/{plan.FamilyId}", plan.FamilyName);
        IReadOnlySet<Guid> PatientsOf(PlanItemView i)
        {
            var about = i.About.Select(a => a.PersonId).Where(visibleChildren.Contains).ToHashSet();
            return about.Count > 0 || i.About.Count > 0 ? about : visibleChildren;
        }
        ResourceReference SubjectOf(PlanItemView i) =>
            i.About is [var one] && visibleChildren.Contains(one.PersonId) ? FhirIds.Patient(one.PersonId, one.Name) : groupRef;

        var goals = plan.Goals.Select(g => g.Goal).Concat(plan.Proposals.Where(p => p.Kind == ItemKind.Goal)).ToList();
        foreach (var g in goals)
        {
            var goal = new Goal
            {
                Id = g.ItemId.ToString(),
                Meta = FhirIds.Updated(g.ChangedAt),
                LifecycleStatus = g.Proposal switch
                {
                    ProposalState.Proposed => Goal.GoalLifecycleStatus.Proposed,
                    ProposalState.Declined => Goal.GoalLifecycleStatus.Rejected,
                    _ => Goal.GoalLifecycleStatus.Active,
                },
                Description = new CodeableConcept { Text = g.Text },
                Subject = SubjectOf(g),
                Start = new Date(FhirIds.Date(DateOnly.FromDateTime(g.At.UtcDateTime))),
                ExpressedBy = FhirIds.Display(g.AuthorName),
            };
            if (g.Scales.OrderBy(s => s.On).LastOrDefault() is { } last)
                goal.AchievementStatus = new CodeableConcept { Text = $"{last.Score}/10 op {FhirIds.Date(last.On)}" };
            if (g.Target is { Length: > 0 } target) goal.Note.Add(new Annotation { Text = new Markdown($"Streefdoel: {target}") });
            foreach (var s in g.Scales.OrderBy(s => s.On))
                goal.Note.Add(new Annotation { Text = new Markdown($"Schaal {s.Score}/10 ({s.ByName})"), Time = FhirIds.Date(s.On) });
            yield return new Exported(goal, family, PatientsOf(g), subjects([.. g.About.Select(a => a.PersonId)]));
        }

        var items = plan.Worries.Concat(plan.Strengths).Concat(goals)
            .Concat(plan.Goals.SelectMany(g => g.Actions)).Concat(plan.ActionsWithoutGoal ?? []).ToList();
        var latest = plan.Versions.FirstOrDefault();
        if (items.Count == 0 && latest is null) yield break;
        var carePlan = new CarePlan
        {
            Id = plan.FamilyId.ToString(),
            Meta = FhirIds.Updated(items.Select(i => i.ChangedAt).Append(latest?.At ?? DateTimeOffset.MinValue).Max()),
            Status = RequestStatus.Active,
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = $"Gezinsplan {plan.FamilyName}",
            Subject = groupRef,
            Author = plan.CoordinatorName is { } c ? FhirIds.Display(c) : null,
            Goal = [.. goals.Select(g => new ResourceReference($"Goal/{g.ItemId}"))],
        };
        if (latest is not null)
        {
            carePlan.Created = FhirIds.Instant(latest.At);
            var agreed = latest.Agreements.Where(a => a.Agrees).Select(a => $"{a.Name} ({FhirIds.Date(DateOnly.FromDateTime(a.At.UtcDateTime))})");
            var text = $"Versie {latest.Number} van {FhirIds.Date(DateOnly.FromDateTime(latest.At.UtcDateTime))} door {latest.ByName}. "
                + $"Akkoord: {string.Join(", ", agreed.DefaultIfEmpty("nog niemand"))}."
                + (latest.Awaiting.Count > 0 ? $" Wacht op: {string.Join(", ", latest.Awaiting.Select(a => a.Name))}." : "");
            carePlan.Note.Add(new Annotation { Text = new Markdown(text), Time = FhirIds.Instant(latest.At) });
            foreach (var a in latest.Agreements.Where(a => a.Agrees))
                carePlan.Contributor.Add(FhirIds.Display(a.Name));
        }
        foreach (var w in plan.Worries) carePlan.Note.Add(new Annotation { Text = new Markdown($"Zorg: {w.Text}"), Time = FhirIds.Instant(w.At) });
        foreach (var s in plan.Strengths) carePlan.Note.Add(new Annotation { Text = new Markdown($"Gaat goed: {s.Text}"), Time = FhirIds.Instant(s.At) });
        foreach (var a in plan.Goals.SelectMany(g => g.Actions).Concat(plan.ActionsWithoutGoal ?? []))
        {
            var detail = new CarePlan.DetailComponent
            {
                Status = a.Status switch
                {
                    ActionStatus.Open => CarePlan.CarePlanActivityStatus.NotStarted,
                    ActionStatus.InProgress => CarePlan.CarePlanActivityStatus.InProgress,
                    ActionStatus.Done => CarePlan.CarePlanActivityStatus.Completed,
                    ActionStatus.Dropped => CarePlan.CarePlanActivityStatus.Cancelled,
                    _ => CarePlan.CarePlanActivityStatus.Unknown,
                },
                StatusReason = a.StatusReason is { Length: > 0 } reason ? new CodeableConcept { Text = reason } : null,
                Description = a.Text,
                Goal = a.GoalId is { } goalId && goals.Any(g => g.ItemId == goalId) ? [new ResourceReference($"Goal/{goalId}")] : [],
                Performer = a.Owner is { } owner ? [FhirIds.Display(owner.Name)] : [],
                Scheduled = a.Due is { } due ? new Period { End = FhirIds.Date(due) } : null,
            };
            carePlan.Activity.Add(new CarePlan.ActivityComponent { Detail = detail });
        }
        var all = items.SelectMany(i => i.About.Select(p => p.PersonId)).Distinct().ToList();
        yield return new Exported(carePlan, family, visibleChildren, subjects(all));
    }
}
