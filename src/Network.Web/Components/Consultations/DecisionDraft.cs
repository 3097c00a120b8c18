using Network.Web.Components.Plans;

namespace Network.Web.Components.Consultations;

/// <summary>
/// A decision as the form holds it: its words, what it does to the plan (a new action under a goal
/// by default, with an owner and a due date; a change to an action; a new goal; or only recorded).
/// </summary>
public sealed class DecisionDraft
{
    public string Text { get; set; } = "";
    public DecisionEffect Effect { get; set; } = DecisionEffect.NewAction;
    public Guid? GoalId { get; set; }
    public Guid? ActionId { get; set; }
    public string Owner { get; set; } = "";
    public DateOnly? Due { get; set; }

    /// <summary>A fresh draft; after a decision, the next one keeps what it does and under which goal.</summary>
    public static DecisionDraft For(PlanView? plan, DecisionDraft? previous = null)
    {
        var goals = plan?.Goals ?? [];
        return new DecisionDraft
        {
            Effect = previous?.Effect ?? (goals.Count > 0 ? DecisionEffect.NewAction : DecisionEffect.None),
            GoalId = previous?.GoalId ?? goals.FirstOrDefault()?.Goal.ItemId,
        };
    }

    public string? Check()
    {
        if (string.IsNullOrWhiteSpace(Text)) return Texts.T("Schrijf het besluit.", "Write the decision.");
        if (Effect == DecisionEffect.NewAction && GoalId is null) return Texts.T("Kies het doel van de nieuwe actie.", "Choose the goal of the new action.");
        if (Effect == DecisionEffect.ChangedAction && ActionId is null) return Texts.T("Kies de actie die verandert.", "Choose the action that changes.");
        return null;
    }

    /// <summary>After a decision was recorded: the fields still holding what was sent are emptied; what it does and under which goal stay.</summary>
    public void ClearSent(RecordDecisionRequest sent)
    {
        if (Text.Trim() == sent.Text) Text = "";
        if (Due == sent.Due) Due = null;
        if (PlanWords.OwnerFrom(Owner) == sent.Owner) Owner = "";
        if (ActionId == sent.ActionId) ActionId = null;
    }

    public RecordDecisionRequest ToRequest() => new(
        Text.Trim(), null, Effect,
        GoalId: Effect == DecisionEffect.NewAction ? GoalId : null,
        ActionId: Effect == DecisionEffect.ChangedAction ? ActionId : null,
        Due: Effect is DecisionEffect.NewAction or DecisionEffect.ChangedAction ? Due : null,
        Owner: Effect is DecisionEffect.NewAction or DecisionEffect.ChangedAction ? PlanWords.OwnerFrom(Owner) : null);
}
