using Hl7.Fhir.Model;

namespace Network.Api.Features.Fhir;

/// <summary>
/// Patient (each child the caller sees in full), RelatedPerson (each adult of the family the
/// caller sees, once per such child, with gezag marked) and Group (the family), built from the
/// family view the screen shows: what the view leaves out, the export leaves out.
/// </summary>
internal static class PatientMapping
{
    public static IEnumerable<Exported> Map(FamilyView view, FamilyId family, bool seesFamily, Func<Guid, IReadOnlyList<SubjectOutcome>> subjects, DateTimeOffset updated)
    {
        var children = view.Children.Where(c => c.Access == ChildAccess.Full).ToList();
        foreach (var child in children)
        {
            var patient = new Patient
            {
                Id = child.PersonId.ToString(),
                Meta = FhirIds.Updated(updated),
                Active = true,
                Name = [Name(child.Name)],
                BirthDate = child.DateOfBirth is { } born ? FhirIds.Date(born) : null,
            };
            // A placement's address only where the view gives it (a secret one only with the right to it).
            foreach (var placement in child.Placements.Where(p => p.Address is not null))
                patient.Address.Add(new Hl7.Fhir.Model.Address
                {
                    Use = Hl7.Fhir.Model.Address.AddressUse.Temp,
                    Text = placement.Address,
                    Period = new Period { Start = FhirIds.Date(placement.From), End = placement.Until is { } u ? FhirIds.Date(u) : null },
                });
            yield return new Exported(patient, family, new HashSet<Guid> { child.PersonId }, subjects(child.PersonId));
        }

        foreach (var adult in view.Adults)
        foreach (var child in children)
        {
            var related = new RelatedPerson
            {
                Id = FhirIds.RelatedPerson(adult.PersonId, child.PersonId),
                Meta = FhirIds.Updated(updated),
                Active = true,
                Patient = FhirIds.Patient(child.PersonId, child.Name),
                Name = [Name(adult.Name)],
                Relationship = [Relationship(adult.Relation)],
            };
            if (child.ParentsWithAuthority.Contains(adult.PersonId))
                related.Relationship.Add(new CodeableConcept(FhirIds.V3RoleCode, "GUARD", "guardian") { Text = "gezag" });
            yield return new Exported(related, family, new HashSet<Guid> { child.PersonId }, [.. subjects(adult.PersonId), .. subjects(child.PersonId)]);
        }

        if (!seesFamily) yield break;
        var group = new Group
        {
            Id = view.FamilyId.ToString(),
            Meta = FhirIds.Updated(updated),
            Active = true,
            Type = Group.GroupType.Person,
            Actual = true,
            Name = view.Name,
            Quantity = children.Count,
            Member = [.. children.Select(c => new Group.MemberComponent { Entity = FhirIds.Patient(c.PersonId, c.Name) })],
        };
        yield return new Exported(group, family, children.Select(c => c.PersonId).ToHashSet(), subjects(Guid.Empty));
    }

    public static HumanName Name(string display)
    {
        var parts = display.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return new HumanName
        {
            Text = display,
            Family = parts.Length > 1 ? parts[1] : parts[0],
            Given = parts.Length > 1 ? [parts[0]] : [],
        };
    }

    private static CodeableConcept Relationship(Relation relation) => relation switch
    {
        Relation.Parent => new CodeableConcept(FhirIds.V3RoleCode, "PRN", "parent") { Text = "ouder" },
        Relation.StepParent => new CodeableConcept(FhirIds.V3RoleCode, "STPPRN", "step parent") { Text = "stiefouder" },
        Relation.FosterParent => new CodeableConcept(FhirIds.V3RoleCode, "PRNFOST", "foster parent") { Text = "pleegouder" },
        _ => new CodeableConcept { Text = "netwerklid" },
    };
}
