using Network.Domain.Authorization;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Items;

/// <summary>A stored file: its id in the file store, the name it came with, the type found in its content, its size and SHA-256.</summary>
public sealed record DocumentFile(Guid FileId, string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// When and where an appointment is, and who takes part: family members (persons) and the
/// professionals of the family's network (users).
/// </summary>
public sealed record AppointmentFields(
    DateTimeOffset Start, int DurationMinutes, string? Place, string? VideoLink, ImmutableArray<PersonId> Persons, ImmutableArray<UserId> Users);

/// <summary>A new version of a document: the earlier files stay in the item's history.</summary>
public sealed record DocumentVersionAdded(ItemId ItemId, DocumentFile File, UserId By, string ByName, DateTimeOffset At);

/// <summary>An appointment moved or changed: the same appointment (UID), one step further in its sequence; for a consultation its own fields too.</summary>
public sealed record AppointmentChanged(
    ItemId ItemId, string Title, AppointmentFields Appointment, UserId By, string ByName, DateTimeOffset At, ConsultationFields? Consultation = null);

/// <summary>An appointment was cancelled; it stays on the timeline, marked as cancelled.</summary>
public sealed record AppointmentCancelled(ItemId ItemId, string? Reason, UserId By, string ByName, DateTimeOffset At);

/// <summary>A reply under an item: read by exactly the item's readers.</summary>
public sealed record ReplyPosted(ItemId ItemId, Guid ReplyId, UserId By, string ByName, ActorRole ByRole, string Text, DateTimeOffset At);

/// <summary>The rules for appointments.</summary>
public static class Appointments
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 24 * 60;
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int MaxPlaceLength = 300;

    public static void Validate(AppointmentFields a, Family family)
    {
        if (a.DurationMinutes is < MinMinutes or > MaxMinutes) throw new DomainRuleViolation("appointment.duration", ("max", MaxMinutes));
        if (a.Start.UtcDateTime.Year is < FirstYear or > LastYear) throw new DomainRuleViolation("appointment.start");
        if (a.Place?.Length > MaxPlaceLength) throw new DomainRuleViolation("appointment.place-too-long", ("max", MaxPlaceLength));
        if (a.VideoLink is { } link
            && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || link.Length > MaxPlaceLength))
            throw new DomainRuleViolation("appointment.video-link");
        if (a.Persons.Any(p => family.MemberFor(p) is null)) throw new DomainRuleViolation("appointment.participant-not-in-family");
        if (a.Users.Any(u => family.ProfessionalFor(u) is null)) throw new DomainRuleViolation("appointment.participant-not-in-network");
    }

    public static IReadOnlyList<object> Change(
        Item item, FamilyOf family, AuthorizationTable table, Actor actor, string title, AppointmentFields fields, DateTimeOffset now)
    {
        ItemDecisions.Require(ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, family.Family, family.BirthDates, table, now));
        if (item.Kind != ItemKind.Appointment) throw new DomainRuleViolation("appointment.not-an-appointment");
        if (item.Cancelled || item.EnteredInError) throw new DomainRuleViolation("appointment.cancelled");
        var text = ItemDecisions.ValidText(title);
        Validate(fields, family.Family);
        return text == item.Text && Same(fields, item.Appointment!) ? [] : [new AppointmentChanged(item.Id, text, fields, actor.UserId, actor.DisplayName, now)];
    }

    public static IReadOnlyList<object> Cancel(Item item, FamilyOf family, AuthorizationTable table, Actor actor, string? reason, DateTimeOffset now)
    {
        ItemDecisions.Require(ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, family.Family, family.BirthDates, table, now));
        if (item.Kind != ItemKind.Appointment) throw new DomainRuleViolation("appointment.not-an-appointment");
        if (reason?.Trim().Length > Item.MaxReasonLength) throw new DomainRuleViolation("item.reason-too-long", ("max", Item.MaxReasonLength));
        return item.Cancelled ? [] : [new AppointmentCancelled(item.Id, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor.UserId, actor.DisplayName, now)];
    }

    internal static bool Same(AppointmentFields a, AppointmentFields b) =>
        a.Start == b.Start && a.DurationMinutes == b.DurationMinutes && a.Place == b.Place && a.VideoLink == b.VideoLink
        && a.Persons.SequenceEqual(b.Persons) && a.Users.SequenceEqual(b.Users);
}

/// <summary>The rules for documents and replies.</summary>
public static class Conversations
{
    /// <summary>A new version of a document: the one who may correct the item (its author) adds it.</summary>
    public static IReadOnlyList<object> AddVersion(Item item, FamilyOf family, AuthorizationTable table, Actor actor, DocumentFile file, DateTimeOffset now)
    {
        ItemDecisions.Require(ItemPolicy.Decide(actor, ItemAction.Correct, item.Facts, family.Family, family.BirthDates, table, now));
        if (item.Kind != ItemKind.Document) throw new DomainRuleViolation("document.not-a-document");
        if (item.EnteredInError) throw new DomainRuleViolation("item.entered-in-error");
        return [new DocumentVersionAdded(item.Id, file, actor.UserId, actor.DisplayName, now)];
    }

    /// <summary>
    /// A reply: whoever may read the item, and may write general items about the same family
    /// members (the table's General row; a family member too, where it lets them), replies.
    /// </summary>
    public static Decision MayReply(Item item, FamilyOf family, AuthorizationTable table, Actor actor, DateTimeOffset now, StandingMemo? memo = null) =>
        MayReply(item.Facts, family, table, actor, now, memo);

    public static Decision MayReply(ItemFacts item, FamilyOf family, AuthorizationTable table, Actor actor, DateTimeOffset now, StandingMemo? memo = null)
    {
        var read = ItemPolicy.Decide(actor, ItemAction.Read, item, family.Family, family.BirthDates, table, now, memo);
        return read.Allowed ? MayReplyAbout(item.About, family, table, actor, now, memo) : read;
    }

    /// <summary>The second half of <see cref="MayReply(ItemFacts, FamilyOf, AuthorizationTable, Actor, DateTimeOffset, StandingMemo?)"/>, for a reader known to read the item.</summary>
    public static Decision MayReplyAbout(ImmutableArray<PersonId> about, FamilyOf family, AuthorizationTable table, Actor actor, DateTimeOffset now, StandingMemo? memo = null) =>
        ItemPolicy.Decide(actor, ItemAction.Create, new ItemFacts(InformationCategory.General, about, actor.UserId, actor.OrganisationId, Audience.Everyone),
            family.Family, family.BirthDates, table, now, memo);

    public static IReadOnlyList<object> Reply(Item item, FamilyOf family, AuthorizationTable table, Actor actor, Guid replyId, string text, DateTimeOffset now)
    {
        var read = ItemPolicy.Decide(actor, ItemAction.Read, item.Facts, family.Family, family.BirthDates, table, now);
        if (!read.KnowsItExists || !read.Allowed) throw new ResourceNotFound("item");
        var may = MayReply(item, family, table, actor, now);
        if (!may.Allowed) throw new NotAllowed(may.Reasons);
        if (item.EnteredInError) throw new DomainRuleViolation("item.entered-in-error");
        return [new ReplyPosted(item.Id, replyId, actor.UserId, actor.DisplayName, actor.Role, ItemDecisions.ValidText(text), now)];
    }
}
