using JasperFx.Events;
using Marten.Events.Aggregation;
using Network.Domain.Families;

namespace Network.Api.Features.Families;

/// <summary>
/// Who is connected to a family, flattened for the database's "which families might I be in?"
/// question: its professionals, its members, and whoever held emergency access. The policy
/// still decides on the full family afterwards.
/// </summary>
public sealed record FamilyRoster(Guid Id, string Name, Guid[] ProfessionalUserIds, Guid[] PersonIds, Guid[]? EmergencyUserIds = null);

public sealed class FamilyRosterProjection : SingleStreamProjection<FamilyRoster, Guid>
{
    public override FamilyRoster? Evolve(FamilyRoster? snapshot, Guid id, IEvent e) => e.Data switch
    {
        FamilyRegistered r => new FamilyRoster(r.FamilyId.Value, r.Name, [], [], []),
        NetworkMemberAdded a when snapshot is not null => snapshot with
        {
            ProfessionalUserIds = [.. snapshot.ProfessionalUserIds.Where(u => u != a.Member.UserId.Value), a.Member.UserId.Value],
        },
        NetworkMemberRemoved r when snapshot is not null => snapshot with
        {
            ProfessionalUserIds = [.. snapshot.ProfessionalUserIds.Where(u => u != r.UserId.Value)],
        },
        FamilyMemberAdded m when snapshot is not null => snapshot with
        {
            PersonIds = [.. snapshot.PersonIds.Where(p => p != m.PersonId.Value), m.PersonId.Value],
        },
        EmergencyAccessGranted g when snapshot is not null => snapshot with
        {
            EmergencyUserIds = [.. (snapshot.EmergencyUserIds ?? []).Where(u => u != g.Access.UserId.Value), g.Access.UserId.Value],
        },
        _ => snapshot,
    };
}
