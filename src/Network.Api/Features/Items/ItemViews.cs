using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Items;

public static class ItemViews
{
    /// <summary>An item as its reader sees it; <see cref="ItemView.MayCorrect"/> comes from the same decision function.</summary>
    public static ItemView ToView(this ItemRow row, Actor reader, FamilyContext family, DateTimeOffset now, StandingMemo? memo = null) => new(
        row.Id, row.Position, row.Version, row.Kind, row.AuthorId, row.AuthorName, row.AuthorRole, row.AuthorOrganisationName,
        row.Text, row.PostedAt, row.ChangedAt, row.Category, row.About, row.Audience, row.Named, row.Corrected, row.EnteredInError,
        row.ErrorReason, row.Boards,
        // Only authors correct notes (plan items are revised on the plan page): the decision is asked of them alone.
        row.Kind == ItemKind.Note && !row.EnteredInError && row.AuthorId == reader.UserId.Value
            && ItemPolicy.Decide(reader, ItemAction.Correct, row.ToFacts(), family.Family, family.BirthDates, family.Table, now, memo).Allowed,
        row.Kind == ItemKind.Note ? null : PlanOf(row.Details));

    private static ItemPlanView PlanOf(ItemDetails d) => new(
        d.Goal, d.Target, d.Scales is { Count: > 0 } s ? s[^1].Score : null, d.Due, d.Owner?.Name, d.Status, d.Proposal,
        d.Version?.Number, d.Agreement?.Version, d.Agreement?.Agrees);

    public static ItemChoices ToChoices(this PostItemRequest r) => new(
        r.Category ?? InformationCategory.General,
        [.. (r.About ?? []).Select(id => new PersonId(id))],
        r.Audience is { } kind ? new Audience(kind, [.. (r.Named ?? []).Select(id => new UserId(id))]) : null);
}
