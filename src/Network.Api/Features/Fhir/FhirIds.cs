using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;

namespace Network.Api.Features.Fhir;

/// <summary>
/// Ids and codes shared by the mappings. A resource that has no id of its own in Network (a
/// relation between two persons, a consent, a visit in the access log) gets a stable id derived
/// from what identifies it, so a second export names it the same.
/// </summary>
internal static class FhirIds
{
    /// <summary>Network's own code systems (roles, bases of membership, kinds of fact).</summary>
    public const string RoleSystem = "urn:network:actor-role";
    public const string BasisSystem = "urn:network:membership-basis";
    public const string V3RoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    public const string V3ActReason = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    /// <summary>A name-based id (SHA-256 of the parts, shaped as a GUID).</summary>
    public static string Derived(params object[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    public static string RelatedPerson(Guid adult, Guid child) => Derived("related-person", adult, child);

    public static ResourceReference Patient(Guid id, string name) => new($"Patient/{id}", name);

    public static ResourceReference Display(string name) => new() { Display = name };

    public static Meta Updated(DateTimeOffset at) => new() { LastUpdated = at };

    public static CodeableConcept Role(ActorRole role) =>
        new(RoleSystem, role.ToString(), Network.Contracts.Texts.Catalog.Role(role, english: false)) { Text = Network.Contracts.Texts.Catalog.Role(role, english: false) };

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd");

    public static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
}
