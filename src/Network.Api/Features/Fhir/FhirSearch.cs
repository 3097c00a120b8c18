using System.Globalization;

namespace Network.Api.Features.Fhir;

/// <summary>
/// The search parameters the API supports on every resource type: <c>_id</c>, <c>patient</c> and
/// <c>subject</c> (a child: <c>Patient/{id}</c> or the bare id), and <c>_lastUpdated</c> with the
/// prefixes eq, ne, gt, lt, ge, le (a date or a date and time). Anything else is a bad request.
/// </summary>
public sealed record FhirSearch(IReadOnlyList<string> Ids, IReadOnlyList<Guid> Patients, IReadOnlyList<(string Prefix, DateTimeOffset From, DateTimeOffset Until)> LastUpdated)
{
    public static readonly FhirSearch None = new([], [], []);

    /// <summary>Parameters every FHIR server accepts and that change nothing here.</summary>
    private static readonly HashSet<string> Ignored = ["_format", "_pretty", "_count", "_summary"];

    /// <summary>Reads the query; the error names the parameter that could not be read.</summary>
    public static (FhirSearch? Search, string? Error) Parse(IEnumerable<KeyValuePair<string, string?>> query)
    {
        var ids = new List<string>();
        var patients = new List<Guid>();
        var updated = new List<(string, DateTimeOffset, DateTimeOffset)>();
        foreach (var (key, raw) in query)
        {
            var value = raw ?? "";
            switch (key)
            {
                case "_id":
                    ids.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "patient" or "subject" or "patient:Patient" or "subject:Patient":
                    foreach (var v in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var id = v.StartsWith("Patient/", StringComparison.Ordinal) ? v["Patient/".Length..] : v;
                        if (!Guid.TryParse(id, out var g)) return (null, key);
                        patients.Add(g);
                    }
                    break;
                case "_lastUpdated":
                    if (ParseDate(value) is not { } range) return (null, key);
                    updated.Add(range);
                    break;
                default:
                    if (!Ignored.Contains(key)) return (null, key);
                    break;
            }
        }
        return (new FhirSearch(ids, patients, updated), null);
    }

    internal bool Matches(Exported e) =>
        (Ids.Count == 0 || Ids.Contains(e.Id))
        && (Patients.Count == 0 || Patients.Any(e.Patients.Contains))
        && LastUpdated.All(r => e.LastUpdated is { } at && Compare(r, at));

    private static bool Compare((string Prefix, DateTimeOffset From, DateTimeOffset Until) r, DateTimeOffset at) => r.Prefix switch
    {
        "eq" => at >= r.From && at < r.Until,
        "ne" => at < r.From || at >= r.Until,
        "gt" => at >= r.Until,
        "ge" => at >= r.From,
        "lt" => at < r.From,
        "le" => at < r.Until,
        _ => false,
    };

    /// <summary>A prefix and the period the value stands for (a day, or an instant to the second).</summary>
    private static (string, DateTimeOffset, DateTimeOffset)? ParseDate(string value)
    {
        var prefix = value.Length > 2 && char.IsLetter(value[0]) ? value[..2] : "eq";
        var rest = prefix == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
        rest = rest.Replace(' ', '+');
        if (prefix is not ("eq" or "ne" or "gt" or "lt" or "ge" or "le")) return null;
        if (DateOnly.TryParseExact(rest, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return (prefix, from, from.AddDays(1));
        }
        if (DateTimeOffset.TryParse(rest, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return (prefix, at, at.AddSeconds(1));
        return null;
    }
}
