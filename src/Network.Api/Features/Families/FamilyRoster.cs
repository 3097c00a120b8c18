using JasperFx.Events;
using Marten.Events.Aggregation;
using Network.Domain.Families;

namespace Network.Api.Features.Families;

/// <summary>Who is in a family's network, flattened for queries ("which families am I in?").</summary>
public sealed record FamilyRoster(Guid Id, string Name, Guid[] MemberUserIds);

public sealed class FamilyRosterProjection : SingleStreamProjection<FamilyRoster, Guid>
{
    public override FamilyRoster? Evolve(FamilyRoster? snapshot, Guid id, IEvent e) => e.Data switch
    {
        FamilyRegistered r => new FamilyRoster(r.FamilyId.Value, r.Name, []),
        NetworkMemberAdded a when snapshot is not null => snapshot with
        {
            MemberUserIds = [.. snapshot.MemberUserIds.Where(u => u != a.Member.UserId.Value), a.Member.UserId.Value],
        },
        NetworkMemberRemoved r when snapshot is not null => snapshot with
        {
            MemberUserIds = [.. snapshot.MemberUserIds.Where(u => u != r.UserId.Value)],
        },
        _ => snapshot,
    };
}
