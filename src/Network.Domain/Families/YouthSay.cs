using Network.Domain.Authorization;
using Network.Domain.Registry;

namespace Network.Domain.Families;

/// <summary>
/// A youth of 16 or older chose, for one category of information about themself, whether their
/// parents see it (condition 7 of the table). Kept on the family's stream with its date.
/// </summary>
public sealed record YouthSayChosen(FamilyId FamilyId, PersonId Youth, InformationCategory Category, bool ParentsSee, DateTimeOffset At);

/// <summary>The youth's choice in force for one category.</summary>
public sealed record YouthChoice(PersonId Youth, InformationCategory Category, bool ParentsSee, DateTimeOffset At);

/// <summary>
/// The youth's own say from 16 (condition 7 of docs/authorization.md): for every category where a
/// parent's cell carries condition 7, the parents see the youth's information only while the youth
/// lets them. Under 16 the condition does not close anything and a choice cannot be made; which
/// professionals join on consent the youth already decides alone from 16 (<see cref="Consents"/>).
/// </summary>
public static class YouthSay
{
    public const int Age = 16;

    /// <summary>The reason a parent reads something about a youth of 16 or older: the youth lets them.</summary>
    public const string LetsParentsSee = "youth-say.lets-parents-see";

    private static readonly TableColumn[] ParentColumns = [TableColumn.ParentWithAuthority, TableColumn.ParentWithoutAuthority];

    /// <summary>Whether the column is a parent's: the youth's say is about what their parents see.</summary>
    public static bool IsParentColumn(TableColumn column) => ParentColumns.Contains(column);

    /// <summary>The categories the youth has a say on under this table: a parent's cell carries condition 7.</summary>
    public static IReadOnlyList<InformationCategory> Categories(AuthorizationTable table) =>
        [.. Enum.GetValues<InformationCategory>().Where(c => ParentColumns.Any(col =>
            table[c, col] is { Access: > TableAccess.None } cell && cell.Conditions.HasFlag(TableCondition.Under16OrYouthConsent)))];

    /// <summary>Whether the youth lets their parents see this category now (no choice: no).</summary>
    public static bool ParentsSee(Family family, PersonId youth, InformationCategory category) =>
        family.ChoiceOf(youth, category) is { ParentsSee: true };

    /// <summary>The youth chooses for one category. Only the youth themself, from 16, for a category they have a say on.</summary>
    public static IReadOnlyList<object> Choose(
        FamilyOf f, Actor actor, InformationCategory category, bool parentsSee, AuthorizationTable table, DateTimeOffset now)
    {
        var family = f.Family;
        if (actor.PersonId is not { } youth || family.MemberFor(youth)?.Relation != Relation.Child)
            throw new NotAllowed("youth-say.only-the-youth");
        var age = Person.AgeOn(f.BirthDates.GetValueOrDefault(youth), DateOnly.FromDateTime(now.UtcDateTime));
        if (age < Age) throw new DomainRuleViolation("youth-say.from-16", ("age", age));
        if (!Categories(table).Contains(category)) throw new DomainRuleViolation("youth-say.not-your-say", ("category", category));
        if (family.ChoiceOf(youth, category) is { } current && current.ParentsSee == parentsSee) return [];
        return [new YouthSayChosen(family.Id, youth, category, parentsSee, now)];
    }
}
