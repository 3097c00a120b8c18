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

public sealed record OrganisationRegistered(OrganisationId OrganisationId, string Name, OrganisationType Type, DateTimeOffset At);

/// <summary>An organisation whose professionals can join family networks.</summary>
public sealed record Organisation(OrganisationId Id, string Name, OrganisationType Type)
{
    public static Organisation? Evolve(Organisation? state, object @event) => @event switch
    {
        OrganisationRegistered e => new Organisation(e.OrganisationId, e.Name, e.Type),
        _ => state,
    };

    public static IReadOnlyList<object> Register(OrganisationId id, string name, OrganisationType type, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new DomainRuleViolation("organisation.name-required")
            : [new OrganisationRegistered(id, name.Trim(), type, now)];
}
