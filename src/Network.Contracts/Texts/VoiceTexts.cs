namespace Network.Contracts.Texts;

public static partial class Catalog
{
    /// <summary>The words of the family's own voice (#12): the youth's say, the home, notifications. Plain Dutch (B1) and English.</summary>
    private static readonly Dictionary<string, Words> VoiceTexts = new()
    {
        ["youth-say.only-the-youth"] = new("Alleen de jongere zelf kiest dit.", "Only the youth themself chooses this."),
        ["youth-say.from-16"] = new("Je kiest dit zelf vanaf je 16e. Tot die tijd zien je ouders met gezag het zoals de regels zeggen.", "You choose this yourself from 16. Until then your parents with parental authority see it as the rules say."),
        ["youth-say.not-your-say"] = new("Over {category} kies je niet zelf: dat zien je ouders altijd als het met hen gedeeld is.", "You do not choose about {category}: your parents see it whenever it is shared with them."),
        ["youth-say.lets-parents-see"] = new("De jongere (16 of ouder) laat u dit zien.", "The youth (16 or older) lets you see this."),
    };
}
