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

/// <summary>
/// What a family's decisions were last built from: the versions of the family's stream, of the
/// authorization table's stream and (summed) of its members' registry streams, read by
/// <see cref="FamilyContexts"/> in the request's first round trip. Any event on one of them
/// changes the stamp, so a snapshot is used only while nothing it was built from has changed.
/// </summary>
public readonly record struct FamilyStamp(long Family, long Table, long People);

/// <summary>
/// The families' contexts as last loaded, on this instance, each under the stamp read before it
/// was loaded: a request whose stamp differs loads the family again (a later change always
/// differs, so no stale snapshot is ever used; an earlier stamp only costs a load).
/// </summary>
public sealed class FamilySnapshots
{
    private const int Capacity = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<FamilyId, (FamilyStamp Stamp, FamilyContext Context)> snapshots = new();

    public FamilyContext? Get(FamilyId id, FamilyStamp stamp) =>
        snapshots.TryGetValue(id, out var s) && s.Stamp == stamp ? s.Context : null;

    public void Keep(FamilyId id, FamilyStamp stamp, FamilyContext context)
    {
        if (snapshots.Count >= Capacity) snapshots.Clear();
        snapshots[id] = (stamp, context);
    }
}

/// <summary>Loads families and boards with what decisions on them need.</summary>
public sealed class FamilyContexts(
    IDocumentSession session, TableCache tables, FamilySnapshots snapshots, Npgsql.NpgsqlDataSource db, Auth.AccountCheck account)
{
    /// <summary>
    /// The family's stamp and, when asked, a board's document, in one round trip. The members are
    /// the family roster's, and with them each record they were merged into (as the load follows merges).
    /// </summary>
    private const string StampSql = """
        with recursive people(id, hops) as (
            select (jsonb_array_elements_text(r.data -> 'PersonIds'))::uuid, 0 from network.mt_doc_familyroster r where r.id = $1
            union
            select (p.data -> 'MergedInto' ->> 'Value')::uuid, i.hops + 1 from people i join network.mt_doc_person p on p.id = i.id
            where p.data -> 'MergedInto' ->> 'Value' is not null and i.hops < 5)
        select coalesce((select version from network.mt_streams where id = $1), 0),
               coalesce((select version from network.mt_streams where id = $2), 0),
               coalesce((select sum((select s.version from network.mt_streams s where s.id = p.id)) from (select distinct id from people) p), 0)::bigint,
               (select b.data from network.mt_doc_board b where b.id = $3)
        """;

    /// <summary>
    /// The family, its version, its members' records and the table in force: one round trip for
    /// the stamp, and a second only when something the family's snapshot was built from changed.
    /// </summary>
    public async Task<FamilyContext?> LoadAsync(FamilyId id, CancellationToken ct)
    {
        var (stamp, _) = await StampAsync(id, null, [], ct);
        return await ResolveAsync(id, stamp, ct);
    }

    /// <summary>Like <see cref="LoadAsync(FamilyId, CancellationToken)"/>, with what <paramref name="more"/> asks of the family read in the same round trip.</summary>
    public async Task<(FamilyContext? Family, T? More)> LoadAsync<T>(
        FamilyId id, (IEnumerable<Npgsql.NpgsqlBatchCommand> Commands, Func<Npgsql.NpgsqlDataReader, Task<T>> Read) more, CancellationToken ct)
    {
        T? result = default;
        var (stamp, _) = await StampAsync(id, null, more.Commands, ct, async r => result = await more.Read(r));
        return (await ResolveAsync(id, stamp, ct), result);
    }

    /// <summary>
    /// The stamp, the board's document when asked, and then the results of <paramref name="more"/>
    /// for <paramref name="read"/>, in one round trip; first in it the request's account check when
    /// its endpoint deferred it (<see cref="Auth.AccountCheckInFirstBatch"/>), whose answer is read first.
    /// </summary>
    private async Task<(FamilyStamp Stamp, Board? Board)> StampAsync(
        FamilyId id, BoardId? boardId, IEnumerable<Npgsql.NpgsqlBatchCommand> more, CancellationToken ct, Func<Npgsql.NpgsqlDataReader, Task>? read = null)
    {
        await using var batch = db.CreateBatch();
        if (account.Command() is { } check) batch.BatchCommands.Add(check);
        var stampCommand = new Npgsql.NpgsqlBatchCommand(StampSql);
        stampCommand.Parameters.Add(new() { Value = id.Value });
        stampCommand.Parameters.Add(new() { Value = TableChanges.StreamId });
        stampCommand.Parameters.Add(new() { Value = boardId?.Value ?? Guid.Empty });
        batch.BatchCommands.Add(stampCommand);
        foreach (var command in more) batch.BatchCommands.Add(command);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await account.ReadAsync(reader, ct);
        await reader.ReadAsync(ct);
        var stamp = new FamilyStamp(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        var board = reader.IsDBNull(3) ? null : session.DocumentStore.Options.Serializer().FromJson<Board>(reader, 3);
        if (read is not null)
        {
            await reader.NextResultAsync(ct);
            await read(reader);
        }
        return (stamp, board);
    }

    private async Task<FamilyContext?> ResolveAsync(FamilyId id, FamilyStamp stamp, CancellationToken ct)
    {
        if (stamp.Family == 0) return null;
        if (snapshots.Get(id, stamp) is { } known) return known;
        var loaded = await LoadFamilyAsync(id, ct);
        if (loaded is not null) snapshots.Keep(id, stamp, loaded);
        return loaded;
    }

    private async Task<FamilyContext?> LoadFamilyAsync(FamilyId id, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var family = batch.Load<Family>(id);
        var state = batch.Events.FetchStreamState(id.Value);
        var table = batch.Events.FetchStreamState(TableChanges.StreamId);
        var members = batch.Query<Person>(
            "where d.id in (select (jsonb_array_elements_text(r.data -> 'PersonIds'))::uuid from network.mt_doc_familyroster r where r.id = ?)",
            id.Value);
        await batch.Execute(ct);
        if (await family is not { } loaded) return null;
        var people = await PeopleLookup.ResolveAsync(session, loaded.Members.Select(m => m.PersonId), await members, ct);
        return new FamilyContext(loaded, (await state)?.Version ?? 0, people, await tables.LoadAsync(session, (await table)?.Version ?? 0, ct));
    }

    // A board never moves to another family, nor between main and themed: once known, the board
    // is read in the same round trip as the family's stamp (its title or state may change, so the
    // board itself is not kept).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<BoardId, (FamilyId Family, bool Themed)> BoardPlaces = new();

    public async Task<BoardContext?> BoardAsync(BoardId id, CancellationToken ct) => (await BoardAsync<bool>(id, null, ct)).Board;

    /// <summary>
    /// A board with its family, and in the same round trip what <paramref name="more"/> asks of the
    /// board's place (its family, and whether it is a themed board): a timeline read sends its rows
    /// with it. What <paramref name="more"/> reads is the caller's to decide on; with no board, default.
    /// </summary>
    public async Task<(BoardContext? Board, T? More)> BoardAsync<T>(
        BoardId id, (Func<FamilyId, bool, IEnumerable<Npgsql.NpgsqlBatchCommand>> Commands, Func<Npgsql.NpgsqlDataReader, Task<T>> Read)? more, CancellationToken ct)
    {
        if (!BoardPlaces.TryGetValue(id, out var place))
        {
            if (await session.LoadAsync<Board>(id, ct) is not { } first) return (null, default);
            BoardPlaces.TryAdd(id, place = (first.FamilyId, first.Themed));
        }
        T? result = default;
        var (stamp, board) = more is { } m
            ? await StampAsync(place.Family, id, m.Commands(place.Family, place.Themed), ct, async r => result = await m.Read(r))
            : await StampAsync(place.Family, id, [], ct);
        var family = await ResolveAsync(place.Family, stamp, ct);
        return family is null || board is null ? (null, default) : (new BoardContext(board, family), result);
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
