using static Network.Web.Texts;

namespace Network.Web.Components.Plans;

/// <summary>
/// The plan's words for families (plain language, B1) in Dutch and English. The catalog words the
/// API's codes; the plan's enums are worded here until the catalog has them.
/// </summary>
public static class PlanWords
{
    public static string Kind(ItemKind kind) => kind switch
    {
        ItemKind.Worry => T("Zorg", "Worry"),
        ItemKind.Strength => T("Wat goed gaat", "Going well"),
        ItemKind.Goal => T("Doel", "Goal"),
        ItemKind.Action => T("Actie", "Action"),
        ItemKind.PlanVersion => T("Versie van het gezinsplan", "Family plan version"),
        ItemKind.PlanAgreement => T("Akkoord met het gezinsplan", "Agreement with the family plan"),
        ItemKind.Note => T("Notitie", "Note"),
        _ => T("Bericht", "Item"),
    };

    /// <summary>Lower case, inside a sentence: "Zorg toevoegen".</summary>
    public static string KindInSentence(ItemKind kind) => kind switch
    {
        ItemKind.Worry => T("zorg", "worry"),
        ItemKind.Strength => T("iets wat goed gaat", "something going well"),
        ItemKind.Goal => T("doel", "goal"),
        ItemKind.Action => T("actie", "action"),
        _ => T("onderdeel", "part"),
    };

    public static string Status(ActionStatus? status) => status switch
    {
        ActionStatus.Open => T("Nog te doen", "To do"),
        ActionStatus.InProgress => T("Bezig", "In progress"),
        ActionStatus.Done => T("Klaar", "Done"),
        ActionStatus.Dropped => T("Vervallen", "Dropped"),
        _ => T("Onbekend", "Unknown"),
    };

    public static IReadOnlyList<ActionStatus> Statuses { get; } =
        [ActionStatus.Open, ActionStatus.InProgress, ActionStatus.Done, ActionStatus.Dropped];

    public static string Proposal(ProposalState state) => state switch
    {
        ProposalState.Proposed => T("Voorstel: wacht op een besluit", "Proposal: waiting for a decision"),
        ProposalState.Accepted => T("Voorstel overgenomen", "Proposal taken on"),
        ProposalState.Declined => T("Voorstel niet overgenomen", "Proposal not taken on"),
        _ => "",
    };

    /// <summary>What an owner is to the family: professional, parent, child, network member.</summary>
    public static string OwnerKind(string kind) =>
        kind == "Professional" ? T("professional", "professional")
        : Enum.TryParse<Relation>(kind, out var relation) && Enum.IsDefined(relation) ? RelationName(relation)
        : "";

    public static string Owner(OwnerChoice owner) =>
        OwnerKind(owner.Kind) is { Length: > 0 } kind ? $"{owner.Name} ({kind})" : owner.Name;

    /// <summary>An owner as an option value: "u:" a professional's user id, "p:" a family member's person id.</summary>
    public static string OwnerKey(Guid? userId, Guid? personId) =>
        userId is { } u ? $"u:{u}" : personId is { } p ? $"p:{p}" : "";

    public static OwnerRequest? OwnerFrom(string key) =>
        key.Length > 2 && Guid.TryParse(key[2..], out var id)
            ? key[0] == 'u' ? new OwnerRequest(id, null) : key[0] == 'p' ? new OwnerRequest(null, id) : null
            : null;

    public static string About(IReadOnlyList<PersonRef> about) =>
        about.Count == 0 ? T("het hele gezin", "the whole family") : string.Join(", ", about.Select(p => p.Name));

    /// <summary>Someone else changed the item since the page read it: nothing was saved, the page shows the latest now.</summary>
    public static string Stale => T(
        "Iemand anders heeft dit intussen gewijzigd. U ziet nu de nieuwste versie; er is niets opgeslagen. Probeer het opnieuw.",
        "Someone else changed this in the meantime. You now see the latest version; nothing was saved. Please try again.");
}
