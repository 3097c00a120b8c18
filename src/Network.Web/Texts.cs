using System.Globalization;

namespace Network.Web;

/// <summary>
/// The interface speaks Dutch first and English second: every text is written in both, in
/// place, so a newcomer sees both languages where the text is used. Codes from the API (reasons,
/// rules, notifications) and the words for its enums come from the shared <see cref="Catalog"/>.
/// </summary>
public static class Texts
{
    public const string Dutch = "nl-NL";
    public const string English = "en-GB";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Language => IsEnglish ? "en" : "nl";

    /// <summary>The Dutch text, or the English one when the user chose English.</summary>
    public static string T(string dutch, string english) => IsEnglish ? english : dutch;

    /// <summary>A code with its parameters (a reason, a rule, a notification) in the user's language.</summary>
    public static string Say(string code, IReadOnlyDictionary<string, string>? args = null) => Catalog.Text(code, args, IsEnglish);

    public static string Say(ReasonView reason) => Say(reason.Code, reason.Args);

    public static string CategoryName(InformationCategory category) => Catalog.Category(category, IsEnglish);

    public static string RoleName(ActorRole role) => Catalog.Role(role, IsEnglish);

    public static string ColumnName(TableColumn column) => Catalog.Column(column, IsEnglish);

    public static string MeasureName(MeasureType type) => Catalog.Measure(type, IsEnglish);

    public static string RelationName(Relation relation) => Catalog.RelationName(relation, IsEnglish);

    public static string BasisName(AccessBasis basis) => Catalog.Basis(basis, IsEnglish);

    public static string ActionName(AccessAction action) => Catalog.Action(action, IsEnglish);

    /// <summary>A date as people write it here: 14-5-2018.</summary>
    public static string Date(DateOnly date) => date.ToString("d-M-yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment in the user's time zone, short.</summary>
    public static string Moment(DateTimeOffset at) => at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);
}
