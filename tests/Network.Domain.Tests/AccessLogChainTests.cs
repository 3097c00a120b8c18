namespace Network.Domain.Tests;

public sealed class AccessLogChainTests
{
    private static readonly Guid Family = Guid.CreateVersion7();

    private static AccessRecord Record(string user) => new(
        Guid.CreateVersion7(), new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), Guid.CreateVersion7(), AccessAction.Read,
        Guid.NewGuid(), Family, "board:x", Guid.NewGuid(), user, "YouthCare", "De Brug", null, null, AccessBasis.Consent,
        InformationCategory.General, true);

    /// <summary>A chain built the way the database builds it (audit.append): each entry hashes the one before.</summary>
    private static List<AccessLogEntry> Chain(int n)
    {
        var entries = new List<AccessLogEntry>();
        var previous = AccessLogChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var record = Record($"user {i}");
            var hash = AccessLogChain.Hash(i, record, previous);
            entries.Add(new AccessLogEntry(i, record, previous, hash));
            previous = hash;
        }
        return entries;
    }

    [Fact]
    public void an_untouched_chain_verifies() => Assert.Null(AccessLogChain.FirstBroken(Chain(5)));

    [Fact]
    public void a_changed_field_breaks_the_chain_at_that_entry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Record = chain[2].Record with { Allowed = false } };

        Assert.Equal(3, AccessLogChain.FirstBroken(chain));
    }

    [Fact]
    public void a_removed_entry_breaks_the_chain()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.Equal(3, AccessLogChain.FirstBroken(chain));
    }

    [Fact]
    public void a_recomputed_hash_still_breaks_the_next_entry()
    {
        var chain = Chain(5);
        var forged = chain[2].Record with { UserName = "Niemand" };
        chain[2] = chain[2] with { Record = forged, Hash = AccessLogChain.Hash(3, forged, chain[2].PreviousHash) };

        Assert.Equal(4, AccessLogChain.FirstBroken(chain));
    }

    [Fact]
    public void the_chain_is_the_family_else_the_person_else_the_region()
    {
        var r = Record("x");

        Assert.Equal(Family, r.Chain);
        Assert.Equal(r.PersonId, (r with { FamilyId = null }).Chain);
        Assert.Equal(Guid.Empty, (r with { FamilyId = null, PersonId = null }).Chain);
    }

    [Fact]
    public void an_anchor_covers_every_head_and_the_previous_anchor()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        ChainHead[] heads = [new(Guid.NewGuid(), 3, "a"), new(Guid.NewGuid(), 7, "b")];
        var hash = AccessLogChain.AnchorHash(1, at, heads, AccessLogChain.Genesis);

        Assert.Equal(hash, AccessLogChain.AnchorHash(1, at, heads.Reverse(), AccessLogChain.Genesis));
        Assert.NotEqual(hash, AccessLogChain.AnchorHash(1, at, [heads[0], heads[1] with { Sequence = 6 }], AccessLogChain.Genesis));
        Assert.NotEqual(hash, AccessLogChain.AnchorHash(1, at, heads, hash));
    }
}
