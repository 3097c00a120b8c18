using Hl7.Fhir.Model;

namespace Network.Api.Features.Fhir;

/// <summary>
/// AuditEvent: each visit of the family's access log as "Wie keek mee?" shows it to the caller
/// (someone outside the network is "iemand zonder toegang", with their organisation when a
/// professional), with the purpose of use from the basis and emergency access marked as
/// break-the-glass.
/// </summary>
internal static class AuditEventMapping
{
    private const string TypeSystem = "http://dicom.nema.org/resources/ontology/DCM";
    private const string PurposeSystem = FhirIds.V3ActReason;

    public static IEnumerable<Exported> Map(
        AccessLogPage page, FamilyId family, IReadOnlySet<Guid> visibleChildren, Func<IReadOnlyList<Guid>, IReadOnlyList<SubjectOutcome>> subjects)
    {
        foreach (var v in page.Visits)
        {
            var emergency = v.Bases.Contains(AccessBasis.Emergency);
            var purposes = new List<CodeableConcept>();
            if (emergency)
            {
                purposes.Add(new CodeableConcept(PurposeSystem, "BTG", "break the glass") { Text = "noodtoegang" });
                purposes.Add(new CodeableConcept(PurposeSystem, "ETREAT", "Emergency Treatment"));
            }
            if (v.Bases.Any(b => b is AccessBasis.Consent or AccessBasis.LegalBasis))
                purposes.Add(new CodeableConcept(PurposeSystem, "TREAT", "treatment") { Text = "hulp aan het gezin" });
            if (v.Bases.Contains(AccessBasis.FamilyMember))
                purposes.Add(new CodeableConcept(PurposeSystem, "PATRQT", "patient requested") { Text = "inzage door het gezin" });

            var who = v.UserName ?? (v.Organisation is { } o ? $"iemand zonder toegang ({o})" : "iemand zonder toegang");
            var audit = new AuditEvent
            {
                Id = FhirIds.Derived("audit", family.Value, v.From.UtcTicks, v.Role, v.UserName ?? "", v.Organisation ?? ""),
                Meta = FhirIds.Updated(v.Until),
                Type = new Coding(TypeSystem, "110106", "Export") is var export && v.Actions.All(a => a == AccessAction.Export)
                    ? export : new Coding(TypeSystem, "110110", "Patient Record"),
                Action = v.Actions.Any(a => a is AccessAction.Create) ? AuditEvent.AuditEventAction.C
                    : v.Actions.Any(a => a is AccessAction.Update) ? AuditEvent.AuditEventAction.U : AuditEvent.AuditEventAction.R,
                Period = new Period { Start = FhirIds.Instant(v.From), End = FhirIds.Instant(v.Until) },
                Recorded = v.Until,
                Outcome = v.Refused ? AuditEvent.AuditEventOutcome.N4 : AuditEvent.AuditEventOutcome.N0,
                OutcomeDesc = v.Refused ? "(deels) geweigerd" : null,
                PurposeOfEvent = purposes,
                Agent =
                [
                    new AuditEvent.AgentComponent
                    {
                        Type = FhirIds.Role(v.Role),
                        Who = FhirIds.Display(who),
                        Requestor = true,
                        PurposeOfUse = purposes,
                    },
                ],
                Source = new AuditEvent.SourceComponent { Site = "Network", Observer = FhirIds.Display("Network") },
            };
            foreach (var what in v.What)
                audit.Entity.Add(new AuditEvent.EntityComponent { Name = what });
            foreach (var p in v.Persons)
                audit.Entity.Add(new AuditEvent.EntityComponent
                {
                    What = visibleChildren.Contains(p.PersonId) ? FhirIds.Patient(p.PersonId, p.Name) : FhirIds.Display(p.Name),
                });
            var patients = v.Persons.Select(p => p.PersonId).Where(visibleChildren.Contains).ToHashSet();
            yield return new Exported(audit, family, patients, subjects([.. v.Persons.Select(p => p.PersonId)]));
        }
    }
}
