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
        ["notification.invited"] = new("U bent uitgenodigd in het netwerk van {family}.", "You were invited into the network of {family}."),
        ["notification.consent-given"] = new("U kreeg toestemming om mee te helpen bij {child} ({family}).", "You were given consent to help with {child} ({family})."),
        ["notification.consent-withdrawn"] = new("De toestemming voor {child} ({family}) is ingetrokken.", "The consent for {child} ({family}) was withdrawn."),
        ["notification.consultation-invited"] = new("U bent uitgenodigd voor een casusoverleg van {family} op {when}. Laat op het bord weten of u komt.",
            "You are invited to a case consultation of {family} on {when}. Let them know on the board whether you come."),
        ["notification.item-about-you"] = new("Er staat iets nieuws over u op het bord van {family}.", "There is something new about you on the board of {family}."),
        ["notification.item-about-child"] = new("Er staat iets nieuws over {child} op het bord van {family}.", "There is something new about {child} on the board of {family}."),
        ["notification.action-assigned"] = new("Er staat een nieuwe actie op uw naam in het gezinsplan van {family}.", "A new action is on your name in the family plan of {family}."),
        ["notification.plan-version"] = new("Er is een nieuwe versie ({number}) van het gezinsplan van {family}. Bent u het ermee eens?", "There is a new version ({number}) of the family plan of {family}. Do you agree?"),
        ["notification.emergency-family"] = new("{name} ({organisation}) opende de gegevens van {child} met noodtoegang, tot {until}.", "{name} ({organisation}) opened the data of {child} with emergency access, until {until}."),
    };
}
