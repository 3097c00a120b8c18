using Network.Api.Features.Consultations;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Items;

/// <summary>Whether a reader may reply to items about a set of family members, each set decided once.</summary>
public sealed class ReplyRights(Actor reader, FamilyContext family, DateTimeOffset now, StandingMemo? memo)
{
    private readonly Dictionary<string, bool> byAbout = [];

    public bool For(ItemRow row)
    {
        var key = row.About.Length == 0 ? "" : string.Join(',', row.About.Order());
        if (!byAbout.TryGetValue(key, out var may))
            byAbout[key] = may = Conversations.MayReplyAbout([.. row.About.Select(p => new PersonId(p))], family.Of, family.Table, reader, now, memo).Allowed;
        return may;
    }
}

public static class ItemViews
{
    /// <summary>
    /// An item as its reader (who may read it) sees it; <see cref="ItemView.MayCorrect"/> and
    /// <see cref="ItemView.MayReply"/> come from the same decision function. A reply also needs the
    /// right to write general items about the same family members: asked once per set of members
    /// and request (<paramref name="rights"/>).
    /// </summary>
    public static ItemView ToView(this ItemRow row, Actor reader, FamilyContext family, DateTimeOffset now, StandingMemo? memo = null, ReplyRights? rights = null, FamilySight? sight = null)
    {
        var seen = sight ?? (row.Details.Appointment is null ? null : FamilyPolicy.See(reader, family.Family, family.BirthDates, family.Table, now));
        return new(
        row.Id, row.Position, row.Version, row.Kind, row.AuthorId, row.AuthorName, row.AuthorRole, row.AuthorOrganisationName,
        row.Text, row.PostedAt, row.ChangedAt, row.Category, row.About, row.Audience, row.Named, row.Corrected, row.EnteredInError,
        row.ErrorReason, row.Boards,
        // Only authors correct notes (plan items are revised on the plan page): the decision is asked of them alone.
        row.Kind == ItemKind.Note && !row.EnteredInError && row.AuthorId == reader.UserId.Value
            && ItemPolicy.Decide(reader, ItemAction.Correct, row.ToFacts(), family.Family, family.BirthDates, family.Table, now, memo).Allowed,
        Item.IsPlanContent(row.Kind) || row.Kind is ItemKind.PlanVersion or ItemKind.PlanAgreement ? PlanOf(row.Details) : null,
        DocumentOf(row.Details),
        seen is null ? null : AppointmentOf(row.Details, family, seen),
        row.Details.Replies is { Count: > 0 } replies ? [.. replies.Select(r => new ReplyView(r.ReplyId, r.AuthorId, r.AuthorName, r.AuthorRole, r.Text, r.At))] : [],
        !row.EnteredInError && (rights ?? new ReplyRights(reader, family, now, memo)).For(row),
        seen is null ? null : ConsultationViews.Of(row, reader, family, now, memo, seen),
        ConsultationViews.MinutesOf(row.Details),
        ConsultationViews.DecidedInOf(row.Details));
    }

    public static bool Previewable(string contentType) => contentType is "application/pdf" or "image/png" or "image/jpeg" or "image/gif" or "image/webp";

    private static DocumentView? DocumentOf(ItemDetails d) => d.Document is not { } file ? null : new(
        file.FileName, file.ContentType, file.Size, d.DocumentVersions?.Count ?? 1, Previewable(file.ContentType),
        [.. (d.DocumentVersions ?? []).Select(v => new DocumentVersionView(v.Version, v.File.FileName, v.File.ContentType, v.File.Size, v.At, v.ByName))]);

    /// <summary>An appointment as a reader sees it: of the people taking part, only those the reader may know of are named.</summary>
    public static AppointmentView? AppointmentOf(ItemDetails d, FamilyContext family, FamilySight sight) => d.Appointment is not { } a ? null : new(
        a.Start, a.DurationMinutes, a.Place, a.VideoLink,
        [
            .. a.Persons.Where(p => sight.Adults.Contains(p) || sight.Children.Any(c => c.Child == p && c.Full))
                .Select(p => new ParticipantView(p.Value, null, family.NameOf(p))),
            .. a.Users.Where(u => sight.Network.Any(m => m.Professional == u))
                .Select(u => new ParticipantView(null, u.Value, family.Family.ProfessionalFor(u)?.DisplayName ?? "?")),
        ],
        d.Cancelled, d.CancelReason, d.Sequence);

    private static ItemPlanView PlanOf(ItemDetails d) => new(
        d.Goal, d.Target, d.Scales is { Count: > 0 } s ? s[^1].Score : null, d.Due, d.Owner?.Name, d.Status, d.Proposal,
        d.Version?.Number, d.Agreement?.Version, d.Agreement?.Agrees);

    public static ItemChoices ToChoices(this PostItemRequest r) => new(
        r.Category ?? InformationCategory.General,
        [.. (r.About ?? []).Select(id => new PersonId(id))],
        r.Audience is { } kind ? new Audience(kind, [.. (r.Named ?? []).Select(id => new UserId(id))]) : null);
}
