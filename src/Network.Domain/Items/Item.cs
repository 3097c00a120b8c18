using Network.Domain.Authorization;
using Network.Domain.Boards;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Items;

/// <summary>The kinds of items; plan goals and actions, consultations, documents and appointments follow notes.</summary>
public enum ItemKind
{
    Note,
}

/// <summary>
/// An item is posted once, on a board of its family, with what the policy decides on: category,
/// subjects (the family members it is about; empty: the family as a whole), author and
/// organisation, audience, and for plan actions who it is assigned to and whether it is for the network.
/// </summary>
public sealed record ItemPosted(
    ItemId ItemId,
    FamilyId FamilyId,
    BoardId BoardId,
    ItemKind Kind,
    UserId AuthorId,
    string AuthorName,
    ActorRole AuthorRole,
    OrganisationId? AuthorOrganisation,
    string? AuthorOrganisationName,
    string Text,
    InformationCategory Category,
    ImmutableArray<PersonId> About,
    Audience Audience,
    ImmutableArray<UserId> AssignedTo,
    bool ForNetwork,
    DateTimeOffset At);

/// <summary>The author corrected the text; the earlier text stays in the item's history.</summary>
public sealed record ItemCorrected(ItemId ItemId, string Text, string? Reason, UserId By, DateTimeOffset At);

/// <summary>The author marked the item as entered in error, with a reason; it stays in the history, struck through.</summary>
public sealed record ItemEnteredInError(ItemId ItemId, string Reason, UserId By, DateTimeOffset At);

/// <summary>The item is shown on another board of the same family as well: linked, never copied.</summary>
public sealed record ItemShownOnBoard(ItemId ItemId, BoardId BoardId, UserId By, DateTimeOffset At);

/// <summary>What the author chose: category, subjects and audience (null: the category's default).</summary>
public sealed record ItemChoices(InformationCategory Category, IReadOnlyList<PersonId> About, Audience? Audience)
{
    public static ItemChoices Default { get; } = new(InformationCategory.General, [], null);
}

/// <summary>An item with its own identity and history.</summary>
public sealed record Item(
    ItemId Id, FamilyId FamilyId, ImmutableArray<BoardId> Boards, ItemKind Kind, ItemFacts Facts, string Text,
    bool EnteredInError, DateTimeOffset PostedAt)
{
    public const int MaxTextLength = 10_000;
    public const int MaxReasonLength = 1_000;

    public static Item? Evolve(Item? state, object @event) => (state, @event) switch
    {
        (_, ItemPosted e) => new Item(e.ItemId, e.FamilyId, [e.BoardId], e.Kind,
            new ItemFacts(e.Category, e.About.IsDefault ? [] : e.About, e.AuthorId, e.AuthorOrganisation, e.Audience,
                e.AssignedTo.IsDefault ? [] : e.AssignedTo, e.ForNetwork),
            e.Text, false, e.At),
        (null, _) => null,
        (var i, ItemCorrected e) => i with { Text = e.Text },
        (var i, ItemEnteredInError) => i with { EnteredInError = true },
        (var i, ItemShownOnBoard e) => i.Boards.Contains(e.BoardId) ? i : i with { Boards = i.Boards.Add(e.BoardId) },
        (var i, _) => i,
    };
}

/// <summary>The commands on items. Pure: every decision goes through <see cref="ItemPolicy"/>.</summary>
public static class ItemDecisions
{
    public static IReadOnlyList<object> Post(
        Board board, FamilyOf family, AuthorizationTable table, Actor actor, ItemId id, string text, ItemChoices choices, DateTimeOffset now)
    {
        if (family.Family.Id != board.FamilyId) throw new InvalidOperationException("The family passed in is not the board's family.");
        if (choices.About.Any(p => family.Family.MemberFor(p) is null)) throw new DomainRuleViolation("item.subject-not-in-family");
        var facts = FactsOf(actor, choices);
        Require(ItemPolicy.Decide(actor, ItemAction.Create, facts, family.Family, family.BirthDates, table, now));
        var trimmed = ValidText(text);
        return [new ItemPosted(id, board.FamilyId, board.Id, ItemKind.Note, actor.UserId, actor.DisplayName, actor.Role,
            actor.OrganisationId, actor.Organisation, trimmed, facts.Category, facts.About, facts.Audience, [], false, now)];
    }

    /// <summary>The facts a new item would have: what the author chose, the category's audience by default.</summary>
    public static ItemFacts FactsOf(Actor author, ItemChoices choices) => new(
        choices.Category, [.. choices.About.Distinct()], author.UserId, author.OrganisationId,
        choices.Audience ?? Audience.DefaultFor(choices.Category));

    public static IReadOnlyList<object> Correct(
        Item item, FamilyOf family, AuthorizationTable table, Actor actor, string text, string? reason, DateTimeOffset now)
    {
        Require(ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, family.Family, family.BirthDates, table, now));
        if (item.EnteredInError) throw new DomainRuleViolation("item.entered-in-error");
        var trimmed = ValidText(text);
        if (reason?.Trim().Length > Item.MaxReasonLength) throw new DomainRuleViolation("item.reason-too-long", ("max", Item.MaxReasonLength));
        return trimmed == item.Text ? [] : [new ItemCorrected(item.Id, trimmed, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor.UserId, now)];
    }

    public static IReadOnlyList<object> MarkEnteredInError(
        Item item, FamilyOf family, AuthorizationTable table, Actor actor, string reason, DateTimeOffset now)
    {
        Require(ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, family.Family, family.BirthDates, table, now));
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleViolation("item.reason-required");
        if (reason.Trim().Length > Item.MaxReasonLength) throw new DomainRuleViolation("item.reason-too-long", ("max", Item.MaxReasonLength));
        return item.EnteredInError ? [] : [new ItemEnteredInError(item.Id, reason.Trim(), actor.UserId, now)];
    }

    /// <summary>Shows the item on another board of its family; who may read it does not change.</summary>
    public static IReadOnlyList<object> ShowOn(
        Item item, Board board, FamilyOf family, AuthorizationTable table, Actor actor, DateTimeOffset now)
    {
        Require(ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, family.Family, family.BirthDates, table, now));
        if (board.FamilyId != item.FamilyId) throw new ResourceNotFound("board");
        return item.Boards.Contains(board.Id) ? [] : [new ItemShownOnBoard(item.Id, board.Id, actor.UserId, now)];
    }

    private static void Require(Decision decision)
    {
        if (!decision.KnowsItExists) throw new ResourceNotFound("item");
        if (!decision.Allowed) throw new NotAllowed(decision.Reasons);
    }

    private static string ValidText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) throw new DomainRuleViolation("item.text-required");
        if (trimmed.Length > Item.MaxTextLength) throw new DomainRuleViolation("item.text-too-long", ("max", Item.MaxTextLength));
        return trimmed;
    }
}
