using System.Globalization;
using System.Text.RegularExpressions;

namespace Network.Contracts.Texts;

/// <summary>
/// The words for every code the domain gives (reasons, rules, hard rules), in plain Dutch (B1)
/// and English. The API uses them for its problem titles, the Web for everything it shows. Codes
/// are stable; a text may change.
/// </summary>
public static partial class Catalog
{
    public static string Text(string code, IReadOnlyDictionary<string, string>? args, bool english)
    {
        if (!Texts.TryGetValue(code, out var text) && !AccountTexts.TryGetValue(code, out text) && !VoiceTexts.TryGetValue(code, out text))
            return english ? "Something is not right." : "Er klopt iets niet.";
        var template = english ? text.En : text.Nl;
        return Placeholder().Replace(template, m =>
            args is not null && args.TryGetValue(m.Groups[1].Value, out var value) ? Word(m.Groups[1].Value, value, english) : "");
    }

    public static bool Knows(string code) => Texts.ContainsKey(code) || AccountTexts.ContainsKey(code) || VoiceTexts.ContainsKey(code);

    /// <summary>A parameter in words: enum names become the words a user knows, dates become readable.</summary>
    public static string Word(string key, string value, bool english) => key switch
    {
        "category" when Enum.TryParse<InformationCategory>(value, out var c) => Category(c, english),
        "column" when Enum.TryParse<TableColumn>(value, out var col) => Column(col, english),
        "access" when Enum.TryParse<TableAccess>(value, out var a) => Access(a, english),
        "measure" when Enum.TryParse<MeasureType>(value, out var m) => Measure(m, english),
        "relation" when Enum.TryParse<Relation>(value, out var r) => RelationName(r, english),
        "since" or "from" when DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var d) =>
            d.ToString("d MMMM yyyy", english ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("nl-NL")),
        "until" or "when" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) =>
            t.ToString("d MMMM HH:mm", english ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("nl-NL")) + " UTC",
        _ => value,
    };

    public static string Category(InformationCategory category, bool english) => category switch
    {
        InformationCategory.General => english ? "General" : "Algemeen",
        InformationCategory.Plan => english ? "Family plan" : "Gezinsplan",
        InformationCategory.Observation => english ? "Observation" : "Observatie",
        InformationCategory.PerspectivePlan => english ? "Perspective plan" : "Perspectiefplan",
        InformationCategory.Safety => english ? "Safety" : "Veiligheid",
        InformationCategory.Medical => english ? "Medical" : "Medisch",
        InformationCategory.CourtMeasure => english ? "Court measure (civil)" : "Maatregel (civiel)",
        InformationCategory.Justice => english ? "Justice (criminal law)" : "Justitie (strafrecht)",
        InformationCategory.ContactDetails => english ? "Contact details" : "Contactgegevens",
        InformationCategory.SecretAddress => english ? "Secret address" : "Geheim adres",
        InformationCategory.Administrative => english ? "Administrative" : "Administratief",
        _ => english ? "Other" : "Overig",
    };

    public static string Column(TableColumn column, bool english) => column switch
    {
        TableColumn.ParentWithAuthority => english ? "parent with parental authority" : "ouder met gezag",
        TableColumn.ParentWithoutAuthority => english ? "parent without parental authority" : "ouder zonder gezag",
        TableColumn.Youth => english ? "youth, about themself" : "jongere, over zichzelf",
        TableColumn.NetworkMember => english ? "network member or foster parent" : "netwerklid of pleegouder",
        _ => Enum.TryParse<ActorRole>(column.ToString(), out var role) ? Role(role, english) : column.ToString(),
    };

    public static string Role(ActorRole role, bool english) => role switch
    {
        ActorRole.Parent => english ? "parent" : "ouder",
        ActorRole.Youth => english ? "youth" : "jongere",
        ActorRole.NetworkMember => english ? "network member" : "netwerklid",
        ActorRole.NeighbourhoodTeam => english ? "neighbourhood team" : "buurtteam",
        ActorRole.YouthCare => english ? "youth care" : "jeugdhulp",
        ActorRole.YouthHealth => english ? "youth health" : "jeugdgezondheidszorg",
        ActorRole.FamilyGuardian => english ? "family guardian" : "jeugdbeschermer",
        ActorRole.ProbationOfficer => english ? "youth probation officer" : "jeugdreclasseerder",
        ActorRole.ChildProtectionBoard => english ? "Child Protection Board" : "Raad voor de Kinderbescherming",
        ActorRole.ContractManager => english ? "contract manager" : "contractmanager",
        ActorRole.FunctionalAdministrator => english ? "functional administrator" : "functioneel beheerder",
        _ => english ? "user" : "gebruiker",
    };

    public static string Access(TableAccess access, bool english) => access switch
    {
        TableAccess.Write => english ? "write" : "schrijven",
        TableAccess.Read => english ? "read" : "lezen",
        _ => english ? "nothing" : "niets",
    };

    public static string Measure(MeasureType type, bool english) => type switch
    {
        MeasureType.Ots => english ? "supervision order (OTS)" : "ondertoezichtstelling (OTS)",
        MeasureType.Voogdij => english ? "guardianship" : "voogdij",
        MeasureType.MachtigingUithuisplaatsing => english ? "out-of-home placement order" : "machtiging uithuisplaatsing",
        MeasureType.Jeugdreclassering => english ? "youth probation" : "jeugdreclassering",
        MeasureType.RaadOnderzoek => english ? "Child Protection Board investigation" : "onderzoek van de Raad voor de Kinderbescherming",
        _ => english ? "measure" : "maatregel",
    };

    public static string RelationName(Relation relation, bool english) => relation switch
    {
        Relation.Parent => english ? "parent" : "ouder",
        Relation.StepParent => english ? "step-parent" : "stiefouder",
        Relation.Child => english ? "child" : "kind",
        Relation.FosterParent => english ? "foster parent" : "pleegouder",
        Relation.NetworkMember => english ? "network member" : "netwerklid",
        _ => english ? "member" : "lid",
    };

    public static string Basis(AccessBasis basis, bool english) => basis switch
    {
        AccessBasis.FamilyMember => english ? "as family member" : "als gezinslid",
        AccessBasis.Consent => english ? "with the family's consent" : "met toestemming van het gezin",
        AccessBasis.LegalBasis => english ? "on legal basis" : "op wettelijke grondslag",
        AccessBasis.Emergency => english ? "with emergency access" : "met noodtoegang",
        AccessBasis.Registrant => english ? "when registering someone" : "bij het registreren van iemand",
        _ => english ? "without access" : "zonder toegang",
    };

    public static string Action(AccessAction action, bool english) => action switch
    {
        AccessAction.Create => english ? "wrote" : "schreef",
        AccessAction.Read => english ? "read" : "las",
        AccessAction.Update => english ? "changed" : "wijzigde",
        AccessAction.Search => english ? "searched" : "zocht",
        AccessAction.Export => english ? "exported" : "exporteerde",
        AccessAction.Print => english ? "printed" : "printte",
        AccessAction.Send => english ? "sent an invitation" : "stuurde een uitnodiging",
        _ => "",
    };

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    private sealed record Words(string Nl, string En);

    private static readonly Dictionary<string, Words> Texts = new()
    {
        // Standing
        [Reasons.NoStanding] = new("U hoort niet bij het netwerk van dit gezin.", "You are not in this family's network."),
        [Reasons.Administrators] = new("Beheerders en contractmanagers zien geen gegevens van gezinnen.", "Administrators and contract managers see no case content."),
        [Reasons.NotAChild] = new("Dit is geen kind van dit gezin.", "This is not a child of this family."),
        [Reasons.NotInFamily] = new("U hoort niet bij dit gezin.", "You are not a member of this family."),
        [Reasons.ParentWithAuthority] = new("U bent ouder met gezag.", "You are a parent with parental authority."),
        [Reasons.ParentWithoutAuthority] = new("U bent ouder zonder gezag.", "You are a parent without parental authority."),
        [Reasons.Youth] = new("Het gaat over uzelf.", "It is about yourself."),
        [Reasons.YouthUnder12] = new("Kinderen onder de 12 hebben geen eigen toegang.", "Children under 12 have no access of their own."),
        [Reasons.NetworkMember] = new("U bent pleegouder of netwerklid.", "You are a foster parent or network member."),
        [Reasons.ByConsent] = new("Het gezin gaf u toestemming.", "The family gave you consent."),
        [Reasons.ConsentPending] = new("Het gezin gaf (nog) geen toestemming voor dit kind.", "The family has not (yet) given consent for this child."),
        [Reasons.NotInvitedForChild] = new("U doet niet mee voor dit kind.", "You are not involved for this child."),
        [Reasons.LegalBasis] = new("Wettelijke grondslag: {measure}, uitgevoerd door {organisation}, sinds {since}.", "Legal basis: {measure}, carried out by {organisation}, since {since}."),
        [Reasons.LegalBasisNotStarted] = new("Uw maatregel voor dit kind loopt (nog) niet.", "Your measure for this child is not (yet) running."),
        [Reasons.Emergency] = new("Noodtoegang tot {until}. Reden: {reason}", "Emergency access until {until}. Reason: {reason}"),
        [Reasons.FamilyWithoutChildren] = new("Dit gezin heeft nog geen kinderen; u zet het op.", "This family has no children yet; you are setting it up."),
        // The table and its conditions
        [Reasons.TableCell] = new("De tabel geeft {column} bij {category}: {access}.", "The table gives {column} for {category}: {access}."),
        [Reasons.ConditionPrefix + "legal-basis"] = new("Alleen op wettelijke grondslag, tijdens een maatregel van uw organisatie.", "Only on legal basis, during a measure your organisation carries out."),
        [Reasons.ConditionPrefix + "about-themself"] = new("Alleen over uzelf.", "Only about yourself."),
        [Reasons.ConditionPrefix + "board-about-child"] = new("Dit bord gaat over een kind waarover u niets mag zien.", "This board is about a child you may not see anything about."),
        [Reasons.ConditionPrefix + "under-16-or-youth-consent"] = new("Vanaf 16 jaar beslist de jongere zelf wie dit ziet.", "From 16 the youth decides who sees this."),
        [Reasons.ConditionPrefix + "existence-only"] = new("U ziet alleen dat er een maatregel is, niet de inhoud.", "You only see that a measure exists, not its content."),
        [Reasons.ConditionPrefix + "administrative-only"] = new("Alleen administratieve gegevens en cijfers.", "Only administrative facts and figures."),
        [Reasons.ConditionPrefix + "propose-only"] = new("Het gezin doet voorstellen, maar wijzigt niet wat professionals schreven.", "The family proposes, but does not change what professionals wrote."),
        [Reasons.ConditionPrefix + "assigned-or-for-network"] = new("Alleen acties die aan u zijn gegeven of voor het netwerk zijn.", "Only actions assigned to you or meant for the network."),
        [Reasons.ConditionPrefix + "audience-includes-family"] = new("De schrijver deelde dit niet met het gezin.", "The author did not share this with the family."),
        [Reasons.ConditionPrefix + "shared-explicitly"] = new("De schrijver deelde dit niet met u.", "The author did not share this with you."),
        [Reasons.ConditionPrefix + "write"] = new("U mag {category} over deze persoon niet wijzigen.", "You may not change {category} about this person."),
        [Reasons.OnlyOwnItems] = new("U corrigeert alleen wat u zelf schreef.", "You can only correct what you wrote yourself."),
        [Reasons.Author] = new("U schreef dit zelf.", "You wrote this yourself."),
        [Reasons.AudienceProfessionals] = new("De schrijver deelde dit alleen met professionals.", "The author shared this with professionals only."),
        [Reasons.AudienceOwnOrganisation] = new("De schrijver deelde dit alleen met de eigen organisatie.", "The author shared this with their own organisation only."),
        [Reasons.AudienceNamed] = new("De schrijver deelde dit alleen met bepaalde personen.", "The author shared this with certain people only."),
        // Beyond items
        [Reasons.Registrant] = new("U registreerde deze persoon; die hoort nog bij geen gezin.", "You registered this person; they are not in a family yet."),
        [Reasons.Self] = new("Het gaat over uzelf.", "It is about yourself."),
        [Reasons.LogReader] = new("U ziet wie meekeek met uw gezin.", "You see who looked at your family's data."),
        [Reasons.LogNotForYou] = new("Alleen het gezin en de regisseur zien wie meekeek.", "Only the family and the coordinator see who looked."),
        [Reasons.AdministratorsOnly] = new("Alleen functioneel beheer doet dit.", "Only functional administrators do this."),
        [Reasons.ProfessionalsOnly] = new("Alleen professionals doen dit.", "Only professionals do this."),
        [FiguresPolicy.ContractManagersOnly] = new("Alleen contractmanagers zien de cijfers per gemeente.", "Only contract managers see the figures per municipality."),
        [FiguresPolicy.ChangesByTable] = new("Per kind beslist de autorisatietabel (administratieve gegevens).", "The authorization table decides per child (administrative facts)."),
        [Reasons.Manager] = new("U bent regisseur of werkt op wettelijke grondslag.", "You are the coordinator or work on legal basis."),
        [Reasons.NotManager] = new("Alleen de regisseur of een professional op wettelijke grondslag wijzigt de samenstelling van het gezin.", "Only the coordinator or a professional on legal basis changes who is in the family."),
        // Hard rules of the table
        [HardRules.AdministratorsNoCaseContent] = new("Geweigerd: functioneel beheerders zien nooit gegevens van gezinnen ({category}).", "Refused: functional administrators never see case content ({category})."),
        [HardRules.ContractManagersAdministrativeOnly] = new("Geweigerd: contractmanagers lezen alleen administratieve gegevens en cijfers, nooit {category}.", "Refused: contract managers read only administrative facts and figures, never {category}."),
        [HardRules.SecretAddressLegalBasisOnly] = new("Geweigerd: een geheim adres gaat alleen naar jeugdbeschermer, jeugdreclasseerder of Raad, en alleen op wettelijke grondslag (niet naar {column}).", "Refused: a secret address goes only to the family guardian, probation officer or Child Protection Board, and only on legal basis (not to {column})."),
        ["table.reason-required"] = new("Zeg waarom de tabel verandert.", "Say why the table changes."),
        // Consent
        ["consent.parents-decide"] = new("Voor een kind onder de 12 beslissen de ouders met gezag.", "For a child under 12 the parents with parental authority decide."),
        ["consent.youth-and-parents-decide"] = new("Voor een jongere van 12 tot 16 beslissen de jongere en de ouders met gezag samen.", "For a youth of 12 to 16 the youth and the parents with authority decide together."),
        ["consent.you-decide"] = new("U beslist zelf.", "You decide yourself."),
        ["consent.youth-decides"] = new("Vanaf 16 jaar beslist de jongere zelf.", "From 16 the youth decides."),
        ["consent.not-invited"] = new("Deze professional is niet voor dit kind uitgenodigd.", "This professional was not invited for this child."),
        // Families
        ["family.name-required"] = new("Geef het gezin een naam.", "Give the family a name."),
        ["family.member-exists"] = new("Deze persoon hoort al bij het gezin, met een andere relatie.", "This person is already in the family, with another relation."),
        ["family.not-a-parent"] = new("Alleen een ouder van het gezin kan gezag hebben.", "Only a parent in the family can have parental authority."),
        ["family.no-authority"] = new("Deze ouder heeft geen lopend gezag over dit kind.", "This parent has no current parental authority over this child."),
        ["family.wrong-relation"] = new("Deze persoon is geen {relation} in dit gezin.", "This person is not a {relation} in this family."),
        ["measure.end-before-start"] = new("Een maatregel eindigt na de begindatum.", "A measure ends after its start date."),
        ["measure.executor-must-be-gi"] = new("Een maatregel wordt uitgevoerd door een gecertificeerde instelling (GI).", "A measure is carried out by a certified institution (GI)."),
        ["measure.executor-must-be-raad"] = new("Een onderzoek wordt gedaan door de Raad voor de Kinderbescherming.", "An investigation is done by the Child Protection Board."),
        ["placement.overlaps"] = new("Dit kind heeft in die periode al een plaatsing.", "This child already has a placement in that period."),
        ["placement.end-before-start"] = new("Een plaatsing eindigt na de begindatum.", "A placement ends after its start date."),
        ["network.not-a-professional"] = new("Alleen professionals worden zo aan het netwerk toegevoegd.", "Only professionals are added to the network this way."),
        ["network.children-required"] = new("Kies voor welke kinderen de professional meedoet.", "Choose the children the professional works with."),
        ["network.no-legal-basis"] = new("Hun organisatie voert voor dit kind geen lopende maatregel uit die bij hun rol past.", "Their organisation carries out no current measure for this child that fits their role."),
        ["network.coordinator-not-member"] = new("De regisseur moet in het netwerk van het gezin zitten.", "The coordinator must be in the family's network."),
        ["network.unknown-professional"] = new("Deze professional kennen we niet.", "We do not know this professional."),
        ["organisation.unknown"] = new("Deze organisatie kennen we niet.", "We do not know this organisation."),
        ["organisation.name-required"] = new("Geef de organisatie een naam.", "Give the organisation a name."),
        // Emergency access
        ["emergency.reason-required"] = new("Noodtoegang vraagt een duidelijke reden (minstens 10 tekens).", "Emergency access needs a clear reason (at least 10 characters)."),
        ["emergency.duration"] = new("Noodtoegang duurt hoogstens {hours} uur.", "Emergency access lasts at most {hours} hours."),
        ["emergency.has-standing"] = new("U heeft al toegang tot dit kind.", "You already have access to this child."),
        ["emergency.identify-child"] = new("Geef het kind aan: met het BSN, of met voornaam, achternaam en geboortedatum.", "Identify the child: by BSN, or by given name, family name and date of birth."),
        // Registry
        ["person.merged"] = new("Dit record is samengevoegd; corrigeer het overgebleven record.", "This record was merged; correct the remaining record."),
        ["person.merge-already-merged"] = new("Een van deze records is al samengevoegd.", "One of these records was already merged."),
        ["person.reason-required"] = new("Zeg waarom de gegevens worden gecorrigeerd.", "Say why the details are corrected."),
        ["person.merge-self"] = new("Een record kan niet met zichzelf worden samengevoegd.", "A record cannot be merged with itself."),
        ["person.merge-bsn-differs"] = new("Twee records met een verschillend BSN zijn verschillende mensen.", "Two records with different BSNs are different people."),
        ["person.name-required"] = new("Vul de voornamen en de achternaam in.", "Fill in the given names and the family name."),
        ["person.born-in-future"] = new("De geboortedatum ligt in de toekomst.", "The date of birth is in the future."),
        ["person.bsn-invalid"] = new("Dit BSN klopt niet (elfproef).", "This BSN is not valid (eleven test)."),
        ["person.postcode-invalid"] = new("Een postcode is vier cijfers en twee letters, zoals 3511 AB.", "A postcode is four digits and two letters, like 3511 AB."),
        ["person.municipality-required"] = new("Vul de gemeente van het adres in.", "Fill in the municipality of the address."),
        ["person.unknown"] = new("Deze persoon staat niet in het register.", "This person is not in the registry."),
        ["person.likely-duplicate"] = new("Deze persoon staat waarschijnlijk al in het register.", "This person is probably already in the registry."),
        // Boards and items
        ["board.title-required"] = new("Geef het bord een titel.", "Give the board a title."),
        ["board.title-too-long"] = new("Een titel heeft hoogstens {max} tekens.", "A title has at most {max} characters."),
        ["item.subject-not-in-family"] = new("Een bericht gaat alleen over leden van dit gezin.", "An item can only be about members of this family."),
        ["item.text-required"] = new("Schrijf een tekst.", "Write a text."),
        ["item.text-too-long"] = new("Een tekst heeft hoogstens {max} tekens.", "A text has at most {max} characters."),
        ["item.entered-in-error"] = new("Dit bericht is als onjuist gemarkeerd en kan niet meer worden gecorrigeerd.", "This item was marked as entered in error and can no longer be corrected."),
        ["item.reason-required"] = new("Zeg waarom dit onjuist is ingevoerd.", "Say why this was entered in error."),
        ["item.reason-too-long"] = new("Een reden heeft hoogstens {max} tekens.", "A reason has at most {max} characters."),
        ["board.about-not-a-child"] = new("Een themabord gaat over kinderen van dit gezin waarover u mag schrijven.", "A themed board is about children of this family you may write about."),
        ["board.closed"] = new("Dit bord is gesloten: er komt niets nieuws meer op.", "This board is closed: nothing new is posted on it."),
        ["board.main-stays-open"] = new("Het gezinsbord blijft open; alleen een themabord kan worden gesloten.", "The family board stays open; only a themed board can be closed."),
        // Documents, appointments, replies
        ["document.too-large"] = new("Een bestand is hoogstens {max} MB.", "A file is at most {max} MB."),
        ["document.empty"] = new("Dit bestand is leeg.", "This file is empty."),
        ["document.type-not-allowed"] = new("Dit soort bestand kan niet worden geplaatst. Wel: {types}.", "This kind of file cannot be posted. Allowed: {types}."),
        ["document.content-does-not-match"] = new("De inhoud van dit bestand is geen {type}, zoals de naam zegt.", "The content of this file is not {type}, as its name says."),
        ["document.multipart-required"] = new("Stuur het bestand als formulier (multipart/form-data).", "Send the file as a form (multipart/form-data)."),
        ["document.too-many-fields"] = new("Een formulier heeft hoogstens {max} velden.", "A form has at most {max} fields."),
        ["document.one-file"] = new("Stuur één bestand tegelijk.", "Send one file at a time."),
        ["document.field-too-long"] = new("Een veld heeft hoogstens {max} tekens.", "A field has at most {max} characters."),
        ["document.upload-incomplete"] = new("Het bestand kwam niet helemaal aan. Probeer het opnieuw.", "The file did not arrive completely. Please try again."),
        ["document.file-required"] = new("Kies een bestand.", "Choose a file."),
        ["document.no-preview"] = new("Van dit bestand is geen voorbeeld; download het.", "This file has no preview; download it."),
        ["document.not-a-document"] = new("Dit bericht is geen document.", "This item is not a document."),
        ["appointment.duration"] = new("Een afspraak duurt 5 minuten tot {max} minuten.", "An appointment lasts 5 to {max} minutes."),
        ["appointment.start"] = new("Kies een datum tussen 2000 en 2100.", "Choose a date between 2000 and 2100."),
        ["appointment.place-too-long"] = new("Een plaats heeft hoogstens {max} tekens.", "A place has at most {max} characters."),
        ["appointment.video-link"] = new("Een videolink is een https-adres.", "A video link is an https address."),
        ["appointment.participant-not-in-family"] = new("Deelnemers uit het gezin zijn leden van dit gezin.", "Participants from the family are members of this family."),
        ["appointment.participant-not-in-network"] = new("Professionele deelnemers horen bij het netwerk van dit gezin.", "Professional participants belong to this family's network."),
        ["appointment.not-an-appointment"] = new("Dit bericht is geen afspraak.", "This item is not an appointment."),
        ["appointment.cancelled"] = new("Deze afspraak is afgezegd en kan niet meer worden gewijzigd.", "This appointment was cancelled and can no longer be changed."),
        // Case consultations
        ["consultation.professionals-schedule"] = new("Een casusoverleg wordt gepland door een professional van het netwerk.", "A case consultation is scheduled by a professional of the network."),
        ["consultation.children-required"] = new("Kies over welke kinderen het overleg gaat.", "Choose which children the consultation is about."),
        ["consultation.child-not-in-family"] = new("Een overleg gaat over kinderen van dit gezin.", "A consultation is about children of this family."),
        ["consultation.professionals-required"] = new("Nodig minstens één professional uit.", "Invite at least one professional."),
        ["consultation.family-left-out-needs-reason"] = new("U nodigt niet alle ouders uit. Schrijf waarom: het gezin kan dat later lezen.", "You are not inviting every parent. Write why: the family can read it later."),
        ["consultation.held"] = new("Dit overleg is al gehouden.", "This consultation has already been held."),
        ["consultation.not-invited"] = new("U bent niet uitgenodigd voor dit overleg.", "You are not invited to this consultation."),
        ["consultation.agenda-full"] = new("Een agenda heeft hoogstens {max} punten.", "An agenda has at most {max} points."),
        ["consultation.point-not-about-its-children"] = new("Een agendapunt of verslag gaat over de kinderen van dit overleg.", "An agenda point or minutes are about the children of this consultation."),
        ["consultation.not-a-consultation"] = new("Dit bericht is geen casusoverleg.", "This item is not a case consultation."),
        ["consultation.present-not-invited"] = new("Aanwezig kan alleen wie uitgenodigd was.", "Only people who were invited can be present."),
        ["consultation.not-started"] = new("Het overleg is nog niet begonnen.", "The consultation has not started yet."),
        ["consultation.decisions-full"] = new("Een overleg heeft hoogstens {max} besluiten.", "A consultation has at most {max} decisions."),
        ["consultation.point-unknown"] = new("Dit agendapunt hoort niet bij dit overleg.", "This agenda point is not part of this consultation."),
        ["consultation.decision-effect"] = new("Kies wat het besluit doet: een nieuwe actie, een actie wijzigen, een nieuw doel, of alleen vastleggen.", "Choose what the decision does: a new action, change an action, a new goal, or only record it."),
        ["consultation.minutes-by-participants"] = new("Het verslag wordt geschreven door de organisator of een professional die meedoet.", "The minutes are written by the organiser or a professional taking part."),
        ["consultation.organiser-only"] = new("Dit doet de organisator of de regisseur.", "The organiser or the coordinator does this."),
        // The family plan
        ["plan.kind"] = new("Kies: een zorg, iets wat goed gaat, een doel of een actie.", "Choose: a worry, something going well, a goal or an action."),
        ["plan.action-needs-goal"] = new("Een actie hoort bij een doel van dit gezin.", "An action belongs to a goal of this family."),
        ["plan.goal-closed"] = new("Dit doel doet niet meer mee in het plan.", "This goal is no longer part of the plan."),
        ["plan.goal-fields"] = new("Alleen een doel heeft een streefdoel en een schaal.", "Only a goal has a target and a scale."),
        ["plan.action-fields"] = new("Alleen een actie heeft een eigenaar en een datum.", "Only an action has an owner and a due date."),
        ["plan.owner-not-in-family"] = new("De eigenaar hoort bij het gezin of zijn netwerk.", "The owner belongs to the family or its network."),
        ["plan.status-not-yours"] = new("Alleen de eigenaar, de schrijver of een professional van het plan zet deze actie op een andere stand.", "Only the owner, the author or a professional of the plan changes this action's status."),
        ["plan.status-unknown"] = new("Deze stand kennen we niet.", "We do not know this status."),
        ["plan.drop-needs-reason"] = new("Zeg waarom de actie vervalt.", "Say why the action is dropped."),
        ["plan.not-a-plan-item"] = new("Dit hoort niet bij het plan.", "This is not part of the plan."),
        ["plan.not-a-proposal"] = new("Dit is geen open voorstel.", "This is not an open proposal."),
        ["plan.professionals-decide"] = new("Een professional neemt een voorstel over of wijst het af.", "A professional accepts or declines a proposal."),
        ["plan.decline-needs-reason"] = new("Zeg waarom het voorstel niet in het plan komt.", "Say why the proposal is not taken into the plan."),
        ["plan.coordinator-publishes"] = new("De regisseur maakt een nieuwe versie van het plan.", "The coordinator publishes a new version of the plan."),
        ["plan.nothing-changed"] = new("Er is niets veranderd sinds de vorige versie.", "Nothing changed since the previous version."),
        ["plan.empty"] = new("Het plan is nog leeg: zet er eerst iets in.", "The plan is still empty: add something first."),
        ["plan.agreement-not-yours"] = new("Akkoord geven doen de ouders met gezag en de jongeren vanaf 12 jaar.", "Parents with parental authority and youths from 12 give their agreement."),
        ["plan.scale-range"] = new("Een schaal loopt van 0 tot 10.", "A scale runs from 0 to 10."),
        ["plan.scale-in-future"] = new("Een stand geldt voor vandaag of eerder.", "A reading is for today or earlier."),
        ["plan.not-a-goal"] = new("Alleen een doel heeft een schaal.", "Only a goal has a scale."),
        ["plan.not-an-action"] = new("Alleen een actie heeft een stand.", "Only an action has a status."),
        // Requests
        ["request.if-match-on-create"] = new("Bij iets nieuws hoort geen If-Match: er is nog niets om te overschrijven.", "A new item takes no If-Match: there is nothing to overwrite yet."),
        ["request.invalid-if-match"] = new("De If-Match-header is ongeldig; gebruik de ETag van de laatste keer lezen, bijvoorbeeld \"5\".", "The If-Match header is invalid; use the ETag of your last read, for example \"5\"."),
        ["request.unreadable"] = new("Het verzoek is niet leesbaar.", "The request cannot be read."),
        ["request.invalid"] = new("De invoer is niet geldig.", "The input is not valid."),
        ["request.not-found"] = new("Niet gevonden.", "Not found."),
        ["request.account-not-current"] = new("Uw account is gewijzigd of niet meer actief: log opnieuw in.", "Your account was changed or is no longer active: log in again."),
        ["request.not-allowed"] = new("Dit mag u niet doen.", "You may not do this."),
        ["request.stale"] = new("Iemand anders heeft dit intussen gewijzigd. Haal de nieuwste versie op en probeer het opnieuw; er is niets opgeslagen.", "Someone else changed this in the meantime. Fetch the latest version and try again; nothing was saved."),
        ["request.conflict"] = new("Iemand anders wijzigde dit tegelijk. Probeer het opnieuw; er is niets opgeslagen.", "Someone else changed this at the same time. Try again; nothing was saved."),
        // Notifications
        ["notification.emergency-access"] = new("{name} ({organisation}) opende {child} in {family} met noodtoegang tot {until}. Reden: {reason}", "{name} ({organisation}) opened {child} in {family} with emergency access until {until}. Reason: {reason}"),
    };
}
