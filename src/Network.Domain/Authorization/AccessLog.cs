using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Network.Domain.Authorization;

/// <summary>What was done with a person's data (NEN 7513).</summary>
public enum AccessAction
{
    Create,
    Read,
    Update,
    Search,
    Export,
    Print,
}

/// <summary>On which ground the access was decided.</summary>
public enum AccessBasis
{
    None,
    FamilyMember,
    Consent,
    LegalBasis,
    Emergency,
    Registrant,
}

/// <summary>
/// One decision on one person's data: who (user, role, organisation, on whose behalf), which
/// person, what, when (UTC), on which basis, and the outcome.
/// </summary>
public sealed record AccessRecord(
    Guid Id,
    DateTimeOffset At,
    AccessAction Action,
    Guid? PersonId,
    Guid? FamilyId,
    string Resource,
    Guid UserId,
    string UserName,
    string Role,
    string? Organisation,
    string? OnBehalfOf,
    AccessBasis Basis,
    bool Allowed);

/// <summary>A stored entry: the record, its place in the log and the hash chaining it to the previous entry.</summary>
public sealed record AccessLogEntry(long Sequence, AccessRecord Record, string PreviousHash, string Hash);

/// <summary>
/// The access log is a hash chain: each entry's hash covers its fields and the previous entry's
/// hash, so changing, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AccessLogChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(long sequence, AccessRecord r, string previousHash)
    {
        var canonical = string.Join('\u001f',
            sequence.ToString(CultureInfo.InvariantCulture), r.Id.ToString("N"),
            // Microseconds: what PostgreSQL's timestamptz keeps.
            r.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), r.Action, r.PersonId?.ToString("N") ?? "",
            r.FamilyId?.ToString("N") ?? "", r.Resource, r.UserId.ToString("N"), r.UserName, r.Role, r.Organisation ?? "",
            r.OnBehalfOf ?? "", r.Basis, r.Allowed ? "allowed" : "denied", previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Appends records after the entry with <paramref name="lastSequence"/> and <paramref name="lastHash"/>.</summary>
    public static IReadOnlyList<AccessLogEntry> Append(long lastSequence, string lastHash, IEnumerable<AccessRecord> records)
    {
        var entries = new List<AccessLogEntry>();
        foreach (var record in records)
        {
            var sequence = lastSequence + 1;
            var hash = Hash(sequence, record, lastHash);
            entries.Add(new AccessLogEntry(sequence, record, lastHash, hash));
            (lastSequence, lastHash) = (sequence, hash);
        }
        return entries;
    }

    /// <summary>The first entry (by sequence) whose chain is broken, or null when the whole log checks out.</summary>
    public static long? FirstBroken(IEnumerable<AccessLogEntry> entriesInOrder)
    {
        var previous = Genesis;
        var expectedSequence = 1L;
        foreach (var e in entriesInOrder)
        {
            if (e.Sequence != expectedSequence || e.PreviousHash != previous || Hash(e.Sequence, e.Record, previous) != e.Hash)
                return e.Sequence;
            previous = e.Hash;
            expectedSequence++;
        }
        return null;
    }

    public static AccessBasis BasisOf(StandingKind kind) => kind switch
    {
        StandingKind.ParentWithAuthority or StandingKind.ParentWithoutAuthority or StandingKind.Youth or StandingKind.NetworkMember => AccessBasis.FamilyMember,
        StandingKind.ProfessionalByConsent => AccessBasis.Consent,
        StandingKind.ProfessionalByLegalBasis => AccessBasis.LegalBasis,
        StandingKind.Emergency => AccessBasis.Emergency,
        _ => AccessBasis.None,
    };
}
