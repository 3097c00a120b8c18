namespace Network.Web.Components.Plans;

/// <summary>What a page can tell from the plan itself.</summary>
public static class PlanChanges
{
    /// <summary>
    /// Whether the plan as it is now differs from its newest version, as far as the reader sees:
    /// an item added or taken out, or its text, status or scale changed (the last reading given,
    /// as a version records it).
    /// </summary>
    public static bool ChangedSinceLatest(PlanView plan)
    {
        if (plan.Versions.Count == 0) return false;
        var held = plan.Versions[0].Entries.ToDictionary(e => e.ItemId);
        var now = plan.Worries.Concat(plan.Strengths).Concat(plan.Goals.SelectMany(g => g.Actions.Prepend(g.Goal))).ToList();
        return now.Count != held.Count || now.Any(i => !held.TryGetValue(i.ItemId, out var e)
            || e.Text != i.Text || e.Status != i.Status || e.Scale != (i.Scales.Count > 0 ? i.Scales[^1].Score : null));
    }
}
