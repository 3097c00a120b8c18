using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Texts;
using Network.Web.Components.Boards;
using Network.Web.Components.Voice;
using Network.Web.Realtime;

namespace Network.Web.Tests;

/// <summary>Plain language for families: the readability hint, the youth's say in words, every text in Dutch and English.</summary>
public sealed partial class VoiceTests : BunitContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public VoiceTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    [Fact]
    public void a_short_plain_text_reads_easily_and_officialese_does_not()
    {
        var plain = Readability.Check("We praten donderdag met Noor. Zij wil graag meedoen. Is dat goed?");
        Assert.True(plain.Plain, $"score {plain.FleschDouma}");
        Assert.Equal((12, 3), (plain.Words, plain.Sentences));

        var hard = Readability.Check(
            "In het kader van de ondertoezichtstelling dient te worden geëvalueerd of de multidisciplinaire interventie adequaat geïmplementeerd is conform de beschikking van de gemeente en de doelstellingen van het traject.");
        Assert.False(hard.Plain);
        Assert.True(hard.FleschDouma < 30, $"score {hard.FleschDouma}");
        Assert.Single(hard.LongSentences);
        Assert.Contains(hard.Jargon, j => j.Word == "ondertoezichtstelling" && j.Plainer.Contains("gezinsvoogd"));
        Assert.Contains(hard.Jargon, j => j.Word == "in het kader van" && j.Plainer == "voor");
        Assert.Contains("multidisciplinaire", hard.LongWords);
    }

    [Theory]
    [InlineData("kind", 1)]
    [InlineData("school", 1)]
    [InlineData("gezinsvoogd", 3)]
    [InlineData("huisarts", 2)]
    [InlineData("vrijdag", 2)]
    [InlineData("ondertoezichtstelling", 6)]
    public void dutch_syllables_are_counted_by_vowel_groups(string word, int syllables) => Assert.Equal(syllables, Readability.Syllables(word));

    [Fact]
    public void the_composer_gives_the_hint_for_a_text_the_family_reads_and_still_posts_it()
    {
        var composer = new ComposerView([new ComposerCategory(InformationCategory.General, AudienceKind.Everyone, [AudienceKind.Everyone, AudienceKind.Professionals])],
            [], [], false, false);
        var sent = new List<PostItemRequest>();
        var cut = Render<NoteComposer>(p => p
            .Add(c => c.Composer, composer)
            .Add(c => c.OnPost, draft => { sent.Add(draft); return Task.FromResult<string?>(null); }));

        cut.Find("textarea").Input("Middels deze notitie informeren wij u inzake de evaluatie van het traject.");
        Assert.Contains("Schrijf liever \"met\" in plaats van \"middels\".", cut.Find("[data-testid=readability-hint]").TextContent);
        cut.Find("form").Submit();
        Assert.Single(sent);

        // Only for the professionals: no hint.
        cut.Find("textarea").Input("Middels deze notitie.");
        cut.Find("select[id$=audience]").Change("Professionals");
        Assert.Empty(cut.FindAll("[data-testid=readability-hint]"));
    }

    [Fact]
    public void the_youth_of_16_sees_each_choice_in_plain_words_and_can_change_it()
    {
        var api = FakeApi.AddTo(this);
        var family = Guid.CreateVersion7();
        var youth = Guid.CreateVersion7();
        var view = new YouthSayView(family, "Gezin Bos", 7,
            new YouthOwnSayView(youth, 16, true,
                [new YouthChoiceView(InformationCategory.Medical, true, DateTimeOffset.UtcNow), new YouthChoiceView(InformationCategory.Justice, false, null)],
                [InformationCategory.General, InformationCategory.Plan]), []);
        api.On(HttpMethod.Get, $"/api/families/{family}/youth-say", view, 7);
        api.On(HttpMethod.Put, $"/api/families/{family}/youth-say/Medical", new FamilyChanged(family, 8), 8);

        var cut = Render<YouthSayPanel>(p => p.Add(c => c.FamilyId, family));

        cut.WaitForAssertion(() => Assert.Contains("Je ouders zien dit.", cut.Find("[data-testid=youth-say-Medical]").TextContent), Wait);
        Assert.Contains("Je ouders zien dit niet.", cut.Find("[data-testid=youth-say-Justice]").TextContent);
        Assert.Contains("Algemeen, Gezinsplan", cut.Find("[data-testid=youth-say]").TextContent);
        cut.Find("[data-testid=youth-say-hide-Medical]").Click();
        cut.WaitForAssertion(() => Assert.Contains(api.Requests, r => r.Method == HttpMethod.Put && r.IfMatch == "\"7\"" && r.Body!.Contains("\"parentsSee\":false")), Wait);
    }

    [Fact]
    public void a_parent_reads_that_the_youth_decides_and_not_what()
    {
        var api = FakeApi.AddTo(this);
        var family = Guid.CreateVersion7();
        api.On(HttpMethod.Get, $"/api/families/{family}/youth-say",
            new YouthSayView(family, "Gezin Bos", 7, null, [new YouthDecidesView(Guid.CreateVersion7(), "Eva Bos", DateTimeOffset.UtcNow)]), 7);

        var cut = Render<YouthSayPanel>(p => p.Add(c => c.FamilyId, family).Add(c => c.NotesOnly, true));

        cut.WaitForAssertion(() => Assert.Contains("Eva Bos is 16 of ouder en kiest zelf wat u over hem of haar ziet.",
            cut.Find("[data-testid=youth-decides-note]").TextContent), Wait);
        Assert.DoesNotContain("Medisch", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=youth-say]"));
    }

    [Fact]
    public void the_legal_words_have_a_plain_explanation_in_both_languages()
    {
        foreach (var term in new[] { "ots", "voogdij", "machtiging", "jeugdreclassering", "raad", "gezag", "regisseur" })
        {
            CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
            var dutch = PlainTerms.Explain(term);
            CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
            var english = PlainTerms.Explain(term);
            Assert.False(string.IsNullOrWhiteSpace(dutch) || string.IsNullOrWhiteSpace(english), term);
            Assert.NotEqual(dutch, english);
            // B1: no sentence of the explanation is longer than the composer's own limit.
            Assert.True(Readability.Check(dutch).LongSentences.Count == 0, term);
        }
    }

    [Fact]
    public void every_code_has_a_dutch_and_an_english_text_with_the_same_placeholders()
    {
        var dictionaries = typeof(Catalog).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            .Select(f => (System.Collections.IDictionary)f.GetValue(null)!).ToList();
        Assert.True(dictionaries.Count >= 3);
        var count = 0;
        foreach (var dictionary in dictionaries)
        foreach (System.Collections.DictionaryEntry entry in dictionary)
        {
            var code = (string)entry.Key;
            var nl = Catalog.Text(code, null, english: false);
            var en = Catalog.Text(code, null, english: true);
            Assert.False(string.IsNullOrWhiteSpace(nl) || string.IsNullOrWhiteSpace(en), code);
            var words = entry.Value!.GetType();
            var nlTemplate = (string)words.GetProperty("Nl")!.GetValue(entry.Value)!;
            var enTemplate = (string)words.GetProperty("En")!.GetValue(entry.Value)!;
            Assert.Equal(Placeholders(nlTemplate), Placeholders(enTemplate));
            count++;
        }
        Assert.True(count > 100, $"{count} codes");
    }

    [Fact]
    public void every_text_written_in_place_has_a_dutch_and_an_english_version()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Network.sln"))) root = Path.GetDirectoryName(root)!;
        var web = Path.Combine(root, "src", "Network.Web");
        var calls = 0;
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains("/obj/") && !f.Contains("/bin/")))
        {
            var text = File.ReadAllText(file);
            foreach (Match call in TextCall().Matches(text))
            {
                calls++;
                var (nl, en) = (call.Groups["nl"].Value, call.Groups["en"].Value);
                if (string.IsNullOrWhiteSpace(nl) || string.IsNullOrWhiteSpace(en))
                    offenders.Add($"{Path.GetFileName(file)}: {call.Value[..Math.Min(80, call.Value.Length)]}");
            }
        }
        Assert.True(calls > 500, $"{calls} texts");
        Assert.Empty(offenders);
    }

    private static string[] Placeholders(string template) => [.. Regex.Matches(template, @"\{(\w+)\}").Select(m => m.Groups[1].Value).Order()];

    // T("Dutch", "English"), either possibly interpolated; the arguments are the first two string literals of the call.
    [GeneratedRegex(@"\bT\(\s*\$?""(?<nl>(?:[^""\\]|\\.)*)""\s*,\s*\$?""(?<en>(?:[^""\\]|\\.)*)""")]
    private static partial Regex TextCall();
}
