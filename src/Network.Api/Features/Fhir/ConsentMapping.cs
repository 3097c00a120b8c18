using Hl7.Fhir.Model;

namespace Network.Api.Features.Fhir;

/// <summary>
/// Consent: each consent the family view shows (per professional and child, by whom), active;
/// each withdrawal on the family's stream, for a child the caller sees in full, inactive. Who
/// gave it, for which professional, since when and until when.
/// </summary>
internal static class ConsentMapping
{
    private const string ScopeSystem = "http://terminology.hl7.org/CodeSystem/consentscope";
    private const string Loinc = "http://loinc.org";
    private const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /// <summary>A withdrawal, as read from the family's events.</summary>
    public sealed record Withdrawal(UserId Professional, string ProfessionalName, PersonId Child, PersonId By, DateTimeOffset? GivenAt, DateTimeOffset At);

    public static IEnumerable<Exported> Map(
        FamilyView view, Family family, IReadOnlyList<Withdrawal> withdrawals, Func<Guid, IReadOnlyList<SubjectOutcome>> subjects, DateTimeOffset updated)
    {
        var children = view.Children.Where(c => c.Access == ChildAccess.Full).ToDictionary(c => c.PersonId);
        var names = view.Adults.ToDictionary(a => a.PersonId, a => a.Name);
        ResourceReference Who(Guid person, ChildView child) =>
            person == child.PersonId ? FhirIds.Patient(child.PersonId, child.Name)
            : names.TryGetValue(person, out var name) ? new ResourceReference($"RelatedPerson/{FhirIds.RelatedPerson(person, child.PersonId)}", name)
            : FhirIds.Display("gezinslid");

        foreach (var member in view.Professionals)
        foreach (var c in member.Children)
        {
            if (!children.TryGetValue(c.ChildId, out var child)) continue;
            foreach (var by in c.ConsentGivenBy)
            {
                var grant = family.Consents.FirstOrDefault(g => g.Professional.Value == member.UserId && g.Child.Value == c.ChildId && g.GivenBy.Value == by);
                if (grant is null) continue;
                var consent = Build(FhirIds.Derived("consent", member.UserId, c.ChildId, by, grant.At.UtcTicks), Consent.ConsentState.Active,
                    child, Who(by, child), member.Name, member.Organisation, grant.At, null, updated);
                yield return new Exported(consent, family.Id, new HashSet<Guid> { child.PersonId }, subjects(child.PersonId));
            }
        }

        foreach (var w in withdrawals)
        {
            if (!children.TryGetValue(w.Child.Value, out var child)) continue;
            var consent = Build(FhirIds.Derived("consent-withdrawn", w.Professional.Value, w.Child.Value, w.By.Value, w.At.UtcTicks),
                Consent.ConsentState.Inactive, child, Who(w.By.Value, child), w.ProfessionalName, null, w.GivenAt ?? w.At, w.At, updated);
            yield return new Exported(consent, family.Id, new HashSet<Guid> { child.PersonId }, subjects(child.PersonId));
        }
    }

    private static Consent Build(
        string id, Consent.ConsentState state, ChildView child, ResourceReference by, string professional, string? organisation,
        DateTimeOffset from, DateTimeOffset? until, DateTimeOffset updated) => new()
    {
        Id = id,
        Meta = FhirIds.Updated(updated),
        Status = state,
        Scope = new CodeableConcept(ScopeSystem, "treatment", "Treatment") { Text = "hulp in vrijwillig kader" },
        Category = [new CodeableConcept(Loinc, "59284-0", "Patient Consent")],
        Patient = FhirIds.Patient(child.PersonId, child.Name),
        DateTime = FhirIds.Instant(until ?? from),
        Performer = [by],
        PolicyRule = new CodeableConcept(ActCode, "OPTIN", "opt-in"),
        Provision = new Consent.provisionComponent
        {
            Type = Consent.ConsentProvisionType.Permit,
            Period = new Period { Start = FhirIds.Instant(from), End = until is { } u ? FhirIds.Instant(u) : null },
            Actor =
            [
                new Consent.provisionActorComponent
                {
                    Role = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-RoleClass", "PROV", "healthcare provider") { Text = organisation is null ? professional : $"{professional}, {organisation}" },
                    Reference = FhirIds.Display(organisation is null ? professional : $"{professional} ({organisation})"),
                },
            ],
        },
    };
}
