using System.Collections.Immutable;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Authorization;

/// <summary>Who the author lets see an item, within what the table allows.</summary>
public enum AudienceKind
{
    /// <summary>Everyone on the board, the family included.</summary>
    Everyone,
    /// <summary>The professionals on the board.</summary>
    Professionals,
    /// <summary>The author's own organisation.</summary>
    OwnOrganisation,
    /// <summary>Named people only.</summary>
    NamedPeople,
}

public sealed record Audience(AudienceKind Kind, ImmutableArray<UserId> Named)
{
    public static Audience Everyone { get; } = new(AudienceKind.Everyone, []);
    public static Audience Professionals { get; } = new(AudienceKind.Professionals, []);
    public static Audience OwnOrganisation { get; } = new(AudienceKind.OwnOrganisation, []);

    /// <summary>The audience an item gets when its author chooses none.</summary>
    public static Audience DefaultFor(InformationCategory category) => category switch
    {
        InformationCategory.General or InformationCategory.Plan or InformationCategory.CourtMeasure
            or InformationCategory.ContactDetails => Everyone,
        _ => Professionals,
    };

    public bool Names(UserId user) => Named.Contains(user);
}

/// <summary>What a decision about an item needs to know of it.</summary>
public sealed record ItemFacts(
    InformationCategory Category,
    ImmutableArray<PersonId> About,
    UserId Author,
    OrganisationId? AuthorOrganisation,
    Audience Audience,
    ImmutableArray<UserId> AssignedTo = default,
    bool ForNetwork = false);

public enum ItemAction
{
    Read,
    Create,
    /// <summary>Correct (or mark as entered in error) an item one wrote oneself.</summary>
    Correct,
}

/// <summary>
/// The decision function of docs/authorization.md for items: standing per child, the table
/// cell, its numbered conditions, then the item's audience. Pure and fast: no I/O.
/// </summary>
public static class ItemPolicy
{
    public static Decision Decide(
        Actor actor, ItemAction action, ItemFacts item, Family family,
        IReadOnlyDictionary<PersonId, DateOnly> birthDates, AuthorizationTable table, DateTimeOffset at)
    {
        if (actor.Role is ActorRole.FunctionalAdministrator or ActorRole.ContractManager)
            return Decision.NoStanding("Beheerders en contractmanagers zien geen casusinhoud.");

        var children = family.Children.ToList();
        var aboutChildren = item.About.Where(children.Contains).ToList();
        // About particular children: standing on each. About the family or an adult: on any child.
        var needEach = aboutChildren.Count > 0;
        var candidates = needEach ? aboutChildren : children;

        var outcomes = candidates.Select(child => OnChild(actor, action, item, family, child, birthDates.GetValueOrDefault(child), table, at)).ToList();
        if (outcomes.All(o => !o.Standing.Exists))
            return Decision.NoStanding("U hoort niet bij het netwerk van dit gezin.");

        var decisive = needEach ? outcomes.FirstOrDefault(o => !o.Allowed) ?? outcomes[0] : outcomes.FirstOrDefault(o => o.Allowed) ?? outcomes[0];
        var allowed = needEach ? outcomes.All(o => o.Allowed) : outcomes.Any(o => o.Allowed);
        // An item one may not read is, to that actor, an item that does not exist.
        return allowed
            ? Decision.Allow(decisive.Reasons)
            : action == ItemAction.Read ? Decision.NoStanding(decisive.Reasons) : Decision.Deny(decisive.Reasons);
    }

    /// <summary>The table column for what the actor is to the child.</summary>
    public static TableColumn? ColumnFor(Actor actor, StandingKind standing) => standing switch
    {
        StandingKind.ParentWithAuthority => TableColumn.ParentWithAuthority,
        StandingKind.ParentWithoutAuthority => TableColumn.ParentWithoutAuthority,
        StandingKind.Youth => TableColumn.Youth,
        StandingKind.NetworkMember => TableColumn.NetworkMember,
        StandingKind.ProfessionalByConsent or StandingKind.ProfessionalByLegalBasis or StandingKind.Emergency => actor.Role switch
        {
            ActorRole.NeighbourhoodTeam => TableColumn.NeighbourhoodTeam,
            ActorRole.YouthCare => TableColumn.YouthCare,
            ActorRole.YouthHealth => TableColumn.YouthHealth,
            ActorRole.FamilyGuardian => TableColumn.FamilyGuardian,
            ActorRole.ProbationOfficer => TableColumn.ProbationOfficer,
            ActorRole.ChildProtectionBoard => TableColumn.ChildProtectionBoard,
            _ => null,
        },
        _ => null,
    };

