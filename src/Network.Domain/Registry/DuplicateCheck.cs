using System.Globalization;
using System.Text;

namespace Network.Domain.Registry;

public enum DuplicateReason
{
    SameBsn,
    SimilarNameSameDateOfBirth,
}

/// <summary>A registered person that is likely the same as the one being registered.</summary>
public sealed record LikelyDuplicate(PersonId PersonId, string Name, DateOnly DateOfBirth, DuplicateReason Reason);

/// <summary>
/// Decides whether two registry records likely describe the same person: the same BSN, or the
/// same date of birth and a similar name, allowing for accents, tussenvoegsels ("van der") and
/// small typos.
/// </summary>
public static class DuplicateCheck
{
    private static readonly HashSet<string> Prefixes =
        ["van", "der", "den", "de", "het", "ter", "ten", "te", "op", "in", "t", "'t", "la", "le", "du", "da", "di", "von", "el", "al", "bin", "ben"];

    public static DuplicateReason? Compare(PersonDetails candidate, PersonDetails existing)
    {
        if (candidate.Bsn is { } bsn && bsn == existing.Bsn) return DuplicateReason.SameBsn;
        if (candidate.DateOfBirth != existing.DateOfBirth) return null;
        return SimilarNames(candidate.Name, existing.Name) ? DuplicateReason.SimilarNameSameDateOfBirth : null;
    }

    public static bool SimilarNames(PersonName a, PersonName b)
    {
        if (!Close(FamilyKey(a), FamilyKey(b)) && !Close(FullFamilyKey(a), FullFamilyKey(b))) return false;
        var givenA = FirstGivenName(a);
        var givenB = FirstGivenName(b);
        return Close(givenA, givenB)
               || givenA.Length > 0 && givenB.Length > 0 && givenA[0] == givenB[0] && (givenA.Length <= 2 || givenB.Length <= 2);
    }

    /// <summary>The family name without accents, case, punctuation and tussenvoegsels, wherever they were typed.</summary>
    public static string FamilyKey(PersonName name) =>
        string.Concat(Words(name.FamilyName).Where(w => !Prefixes.Contains(w)));

    /// <summary>Prefix and family name run together, for names typed without spaces ("devries").</summary>
    private static string FullFamilyKey(PersonName name) => string.Concat(Words($"{name.Prefix} {name.FamilyName}"));

    private static bool Close(string a, string b) => Distance(a, b) <= Tolerance(Math.Max(a.Length, b.Length));

    private static string FirstGivenName(PersonName name) => Words(name.GivenNames).FirstOrDefault() ?? "";

    private static IEnumerable<string> Words(string text) =>
        Fold(text).Split([' ', '-', '.', ','], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Lower case without diacritics ("Yılmaz" and "Yilmaz", "Müller" and "Muller" fold alike).</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Replace('ı', 'i').Replace('ß', 's').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static int Tolerance(int length) => length <= 8 ? 1 : 2;

    /// <summary>Damerau-Levenshtein (optimal string alignment): a swap of two letters is one typo.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
