using Network.Domain.Common;

namespace Network.Domain.Families;

public enum OrganisationType
{
    NeighbourhoodTeam,
    YouthCareProvider,
    YouthHealth,
    CertifiedInstitution,
    ChildProtectionBoard,
    Municipality,
    Administration,
}

public sealed record OrganisationRegistered(
    OrganisationId OrganisationId, string Name, OrganisationType Type, DateTimeOffset At, UserId? By = null, string? Reason = null);

/// <summary>An organisation whose professionals can join family networks; a deactivated one takes no new accounts.</summary>
public sealed record Organisation(OrganisationId Id, string Name, OrganisationType Type, bool Active = true)
{
    public static Organisation? Evolve(Organisation? state, object @event) => @event switch
    {
        OrganisationRegistered e => new Organisation(e.OrganisationId, e.Name, e.Type),
        Accounts.OrganisationRenamed e when state is not null => state with { Name = e.Name },
        Accounts.OrganisationDeactivated when state is not null => state with { Active = false },
        _ => state,
    };

    public static IReadOnlyList<object> Rename(Organisation organisation, string name, UserId by, string reason, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new DomainRuleViolation("organisation.name-required")
            : name.Trim() == organisation.Name ? [] : [new Accounts.OrganisationRenamed(organisation.Id, name.Trim(), by, reason, now)];

    public static IReadOnlyList<object> Deactivate(Organisation organisation, UserId by, string reason, DateTimeOffset now) =>
        organisation.Active ? [new Accounts.OrganisationDeactivated(organisation.Id, by, reason, now)] : [];

    public static IReadOnlyList<object> Register(OrganisationId id, string name, OrganisationType type, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new DomainRuleViolation("organisation.name-required")
            : [new OrganisationRegistered(id, name.Trim(), type, now)];
}
