using Hl7.Fhir.Model;

namespace Network.Api.Features.Fhir;

/// <summary>
/// CareTeam: per child the caller sees in full, the professionals of the family's network working
/// with that child as the family view shows them (only those whose basis the caller may know),
/// each with role, organisation, basis and since when.
/// </summary>
internal static class CareTeamMapping
{
    public static IEnumerable<Exported> Map(
        FamilyView view, Family family, Func<Guid, IReadOnlyList<SubjectOutcome>> subjects, DateTimeOffset updated)
    {
        foreach (var child in view.Children.Where(c => c.Access == ChildAccess.Full))
        {
            var members = view.Professionals.Where(p => p.Children.Any(c => c.ChildId == child.PersonId)).ToList();
            if (members.Count == 0) continue;
            var team = new CareTeam
            {
                Id = child.PersonId.ToString(),
                Meta = FhirIds.Updated(updated),
                Status = CareTeam.CareTeamStatus.Active,
                Name = $"Netwerk rond {child.Name}",
                Subject = FhirIds.Patient(child.PersonId, child.Name),
            };
            foreach (var m in members)
            {
                var since = family.ProfessionalFor(new UserId(m.UserId))?.Since;
                var role = FhirIds.Role(m.Role);
                role.Coding.Add(new Coding(FhirIds.BasisSystem, m.Basis.ToString(), m.Basis == MembershipBasis.Consent ? "toestemming" : "wettelijke grondslag"));
                if (m.IsCoordinator) role.Coding.Add(new Coding(FhirIds.RoleSystem, "Coordinator", "coördinator"));
                team.Participant.Add(new CareTeam.ParticipantComponent
                {
                    Role = [role],
                    Member = FhirIds.Display(m.Name),
                    OnBehalfOf = m.Organisation is { } org ? FhirIds.Display(org) : null,
                    Period = since is { } s ? new Period { Start = FhirIds.Instant(s) } : null,
                });
            }
            yield return new Exported(team, new FamilyId(view.FamilyId), new HashSet<Guid> { child.PersonId }, subjects(child.PersonId));
        }
    }
}
