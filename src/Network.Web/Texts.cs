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

    /// <summary>What kind of item it is, as a badge: "Notitie", "Document", "Afspraak", or a part of the plan.</summary>
    public static string KindName(ItemKind kind) => kind switch
    {
        ItemKind.Note => T("Notitie", "Note"),
        ItemKind.Document => T("Document", "Document"),
        ItemKind.Appointment => T("Afspraak", "Appointment"),
        ItemKind.Consultation => T("Casusoverleg", "Case consultation"),
        ItemKind.Minutes => T("Verslag", "Minutes"),
        ItemKind.Worry => T("Zorg", "Worry"),
        ItemKind.Strength => T("Wat goed gaat", "Going well"),
        ItemKind.Goal => T("Doel", "Goal"),
        ItemKind.Action => T("Actie", "Action"),
        ItemKind.PlanVersion => T("Versie van het gezinsplan", "Family plan version"),
        ItemKind.PlanAgreement => T("Akkoord met het gezinsplan", "Agreement with the family plan"),
        _ => T("Bericht", "Item"),
    };

    /// <summary>Who an item's author let read it, as a badge.</summary>
    public static string AudienceName(AudienceKind audience) => audience switch
    {
        AudienceKind.Everyone => T("Iedereen op het bord, ook het gezin", "Everyone on the board, the family too"),
        AudienceKind.Professionals => T("Alleen professionals", "Professionals only"),
        AudienceKind.OwnOrganisation => T("Alleen de eigen organisatie", "Own organisation only"),
        AudienceKind.NamedPeople => T("Alleen bepaalde personen", "Certain people only"),
        _ => T("Anders", "Other"),
    };

    /// <summary>A file size in words people know: 812 bytes, 45 kB, 3,2 MB.</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{Math.Max(1, bytes / 1024)} kB",
        _ => (bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.GetCultureInfo(IsEnglish ? English : Dutch)) + " MB",
    };

    /// <summary>The time zone appointments are made and shown in: the Netherlands'.</summary>
    public static TimeZoneInfo DutchTime { get; } = FindDutchTime();

    /// <summary>An appointment's moment in Dutch time: "di 1-12-2026 10:00".</summary>
    public static string AppointmentMoment(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, DutchTime);
        var culture = IsEnglish ? CultureInfo.GetCultureInfo(English) : CultureInfo.GetCultureInfo(Dutch);
        return local.ToString("ddd d-M-yyyy HH:mm", culture);
    }

    /// <summary>A day and a time as entered in the Netherlands, as a moment.</summary>
    public static DateTimeOffset FromDutchTime(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, DutchTime.GetUtcOffset(local));
    }

    private static TimeZoneInfo FindDutchTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
