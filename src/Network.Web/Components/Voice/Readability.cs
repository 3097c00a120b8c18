using System.Text.RegularExpressions;

namespace Network.Web.Components.Voice;

/// <summary>A jargon word and a plainer way to say it.</summary>
public sealed record Jargon(string Word, string Plainer);

/// <summary>How easy a Dutch text is to read, and what could be plainer.</summary>
public sealed record ReadabilityReport(
    double FleschDouma, int Words, int Sentences, IReadOnlyList<string> LongSentences, IReadOnlyList<string> LongWords, IReadOnlyList<Jargon> Jargon)
{
    /// <summary>B1 asks for short sentences, few long words and no jargon; Flesch-Douma of 60 or more reads easily.</summary>
    public bool Plain => FleschDouma >= 60 && LongSentences.Count == 0 && Jargon.Count == 0;
}

/// <summary>
/// A readability check for Dutch texts written for families (B1): the Flesch-Douma score
/// (206.835 − 0.93 × words per sentence − 77 × syllables per word), sentences over 15 words, words
/// of five syllables or more, and a list of jargon with plainer words. Advice only: it never blocks.
/// </summary>
public static partial class Readability
{
    public const int LongSentence = 15;
    public const int LongWordSyllables = 5;

    /// <summary>Jargon of youth care and officialese, with what a family would say.</summary>
    public static readonly IReadOnlyList<Jargon> JargonList =
    [
        new("ondertoezichtstelling", "toezicht door een gezinsvoogd (OTS)"),
        new("jeugdreclassering", "begeleiding na contact met politie of rechter"),
        new("voogdij", "de zorg en beslissingen voor een kind, als ouders dat niet kunnen"),
        new("machtiging uithuisplaatsing", "toestemming van de rechter om ergens anders te wonen"),
        new("perspectiefplan", "plan voor waar het kind woont en opgroeit"),
        new("regisseur", "de hulpverlener die alles regelt"),
        new("casusoverleg", "overleg over het gezin"),
        new("multidisciplinair", "met verschillende hulpverleners"),
        new("beschikking", "besluit van de gemeente"),
        new("indicatie", "besluit over welke hulp nodig is"),
        new("interventie", "hulp"),
        new("traject", "hulp"),
        new("problematiek", "problemen"),
        new("ambulant", "bij u thuis of in de buurt"),
        new("evaluatie", "terugkijken"),
        new("evalueren", "terugkijken"),
        new("doelstelling", "doel"),
        new("implementeren", "uitvoeren"),
        new("adequaat", "goed"),
        new("escalatie", "het loopt uit de hand"),
        new("signaleren", "zien"),
        new("draagkracht", "wat u aankunt"),
        new("in het kader van", "voor"),
        new("middels", "met"),
        new("dient te", "moet"),
        new("derhalve", "daarom"),
        new("inzake", "over"),
        new("conform", "volgens"),
        new("teneinde", "om"),
        new("alsmede", "en"),
        new("onderhavige", "deze"),
        new("woonplaatsbeginsel", "de regel welke gemeente betaalt"),
    ];

    public static ReadabilityReport Check(string text)
    {
        var sentences = SentenceSplit().Split(text).Select(s => s.Trim()).Where(s => WordPattern().IsMatch(s)).ToList();
        var words = WordPattern().Matches(text).Select(m => m.Value).ToList();
        if (words.Count == 0) return new ReadabilityReport(100, 0, 0, [], [], []);
        var syllables = words.Sum(Syllables);
        var score = 206.835 - 0.93 * ((double)words.Count / Math.Max(1, sentences.Count)) - 77 * ((double)syllables / words.Count);
        var longSentences = sentences.Where(s => WordPattern().Matches(s).Count > LongSentence).ToList();
        var longWords = words.Where(w => Syllables(w) >= LongWordSyllables).Select(w => w.ToLowerInvariant()).Distinct().ToList();
        var lower = " " + text.ToLowerInvariant() + " ";
        var jargon = JargonList.Where(j => lower.Contains(j.Word)).ToList();
        return new ReadabilityReport(Math.Round(score, 0), words.Count, sentences.Count, longSentences, longWords, jargon);
    }

    /// <summary>Dutch syllables, counted as groups of vowels (ij, ei, oe, ui... are one).</summary>
    public static int Syllables(string word) => Math.Max(1, VowelGroups().Matches(word.ToLowerInvariant().Replace("ij", "i")).Count);

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"\p{L}[\p{L}\-']*")]
    private static partial Regex WordPattern();

    [GeneratedRegex("[aeiouyàáâäèéêëìíîïòóôöùúûü]+")]
    private static partial Regex VowelGroups();
}
