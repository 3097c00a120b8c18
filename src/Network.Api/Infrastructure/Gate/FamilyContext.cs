using Network.Api.Infrastructure.Marten;
using Marten;
using Network.Domain.Boards;
using Network.Domain.Families;

namespace Network.Api.Infrastructure.Gate;

/// <summary>
/// A family with the registry records of its members, its stream version and the table in force:
/// everything a decision on it needs, loaded in two round trips.
/// </summary>
public sealed record FamilyContext(Family Family, long Version, IReadOnlyDictionary<PersonId, Person> People, AuthorizationTable Table)
{
    /// <summary>Built once: every decision on the family reads it, often once per item and child.</summary>
    public IReadOnlyDictionary<PersonId, DateOnly> BirthDates { get; } =
        People.ToDictionary(p => p.Key, p => p.Value.Details.DateOfBirth);

    public FamilyOf Of => new(Family, BirthDates);

    public FamilyId Id => Family.Id;

    public string NameOf(PersonId id) => People.TryGetValue(id, out var p) ? p.Details.Name.Display : "?";
}

/// <summary>A board with its family.</summary>
public sealed record BoardContext(Board Board, FamilyContext Family)
{
    /// <summary>Whether the actor may open this board: the family's board decision, and for a board about children, each of them.</summary>
    public Decision Read(Actor actor, DateTimeOffset at) =>
        FamilyPolicy.ReadBoard(actor, Family.Family, Family.BirthDates, Family.Table, at, Board.About);
}

/// <summary>Loads families and boards with what decisions on them need.</summary>
public sealed class FamilyContexts(IDocumentSession session, TableCache tables)
{
    /// <summary>The family, its version, its members' records and the table's version, in one round trip.</summary>
    public async Task<FamilyContext?> LoadAsync(FamilyId id, CancellationToken ct) => (await LoadAsync(id, null, ct)).Family;

    private async Task<(FamilyContext? Family, Board? Board)> LoadAsync(FamilyId id, BoardId? boardId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var family = batch.Load<Family>(id);
        var board = boardId is { } b ? batch.Load<Board>(b) : null;
        var state = batch.Events.FetchStreamState(id.Value);
        var table = batch.Events.FetchStreamState(TableChanges.StreamId);
        var members = batch.Query<Person>(
            "where d.id in (select (jsonb_array_elements_text(r.data -> 'PersonIds'))::uuid from network.mt_doc_familyroster r where r.id = ?)",
            id.Value);
        await batch.Execute(ct);
        if (await family is not { } loaded) return (null, null);
        var people = await PeopleLookup.ResolveAsync(session, loaded.Members.Select(m => m.PersonId), await members, ct);
        var context = new FamilyContext(loaded, (await state)?.Version ?? 0, people, await tables.LoadAsync(session, (await table)?.Version ?? 0, ct));
        return (context, board is null ? null : await board);
    }

    // A board never moves to another family: once its family is known, the board is read in the
    // same round trip as the family (its title or state may change, so the board itself is not kept).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<BoardId, FamilyId> FamilyOfBoard = new();

    public async Task<BoardContext?> BoardAsync(BoardId id, CancellationToken ct)
    {
        if (!FamilyOfBoard.TryGetValue(id, out var familyId))
        {
            if (await session.LoadAsync<Board>(id, ct) is not { } first) return null;
            FamilyOfBoard.TryAdd(id, familyId = first.FamilyId);
        }
        var (family, board) = await LoadAsync(familyId, id, ct);
        return family is null || board is null ? null : new BoardContext(board, family);
    }

    /// <summary>The families a set of ids names, with their members' records, for lists and searches.</summary>
    public async Task<IReadOnlyList<FamilyContext>> LoadManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var table = await tables.LoadAsync(session, null, ct);
        var families = await session.LoadAllAsync<Family>(ids.Select(i => (object)new FamilyId(i)), ct);
        var people = await PeopleLookup.LoadAsync(session, families.SelectMany(f => f.Members.Select(m => m.PersonId)), ct);
        return [.. families.Select(f => new FamilyContext(f, 0,
            f.Members.Where(m => people.ContainsKey(m.PersonId)).ToDictionary(m => m.PersonId, m => people[m.PersonId]), table))];
    }

    /// <summary>The families the actor could be connected to (in its network, its members, emergency access), narrowed by the database.</summary>
    public async Task<IReadOnlyList<FamilyContext>> ConnectedToAsync(Actor actor, CancellationToken ct)
    {
        var userId = actor.UserId.Value;
        var personId = actor.PersonId?.Value ?? Guid.Empty;
        var ids = await session.Query<Features.Families.FamilyRoster>()
            .Where(r => r.ProfessionalUserIds.Contains(userId) || r.PersonIds.Contains(personId) || r.EmergencyUserIds!.Contains(userId))
            .Select(r => r.Id)
            .ToListAsync(ct);
        return await LoadManyAsync([.. ids], ct);
    }

    /// <summary>The families a person belongs to, for registry decisions.</summary>
    public async Task<IReadOnlyList<FamilyContext>> OfPersonAsync(PersonId person, CancellationToken ct)
    {
        var id = person.Value;
        var ids = await session.Query<Features.Families.FamilyRoster>().Where(r => r.PersonIds.Contains(id)).Select(r => r.Id).ToListAsync(ct);
        return await LoadManyAsync([.. ids], ct);
    }

    public Task<AuthorizationTable> TableAsync(CancellationToken ct) => tables.LoadAsync(session, null, ct);

    /// <summary>A family already loaded (for writing) with its members' records and the table.</summary>
    public async Task<FamilyContext> ContextOfAsync(Family family, long version, CancellationToken ct) =>
        (await CompleteAsync(family, version, null, ct))!;

    private async Task<FamilyContext?> CompleteAsync(Family? family, long version, long? tableVersion, CancellationToken ct)
    {
        if (family is null) return null;
        var people = await PeopleLookup.LoadAsync(session, family.Members.Select(m => m.PersonId), ct);
        var table = await tables.LoadAsync(session, tableVersion, ct);
        return new FamilyContext(family, version, people, table);
    }
}