    private sealed record ChildOutcome(Standing Standing, bool Allowed, string[] Reasons);

    private static ChildOutcome OnChild(
        Actor actor, ItemAction action, ItemFacts item, Family family, PersonId child, DateOnly birthDate, AuthorizationTable table, DateTimeOffset at)
    {
        var standing = Standings.OnChild(family, actor, child, birthDate, at);
        if (!standing.Exists) return new(standing, false, [$"Geweigerd: {standing.Reason}"]);
        var column = ColumnFor(actor, standing.Kind);
        if (column is null) return new(standing, false, ["Geweigerd: uw rol heeft geen kolom in de tabel."]);

        var cell = table[item.Category, column.Value];
        var cellText = $"tabel {item.Category} × {column} = {cell}";
        var needed = action == ItemAction.Read ? TableAccess.Read : TableAccess.Write;
        if (cell.Access < needed)
            return new(standing, false, [$"Geweigerd: {cellText}."]);

        var isAuthor = item.Author == actor.UserId;
        if (action == ItemAction.Correct && !isAuthor)
            return new(standing, false, ["Geweigerd: u corrigeert alleen wat u zelf schreef."]);

        var failed = FailedCondition(actor, action, item, family, standing, cell.Conditions, isAuthor, birthDate, at);
        if (failed is not null) return new(standing, false, [$"Geweigerd: {failed} ({cellText})."]);

        if (action == ItemAction.Read && !isAuthor && AudienceRefuses(actor, item) is { } audience)
            return new(standing, false, [$"Geweigerd: {audience}."]);

        return new(standing, true, [$"Toegestaan: {standing.Reason} {cellText}."]);
    }

    private static string? FailedCondition(
        Actor actor, ItemAction action, ItemFacts item, Family family, Standing standing, TableCondition c, bool isAuthor, DateOnly birthDate, DateTimeOffset at)
    {
        var read = action == ItemAction.Read;
        if (c.HasFlag(TableCondition.LegalBasis) && standing.Kind != StandingKind.ProfessionalByLegalBasis)
            return "alleen op wettelijke grondslag, tijdens een maatregel van uw organisatie";
        if (c.HasFlag(TableCondition.AboutThemself) && !(actor.PersonId is { } me && item.About.Length == 1 && item.About[0] == me))
            return "alleen over uzelf";
        if (c.HasFlag(TableCondition.Under16OrYouthConsent) && Person.AgeOn(birthDate, DateOnly.FromDateTime(at.UtcDateTime)) >= 16)
            // Youth consent per category is not recorded yet, so from 16 this stays closed.
            return "vanaf 16 jaar alleen met toestemming van de jongere";
        if (c.HasFlag(TableCondition.ExistenceOnly) && read)
            return "u ziet alleen dat er een maatregel is, niet de inhoud";
        if (c.HasFlag(TableCondition.AdministrativeOnly))
            return "alleen administratieve gegevens en cijfers, geen vrije tekst";
        if (isAuthor) return null;
        if (c.HasFlag(TableCondition.ProposeOnly) && action == ItemAction.Correct)
            return "het gezin doet voorstellen maar wijzigt niet wat professionals schreven";
        if (read && c.HasFlag(TableCondition.AssignedOrForNetwork) && !item.ForNetwork && (item.AssignedTo.IsDefault || !item.AssignedTo.Contains(actor.UserId)))
            return "alleen acties die aan u zijn toegewezen of voor het netwerk bedoeld";
        if (read && c.HasFlag(TableCondition.AudienceIncludesFamily) && item.Audience.Kind != AudienceKind.Everyone && !item.Audience.Names(actor.UserId))
            return "de schrijver deelde dit niet met het gezin";
        if (read && c.HasFlag(TableCondition.SharedExplicitly) && !item.Audience.Names(actor.UserId))
            return "de schrijver deelde dit niet met u";
        return null;
    }

    private static string? AudienceRefuses(Actor actor, ItemFacts item) => item.Audience.Kind switch
    {
        AudienceKind.Everyone => null,
        AudienceKind.Professionals when actor.IsProfessional => null,
        AudienceKind.Professionals => "alleen voor professionals",
        AudienceKind.OwnOrganisation when actor.OrganisationId is not null && actor.OrganisationId == item.AuthorOrganisation => null,
        AudienceKind.OwnOrganisation => "alleen voor de organisatie van de schrijver",
        AudienceKind.NamedPeople when item.Audience.Names(actor.UserId) => null,
        _ => "alleen voor de genoemde personen",
    };
}
