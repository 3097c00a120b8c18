namespace Network.Web.Components.Plans;

/// <summary>
/// What the plan's parts can do; the plan page provides it through the API. Changes to an item
/// take the item as the user saw it: its version goes as If-Match.
/// </summary>
public sealed record PlanActions(
    Func<AddPlanItemRequest, Task<PlanOutcome>> Add,
    Func<PlanItemView, RevisePlanItemRequest, Task<PlanOutcome>> Revise,
    Func<PlanItemView, ScaleRequest, Task<PlanOutcome>> Scale,
    Func<PlanItemView, ActionStatusRequest, Task<PlanOutcome>> SetStatus,
    Func<PlanItemView, bool, string?, Task<PlanOutcome>> Decide,
    Func<PlanVersionView, AgreeRequest, Task<PlanOutcome>> Agree,
    Func<Guid, Task<ItemHistory?>> History);

/// <summary>
/// How a plan write ended: done (no message), refused (the message says why), or stale: someone
/// else changed the item since the user read it, nothing was saved, and the page now shows the
/// latest version.
/// </summary>
public sealed record PlanOutcome(string? Message, bool Stale = false)
{
    public static PlanOutcome Done { get; } = new(Message: null);

    public bool Ok => Message is null;
}
