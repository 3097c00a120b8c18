namespace Network.Domain.Authorization;

/// <summary>The reason codes the policies give; the Web has a text for each.</summary>
public static class Reasons
{
    // Standing: what the actor is to a child.
    public const string NoStanding = "standing.none";
    public const string Administrators = "standing.administrators";
    public const string NotAChild = "standing.not-a-child";
    public const string NotInFamily = "standing.not-in-family";
    public const string ParentWithAuthority = "standing.parent-with-authority";
    public const string ParentWithoutAuthority = "standing.parent-without-authority";
    public const string Youth = "standing.youth";
    public const string YouthUnder12 = "standing.youth-under-12";
    public const string NetworkMember = "standing.network-member";
    public const string ByConsent = "standing.consent";
    public const string ConsentPending = "standing.consent-pending";
    public const string NotInvitedForChild = "standing.not-invited-for-child";
    public const string LegalBasis = "standing.legal-basis";
    public const string LegalBasisNotStarted = "standing.legal-basis-not-started";
    public const string Emergency = "standing.emergency";
    public const string FamilyWithoutChildren = "standing.family-without-children";

    // The table and its numbered conditions.
    public const string TableCell = "table.cell";
    public const string ConditionPrefix = "condition.";
    public const string OnlyOwnItems = "item.correct-own-only";
    public const string Author = "item.author";

    // The item's audience.
    public const string AudienceProfessionals = "audience.professionals";
    public const string AudienceOwnOrganisation = "audience.own-organisation";
    public const string AudienceNamed = "audience.named";

    // Beyond items.
    public const string Registrant = "registry.registrant";
    public const string Self = "registry.self";
    public const string LogReader = "log.reader";
    public const string LogNotForYou = "log.not-for-you";
    public const string AdministratorsOnly = "admin.functional-administrators-only";
    public const string ProfessionalsOnly = "admin.professionals-only";
    public const string Manager = "family.manager";
    public const string NotManager = "family.not-manager";
}
