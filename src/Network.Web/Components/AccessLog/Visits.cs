using System.Globalization;
using static Network.Web.Texts;

namespace Network.Web.Components.AccessLog;

/// <summary>
/// One visit of "Wie keek mee?" in plain words: "Fatima El Amrani (buurtteam) bekeek het
/// gezinsbord, met toestemming van het gezin, 3 keer". Someone outside the family's network is
/// never named: "iemand zonder toegang", with the organisation when the API gives one.
/// </summary>
public static class Visits
{
    public static string Sentence(AccessLogVisit visit)
    {
        var parts = new List<string> { $"{Who(visit)} {Did(visit)}" };
        var bases = visit.Bases.Where(b => b != AccessBasis.None).Distinct().Select(BasisName).ToList();
        if (bases.Count > 0) parts.Add(And(bases));
        parts.Add(T($"{visit.Entries} keer", visit.Entries == 1 ? "once" : $"{visit.Entries} times"));
        return string.Join(", ", parts);
    }

    public static string Who(AccessLogVisit visit) => visit.UserName is { } name
        ? $"{name} ({RoleName(visit.Role)})"
        : T("Iemand zonder toegang", "Someone without access") + (visit.Organisation is { } o ? $" ({o})" : "");

    /// <summary>
    /// What they did with what: "bekeek het gezinsbord en berichten". Searches pair with what is
    /// found in lists ("zag het gezin in een overzicht"), the other actions with the rest.
    /// </summary>
    public static string Did(AccessLogVisit visit)
    {
        var what = visit.What.Distinct().ToList();
        var lists = what.Where(w => w is "boards" or "families").ToList();
        var things = what.Except(["boards", "families", "persons", "emergency"]).Select(Thing).Distinct().ToList();
        var verbs = visit.Actions.Where(a => a != AccessAction.Search).Distinct().OrderBy(Rank).Select(Verb).ToList();

        var clauses = new List<string>();
        if (things.Count > 0) clauses.Add($"{(verbs.Count > 0 ? And(verbs) : T("zag", "saw"))} {And(things)}");
        if (lists.Count > 0) clauses.Add(T("zag het gezin in een overzicht", "saw the family in an overview"));
        if (what.Contains("persons")) clauses.Add(T("zocht in het register", "searched the register"));
        if (what.Contains("emergency")) clauses.Add(T("vroeg noodtoegang", "asked for emergency access"));
        if (clauses.Count == 0) clauses.Add($"{(verbs.Count > 0 ? And(verbs) : T("bekeek", "viewed"))} {T("gegevens", "details")}");
        return And(clauses);
    }

    /// <summary>Reading first: it is what most visits are.</summary>
    private static int Rank(AccessAction action) => action == AccessAction.Read ? -1 : (int)action;

    /// <summary>When: "24-11-2026 10:02 – 10:15", or with both dates when the visit crosses midnight.</summary>
    public static string When(AccessLogVisit visit)
    {
        var from = visit.From.ToLocalTime();
        var until = visit.Until.ToLocalTime();
        var day = from.ToString("d-M-yyyy HH:mm", CultureInfo.InvariantCulture);
        if (until - from < TimeSpan.FromMinutes(1)) return day;
        return from.Date == until.Date
            ? $"{day} – {until.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{day} – {until.ToString("d-M-yyyy HH:mm", CultureInfo.InvariantCulture)}";
    }

    private static string Verb(AccessAction action) => action switch
    {
        AccessAction.Read => T("bekeek", "viewed"),
        AccessAction.Create => T("schreef", "wrote"),
        AccessAction.Update => T("wijzigde", "changed"),
        AccessAction.Search => T("zocht", "searched"),
        AccessAction.Export => T("exporteerde", "exported"),
        AccessAction.Print => T("printte", "printed"),
        AccessAction.Send => T("stuurde een uitnodiging", "sent an invitation"),
        _ => ActionName(action) is { Length: > 0 } word ? word : T("gebruikte", "used"),
    };

    private static string Thing(string what) => what switch
    {
        "board" => T("het gezinsbord", "the family board"),
        "item" => T("berichten", "items"),
        "family" => T("de gezinsgegevens", "the family's details"),
        "person" => T("persoonsgegevens", "personal details"),
        "access-log" => T("wie er meekeek", "who looked"),
        _ => T("gegevens", "details"),
    };

    private static string And(IReadOnlyList<string> words) => words.Count switch
    {
        0 => "",
        1 => words[0],
        _ => $"{string.Join(", ", words.Take(words.Count - 1))} {T("en", "and")} {words[^1]}",
    };
}
