using Hl7.Fhir.Model;

namespace Network.Api.Features.Fhir;

/// <summary>
/// One resource as the caller may see it: the family it comes from, the children (patients) it
/// is about, and the outcomes for the access log of every person whose data it shows (each export
/// is logged as one entry per person, from the same decision that let the screen show it).
/// </summary>
internal sealed record Exported(Resource Resource, FamilyId Family, IReadOnlySet<Guid> Patients, IReadOnlyList<SubjectOutcome> Subjects)
{
    public string Type => Resource.TypeName;

    public string Id => Resource.Id ?? "";

    public DateTimeOffset? LastUpdated => Resource.Meta?.LastUpdated;
}
