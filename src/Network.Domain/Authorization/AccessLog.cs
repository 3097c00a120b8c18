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
    /// <summary>A message about the person's data went out (an invitation by e-mail); the resource names the recipient.</summary>
    Send,
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
/// One decision on one person's data (<see cref="PersonId"/> null: the family as a whole): who
/// (user, role, organisation, the registry person they are, on whose behalf), which person, what,
/// when (UTC), on which basis, and the outcome. <see cref="RequestId"/> ties the entries of one
/// request together; <see cref="BasisCategory"/> is the category of "who works with this person on
/// what basis", which decides who may later see the entry.
/// </summary>
public sealed record AccessRecord(
    Guid Id,
    DateTimeOffset At,
    Guid RequestId,
    AccessAction Action,
    Guid? PersonId,
    Guid? FamilyId,
    string Resource,
    Guid UserId,
    string UserName,
    string Role,
    string? Organisation,
    Guid? ActorPersonId,
    string? OnBehalfOf,
    AccessBasis Basis,
    InformationCategory BasisCategory,
    bool Allowed)
{
    /// <summary>
    /// The chain this entry extends: the family's, else the person's, else the region's. Chains
    /// are independent, so requests about different families never wait for each other.
    /// </summary>
    public Guid Chain => FamilyId ?? PersonId ?? Guid.Empty;
}

/// <summary>A stored entry: the record, its place in its chain and the hash chaining it to the previous entry.</summary>
public sealed record AccessLogEntry(long Sequence, AccessRecord Record, string PreviousHash, string Hash);

/// <summary>A chain's last entry, as an anchor records it.</summary>
public sealed record ChainHead(Guid Chain, long Sequence, string Hash);

/// <summary>
/// The access log is a set of hash chains, one per family (or per person outside any family):
/// each entry's hash covers its fields and the previous entry's hash, so changing, removing or
/// reordering any entry breaks every hash after it. Anchors chain the heads of all chains at a
/// moment, so cutting off the end of a chain shows too.
/// </summary>
public static class AccessLogChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The text an entry's hash covers. The database computes the same text (AccessLogStore), so keep both in step.</summary>
    public static string Canonical(long sequence, AccessRecord r, string previousHash) => string.Join('\u001f',
        sequence.ToString(CultureInfo.InvariantCulture), N(r.Chain), N(r.Id),
        // Microseconds: what PostgreSQL's timestamptz keeps.
        r.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), N(r.RequestId),
        r.Action, N(r.PersonId), N(r.FamilyId), r.Resource, N(r.UserId), r.UserName, r.Role, r.Organisation ?? "",
        N(r.ActorPersonId), r.OnBehalfOf ?? "", r.Basis, r.BasisCategory, r.Allowed ? "allowed" : "denied", previousHash);

    public static string Hash(long sequence, AccessRecord r, string previousHash) => Sha256(Canonical(sequence, r, previousHash));

    /// <summary>The first entry (by sequence) of one chain whose link is broken, or null when the chain checks out.</summary>
    public static long? FirstBroken(IEnumerable<AccessLogEntry> chainInOrder)
    {
        var previous = Genesis;
        var expectedSequence = 1L;
        foreach (var e in chainInOrder)
        {
            if (e.Sequence != expectedSequence || e.PreviousHash != previous || Hash(e.Sequence, e.Record, previous) != e.Hash)
                return e.Sequence;
            previous = e.Hash;
            expectedSequence++;
        }
        return null;
    }

    /// <summary>The hash of an anchor: its number, time, every chain head (in chain order) and the previous anchor's hash.</summary>
    public static string AnchorHash(long number, DateTimeOffset at, IEnumerable<ChainHead> heads, string previousHash) =>
        Sha256(string.Join('\u001f', new[]
        {
            number.ToString(CultureInfo.InvariantCulture),
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        }.Concat(heads.OrderBy(h => h.Chain).Select(h => $"{N(h.Chain)}:{h.Sequence}:{h.Hash}")).Append(previousHash)));

    private static string N(Guid? id) => id?.ToString("N") ?? "";

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
