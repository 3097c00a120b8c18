namespace Network.Contracts.Texts;

/// <summary>The words for the codes of the account side and the front door.</summary>
public static partial class Catalog
{
    private static readonly Dictionary<string, Words> AccountTexts = new()
    {
        // The front door
        ["request.too-many"] = new("Te veel pogingen in korte tijd. Wacht een minuut en probeer het opnieuw.", "Too many attempts in a short time. Wait a minute and try again."),
        ["request.token-in-query"] = new("Een toegangstoken hoort in de Authorization-header, niet in de adresregel.", "An access token belongs in the Authorization header, not in the address."),
        // Organisations
        ["organisation.type-required"] = new("Kies het soort organisatie.", "Choose the type of organisation."),
        ["organisation.name-taken"] = new("Er is al een organisatie met deze naam.", "There is already an organisation with this name."),
        ["organisation.inactive"] = new("Deze organisatie is gedeactiveerd: er komen geen accounts meer bij.", "This organisation is deactivated: it takes no new accounts."),
        // Accounts
        ["account.reason-required"] = new("Schrijf kort op waarom.", "Say briefly why."),
        ["account.name-required"] = new("Vul de naam in.", "Fill in the name."),
        ["account.email-invalid"] = new("Dit e-mailadres klopt niet.", "This e-mail address is not valid."),
        ["account.email-taken"] = new("Er is al een account met dit e-mailadres.", "There is already an account with this e-mail address."),
        ["account.role-not-professional"] = new("Kies een rol van een professional.", "Choose a professional's role."),
        [Network.Domain.Accounts.ContractManagers.NeedsMunicipality] = new("Een contractmanager hoort bij een gemeente.", "A contract manager belongs to a municipality."),
        ["account.deactivated"] = new("Dit account is gedeactiveerd.", "This account is deactivated."),
        ["account.not-yourself"] = new("U kunt uw eigen account niet deactiveren.", "You cannot deactivate your own account."),
        ["account.already-active"] = new("Dit account is al geactiveerd.", "This account is already activated."),
        ["account.invalid"] = new("Dit account kan zo niet worden opgeslagen.", "This account cannot be saved like this."),
        // Invitations
        ["invitation.person-required"] = new("Kies wie u uitnodigt.", "Choose whom to invite."),
        ["invitation.not-a-member"] = new("Deze persoon hoort niet bij dit gezin.", "This person is not a member of this family."),
        ["invitation.too-young"] = new("Jongeren krijgen een account vanaf 12 jaar.", "Youths get an account from the age of 12."),
        ["invitation.has-account"] = new("Deze persoon heeft al een account.", "This person already has an account."),
        // Notifications
        ["notification.member-deactivated"] = new("Het account van {name} ({organisation}) is gedeactiveerd; {name} hoort niet meer bij het netwerk van {family}.", "The account of {name} ({organisation}) was deactivated; {name} is no longer in the network of {family}."),
        // Consent recorded on a family member's behalf
        ["consent.recorded-on-behalf"] = new("Toestemming vastgelegd door {by} namens {giver} ({form}, {on}).", "Consent recorded by {by} on behalf of {giver} ({form}, {on})."),
        ["consent.form-required"] = new("Kies hoe de toestemming werd gegeven: mondeling of op papier.", "Choose how consent was given: in person or on paper."),
        ["consent.date-in-future"] = new("De datum van de toestemming ligt in de toekomst.", "The date of the consent lies in the future."),
        // CSV import
        ["import.empty"] = new("Het bestand is leeg.", "The file is empty."),
        ["import.kind"] = new("Onbekende soort: gebruik organisatie of professional.", "Unknown kind: use organisation or professional."),
        ["import.too-large"] = new("Het bestand is te groot (hoogstens 2 MB).", "The file is too large (2 MB at most)."),
        ["import.header"] = new("De eerste regel moet de kolommen noemen: soort;naam;organisatie;organisatietype;rol;e-mail.", "The first line must name the columns: kind;name;organisation;organisationtype;role;email."),
    };
}
