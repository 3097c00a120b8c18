namespace Network.Web.Components.Plans;

/// <summary>What a page can tell from the plan itself.</summary>
public static class PlanChanges
{
    /// <summary>Whether the plan as it is now differs from its newest version, as far as the reader sees (the API compares item versions).</summary>
    public static bool ChangedSinceLatest(PlanView plan) => plan.Versions.Count > 0 && plan.Unpublished;
}
