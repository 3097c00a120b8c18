using Network.Domain.Items;
using Network.Domain.Registry;

namespace Network.Domain.Plans;

/// <summary>Where an action stands.</summary>
public enum ActionStatus
{
    Open,
    InProgress,
    Done,
    /// <summary>No longer pursued, with a reason.</summary>
    Dropped,
}

/// <summary>Whether a family member's proposal (condition 1) was taken into the plan.</summary>
public enum ProposalState
{
    /// <summary>Written by a professional, or a proposal accepted.</summary>
    None,
    Proposed,
    Accepted,
    Declined,
}

/// <summary>Who carries out an action: a professional (a user) or someone of the family or its network (a registry person).</summary>
public sealed record Owner(UserId? User, PersonId? Person, string Name);

/// <summary>One reading of "where are we now" on a goal's scale of 0 to 10, on a day.</summary>
public sealed record ScalePoint(int Score, DateOnly On, string ByName);

/// <summary>
/// The plan's own fields of a worry, strength, goal or action: for a goal its target and scale,
/// for an action its goal, due date and owner; whether it was posted as a proposal.
/// </summary>
public sealed record PlanFields(ItemId? Goal, string? Target, ScalePoint? Scale, DateOnly? Due, Owner? Owner, bool Proposed);

/// <summary>A plan item as a published version holds it.</summary>
public sealed record PlanEntry(ItemId Item, long ItemVersion, ItemKind Kind, string Text, ItemId? Goal, ActionStatus? Status, int? Scale);

/// <summary>A published version of the plan: its number and what it held.</summary>
public sealed record PlanVersionFields(int Number, ImmutableArray<PlanEntry> Entries);

/// <summary>A family member's agreement (akkoord) with a version, or disagreement, with a comment.</summary>
public sealed record AgreementFields(int Version, bool Agrees, string? Comment);

/// <summary>What changed from one version to the next.</summary>
public sealed record PlanDiff(ImmutableArray<PlanEntry> Added, ImmutableArray<PlanEntry> Changed, ImmutableArray<PlanEntry> Closed, ImmutableArray<PlanEntry> Removed)
{
    public static PlanDiff Between(PlanVersionFields? previous, PlanVersionFields current)
    {
        var before = (previous?.Entries ?? []).ToDictionary(e => e.Item);
        var now = current.Entries.ToDictionary(e => e.Item);
        static bool IsClosed(PlanEntry e) => e.Status is ActionStatus.Done or ActionStatus.Dropped;
        return new PlanDiff(
            [.. current.Entries.Where(e => !before.ContainsKey(e.Item))],
            [.. current.Entries.Where(e => before.TryGetValue(e.Item, out var b) && b.ItemVersion != e.ItemVersion && !(IsClosed(e) && !IsClosed(b)))],
            [.. current.Entries.Where(e => IsClosed(e) && (!before.TryGetValue(e.Item, out var b) || !IsClosed(b)))],
            [.. (previous?.Entries ?? []).Where(e => !now.ContainsKey(e.Item))]);
    }
}
