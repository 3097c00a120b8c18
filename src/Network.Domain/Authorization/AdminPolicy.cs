namespace Network.Domain.Authorization;

/// <summary>
/// Administration: the table, the log's integrity, the directory of organisations and
/// professionals. None of it is case content; the rule that administrators never read case
/// content lives in <see cref="Standings"/> (they have no standing anywhere).
/// </summary>
public static class AdminPolicy
{
    public static Decision ChangeTable(Actor actor) => actor.Role == ActorRole.FunctionalAdministrator
        ? Decision.Allow(new Reason(Reasons.AdministratorsOnly))
        : Decision.Deny(new Reason(Reasons.AdministratorsOnly));

    public static Decision VerifyLog(Actor actor) => ChangeTable(actor);

    /// <summary>Organisations: to pick the executor of a measure (professionals) or to administer them.</summary>
    public static Decision ListOrganisations(Actor actor) => actor.IsProfessional || actor.Role == ActorRole.FunctionalAdministrator
        ? Decision.Allow(new Reason(Reasons.ProfessionalsOnly))
        : Decision.Deny(new Reason(Reasons.ProfessionalsOnly));

    /// <summary>Professionals' names, roles and organisations: to invite one into a network.</summary>
    public static Decision ListProfessionals(Actor actor) => actor.IsProfessional
        ? Decision.Allow(new Reason(Reasons.ProfessionalsOnly))
        : Decision.Deny(new Reason(Reasons.ProfessionalsOnly));

    /// <summary>Registering persons and families, and searching the registry, is professionals' work.</summary>
    public static Decision Register(Actor actor) => ListProfessionals(actor);
}
