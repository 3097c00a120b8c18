using System.Collections.Immutable;
using Network.Domain.Authorization;
using Network.Domain.Common;

namespace Network.Domain.Families;

/// <summary>How a professional came to be in the family's network.</summary>
public enum MembershipBasis
{
    /// <summary>The family itself (parent, youth, network member).</summary>
    FamilyMember,
    /// <summary>Voluntary framework: the family consented.</summary>
    Consent,
    /// <summary>A measure or investigation executed by the member's organisation.</summary>
    LegalBasis,
}

/// <summary>Someone in the family's network, with their role and basis.</summary>
public sealed record NetworkMember(
    UserId UserId,
    string DisplayName,
    ActorRole Role,
    string? Organisation,
    MembershipBasis Basis,
    DateTimeOffset Since);

public sealed record FamilyRegistered(FamilyId FamilyId, string Name, DateTimeOffset At);

public sealed record NetworkMemberAdded(FamilyId FamilyId, NetworkMember Member);

public sealed record NetworkMemberRemoved(FamilyId FamilyId, UserId UserId, DateTimeOffset At);

/// <summary>A family and the people in its network. The registry issue adds persons, gezag and measures.</summary>
public sealed record Family(FamilyId Id, string Name, ImmutableArray<NetworkMember> Members)
{
    public NetworkMember? MemberFor(UserId userId) => Members.FirstOrDefault(m => m.UserId == userId);

    public static Family? Evolve(Family? state, object @event) => @event switch
    {
        FamilyRegistered e => new Family(e.FamilyId, e.Name, []),
        NetworkMemberAdded e when state is not null =>
            state with { Members = state.Members.RemoveAll(m => m.UserId == e.Member.UserId).Add(e.Member) },
        NetworkMemberRemoved e when state is not null =>
            state with { Members = state.Members.RemoveAll(m => m.UserId == e.UserId) },
        _ => state,
    };

    public static IReadOnlyList<object> Register(FamilyId id, string name, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainRuleViolation("family.name-required", "A family needs a name.");
        return [new FamilyRegistered(id, name.Trim(), now)];
    }

    public static IReadOnlyList<object> AddMember(Family family, NetworkMember member)
    {
        if (family.MemberFor(member.UserId) is { } existing && existing == member)
            return [];
        return [new NetworkMemberAdded(family.Id, member)];
    }
}
