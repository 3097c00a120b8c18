using System.Globalization;

namespace Network.Web;

/// <summary>
/// The interface speaks Dutch first and English second: every text is written in both, in
/// place, so a newcomer sees both languages where the text is used.
/// </summary>
public static class Texts
{
    public const string Dutch = "nl-NL";
    public const string English = "en-GB";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Language => IsEnglish ? "en" : "nl";

    /// <summary>The Dutch text, or the English one when the user chose English.</summary>
    public static string T(string dutch, string english) => IsEnglish ? english : dutch;

    public static string CategoryName(string category) => category switch
    {
        "General" => T("Algemeen", "General"),
        "Plan" => T("Gezinsplan", "Family plan"),
        "Observation" => T("Observatie", "Observation"),
        "PerspectivePlan" => T("Perspectiefplan", "Perspective plan"),
        "Safety" => T("Veiligheid", "Safety"),
        "Medical" => T("Medisch", "Medical"),
        "CourtMeasure" => T("Maatregel (civiel)", "Court measure (civil)"),
        "Justice" => T("Justitie (strafrecht)", "Justice (criminal law)"),
        "ContactDetails" => T("Contactgegevens", "Contact details"),
        "SecretAddress" => T("Geheim adres", "Secret address"),
        "Administrative" => T("Administratief", "Administrative"),
        _ => category,
    };

    public static string Role(string role) => role switch
    {
        "Parent" => T("ouder", "parent"),
        "Youth" => T("jeugdige", "youth"),
        "NetworkMember" => T("netwerklid", "network member"),
        "NeighbourhoodTeam" => T("buurtteam", "neighbourhood team"),
        "YouthCare" => T("jeugdhulp", "youth care"),
        "YouthHealth" => T("jeugdgezondheidszorg", "youth health"),
        "FamilyGuardian" => T("jeugdbeschermer", "family guardian"),
        "ProbationOfficer" => T("jeugdreclasseerder", "youth probation officer"),
        "ChildProtectionBoard" => T("Raad voor de Kinderbescherming", "Child Protection Board"),
        "ContractManager" => T("contractmanager", "contract manager"),
        "FunctionalAdministrator" => T("functioneel beheerder", "functional administrator"),
        _ => role,
    };
}
