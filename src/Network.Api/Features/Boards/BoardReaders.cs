using Network.Api.Infrastructure.Auth;
using Npgsql;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Boards;

/// <summary>
/// Everyone who could read something of a family: its professionals, the holders of emergency
/// access now, and the family members with an account. Pushes go to those among them who may
/// read the item; the audience preview shows them, as far as its viewer may know them.
/// </summary>
public static class BoardReaders
{
    public static async Task<IReadOnlyList<Actor>> CandidatesAsync(NpgsqlDataSource db, FamilyContext family, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(MemberAccountsCommand(family.Id));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return Candidates(family, await ReadMemberAccountsAsync(reader, ct), now);
    }

    /// <summary>A family with its candidates, read in the family's own round trip.</summary>
    public static async Task<(FamilyContext Family, IReadOnlyList<Actor> Candidates)?> FamilyWithCandidatesAsync(
        FamilyContexts families, FamilyId id, DateTimeOffset now, CancellationToken ct)
    {
        var (family, accounts) = await families.LoadAsync(id, ([MemberAccountsCommand(id)], r => ReadMemberAccountsAsync(r, ct)), ct);
        return family is null ? null : (family, Candidates(family, accounts ?? [], now));
    }

    private static IReadOnlyList<Actor> Candidates(FamilyContext family, IReadOnlyList<Actor> memberAccounts, DateTimeOffset now)
    {
        var professionals = family.Family.Professionals
            .Select(p => new Actor(p.UserId, p.DisplayName, p.Role, p.OrganisationId, p.Organisation));
        var emergencies = family.Family.ActiveEmergencies(now)
            .Select(e => new Actor(e.UserId, e.DisplayName, e.Role, e.OrganisationId, e.Organisation));
        return [.. professionals.Concat(emergencies).DistinctBy(a => a.UserId)
            .Concat(memberAccounts.Where(a => family.Family.MemberFor(a.PersonId!.Value) is not null))];
    }

    /// <summary>The accounts of the family's members (as its roster lists them).</summary>
    private static NpgsqlBatchCommand MemberAccountsCommand(FamilyId family)
    {
        var command = new NpgsqlBatchCommand($"""
            select u."Id", u."DisplayName", u."Role", u."PersonId" from {AuthDbContext.Schema}."AspNetUsers" u
            where u."PersonId" in (select (jsonb_array_elements_text(r.data -> 'PersonIds'))::uuid from network.mt_doc_familyroster r where r.id = $1)
            """);
        command.Parameters.Add(new() { Value = family.Value });
        return command;
    }

    private static async Task<IReadOnlyList<Actor>> ReadMemberAccountsAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        var accounts = new List<Actor>();
        while (await r.ReadAsync(ct))
            accounts.Add(new Actor(new UserId(r.GetGuid(0)), r.GetString(1), Enum.Parse<ActorRole>(r.GetString(2)), null, null, new PersonId(r.GetGuid(3))));
        return accounts;
    }

    /// <summary>Those among the candidates who may read the item, by the same decision as any read.</summary>
    public static IEnumerable<Actor> Among(IEnumerable<Actor> candidates, FamilyContext family, ItemFacts item, DateTimeOffset now) =>
        candidates.Where(a => ItemPolicy.Decide(a, ItemAction.Read, item, family.Family, family.BirthDates, family.Table, now).Allowed);

    /// <summary>Whether the viewer may know that this reader is connected to the family (the family view's rules).</summary>
    public static bool Known(FamilySight viewer, Actor reader, FamilyContext family, DateTimeOffset now) =>
        reader.PersonId is { } person
            ? viewer.Adults.Contains(person) || viewer.Children.Any(c => c.Child == person && c.Full)
            : viewer.Network.Any(m => m.Professional == reader.UserId)
              || family.Family.ActiveEmergencies(now).Any(e => e.UserId == reader.UserId && viewer.EmergenciesFor.Contains(e.Child));
}
