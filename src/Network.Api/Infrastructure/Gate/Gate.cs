using Marten;
using Network.Api.Infrastructure.Audit;
using Npgsql;

namespace Network.Api.Infrastructure.Gate;

/// <summary>
/// The one door for person data. A handler asks a pure policy of Network.Domain/Authorization,
/// hands the decision to the gate, and the gate writes the access log from it (one entry per
/// person the decision is about) and answers 404 for what the actor may not know exists, 403 for
/// what they may know but not do. Entries of an allowed write commit in the write's own
/// transaction (<see cref="SaveAsync"/>); reads and refusals are committed by
/// <see cref="GateBehaviour{TMessage,TResponse}"/> before the response leaves.
/// </summary>
public sealed class Gate(IDocumentSession session, AccessLogStore log, NpgsqlDataSource db, TimeProvider clock)
{
    private readonly List<Pending> pending = [];

    private sealed record Pending(AccessRecord Record, bool CommitsWithWrite);

    /// <summary>Ties the entries of one request together.</summary>
    public Guid RequestId { get; } = Guid.CreateVersion7();

    /// <summary>One moment for the whole request: every decision and entry of it is taken at this time.</summary>
    public DateTimeOffset Now { get; } = AccessLogStore.Micro(clock.GetUtcNow());

    /// <summary>Whether the request recorded a decision (the pipeline refuses a person-data request that did not).</summary>
    public bool Decided { get; private set; }

    /// <summary>Records the decision; throws <see cref="ResourceNotFound"/> or <see cref="NotAllowed"/> when it refuses.</summary>
    public Decision Require(Actor actor, AccessAction action, string resource, FamilyId? family, Decision decision, string? onBehalfOf = null)
    {
        Record(actor, action, resource, family, decision.Subjects, onBehalfOf);
        if (!decision.KnowsItExists) throw new ResourceNotFound(resource);
        if (!decision.Allowed) throw new NotAllowed(decision.Reasons);
        return decision;
    }

    /// <summary>Throws like <see cref="Require"/> when the decision refuses, and records it only then (the decision that follows records the access).</summary>
    public void Guard(Actor actor, AccessAction action, string resource, FamilyId? family, Decision decision)
    {
        if (!decision.Allowed) Require(actor, action, resource, family, decision);
    }

    /// <summary>
    /// Records the outcomes of a decision without refusing (a list leaves out what the actor may not see);
    /// onBehalfOf names whom the actor acted for (a consent recorded for a family member), when not themself.
    /// </summary>
    public void Record(Actor actor, AccessAction action, string resource, FamilyId? family, IEnumerable<SubjectOutcome> subjects, string? onBehalfOf = null)
    {
        Decided = true;
        var write = action is AccessAction.Create or AccessAction.Update;
        foreach (var s in subjects)
            pending.Add(new Pending(new AccessRecord(
                Guid.CreateVersion7(), Now, RequestId, action, s.Person?.Value, family?.Value, resource, actor.UserId.Value,
                actor.DisplayName, actor.Role.ToString(), actor.Organisation, actor.PersonId?.Value, onBehalfOf, s.Basis,
                s.BasisCategory, s.Allowed), write && s.Allowed));
    }

    /// <summary>Nothing exists under this id: there is no one's data to log, but the request did decide.</summary>
    public ResourceNotFound NotFound(string resource)
    {
        Decided = true;
        return new ResourceNotFound(resource);
    }

    /// <summary>A list or search that found nothing the actor may see: decided, with no one's data shown.</summary>
    public void NothingShown() => Decided = true;

    /// <summary>
    /// The items of a board the actor may read (oldest first), the timeline's position now, the
    /// family's other boards, and whether older items the actor may read come before them.
    /// </summary>
    public sealed record BoardRead(IReadOnlyList<(ItemRow Row, Decision Decision)> Items, long Position, IReadOnlyList<BoardRef> OtherBoards, bool MoreBefore);

    private readonly Dictionary<(FamilyId, UserId), StandingMemo> memos = [];

    /// <summary>The actor's standings in a family for this request, each worked out once.</summary>
    public StandingMemo Memo(Actor actor, FamilyContext f)
    {
        if (!memos.TryGetValue((f.Id, actor.UserId), out var memo))
            memos[(f.Id, actor.UserId)] = memo = new StandingMemo(f.Family, actor, f.BirthDates, Now);
        return memo;
    }

    /// <summary>
    /// Reads a board: the board decision (404 for a family the actor may not know), then every item
    /// through the item decision; what the actor may not read is not there for them. The main board
    /// shows the items of all the family's boards. With <paramref name="since"/> every change after
    /// it; otherwise the newest <paramref name="limit"/> items the actor may read before
    /// <paramref name="before"/>, paging on past what they may not read, so that neither the page
    /// nor "more before" hints at it. Logged once for the family as a whole and once for each
    /// person whose items were shown.
    /// </summary>
    public async Task<BoardRead> ReadBoardAsync(Actor actor, BoardContext board, long since, CancellationToken ct, long? before = null, int limit = int.MaxValue)
    {
        var batch = BatchSize(since, limit);
        var first = await ItemRows.OnBoardAsync(db, board.Family.Id.Value, board.Board.Id.Value, !board.Board.Themed, since, before, batch, ct);
        return await ReadBoardAsync(actor, board, first, since, limit, batch, ct);
    }

    /// <summary>
    /// Like <see cref="ReadBoardAsync(Actor, BoardContext, long, CancellationToken, long?, int)"/>
    /// for a board known by its id only: the board, its family's stamp and the rows come in one
    /// round trip (404 for a board that does not exist, as for one the actor may not know).
    /// </summary>
    public async Task<(BoardContext Board, BoardRead Read)> ReadBoardAsync(
        Actor actor, BoardId id, FamilyContexts families, long since, CancellationToken ct, long? before = null, int limit = int.MaxValue)
    {
        var batch = BatchSize(since, limit);
        var (board, first) = await families.BoardAsync<ItemRows.BoardRows>(id,
            ((family, themed) => ItemRows.OnBoardCommands(family.Value, id.Value, !themed, since, before, batch), r => ItemRows.ReadOnBoardAsync(r, ct)), ct);
        if (board is null || first is null) throw NotFound("board");
        return (board, await ReadBoardAsync(actor, board, first, since, limit, batch, ct));
    }

    private static int BatchSize(long since, int limit) => since > 0 || limit == int.MaxValue ? int.MaxValue : limit + 1;

    private async Task<BoardRead> ReadBoardAsync(
        Actor actor, BoardContext board, ItemRows.BoardRows first,
        long since, int limit, int batch, CancellationToken ct)
    {
        var f = board.Family;
        var resource = $"board:{board.Board.Id}";
        Require(actor, AccessAction.Read, resource, f.Id, board.Read(actor, Now));
        var all = !board.Board.Themed;
        var (rows, position, others) = first;
        var memo = Memo(actor, f);
        var visible = new List<(ItemRow Row, Decision Decision)>();
        void Decide(IEnumerable<ItemRow> candidates)
        {
            foreach (var row in candidates)
            {
                var decision = ItemPolicy.Decide(actor, ItemAction.Read, row.ToFacts(), f.Family, f.BirthDates, f.Table, Now, memo);
                if (decision.Allowed) visible.Add((row, decision));
            }
        }
        Decide(rows);
        var more = false;
        if (since == 0)
        {
            while (limit != int.MaxValue && visible.Count <= limit && rows.Count == batch)
            {
                // Past a page the reader may not read much of, larger steps back.
                batch = Math.Max(batch, 200);
                rows = await ItemRows.PageAsync(db, f.Id.Value, board.Board.Id.Value, all, rows[^1].Position, batch, ct);
                Decide(rows);
            }
            more = visible.Count > limit;
            if (more) visible.RemoveRange(limit, visible.Count - limit);
            visible.Reverse();
        }
        foreach (var (_, decision) in visible)
            Record(actor, AccessAction.Read, resource, f.Id, decision.Subjects.Where(s => s.Person is not null));
        // The family's other boards the actor may open: a board about a child they may not see is not named.
        var boards = others
            .Where(o => FamilyPolicy.SeesBoardAbout(actor, f.Family, f.BirthDates, f.Table, Now, [.. o.About.Select(p => new PersonId(p))]))
            .Select(o => o.Board).ToList();
        BeginFlush();
        return new BoardRead(visible, position, boards, more);
    }

    /// <summary>The board decision alone (joining its live updates), and the timeline's position.</summary>
    public async Task<long> JoinBoardAsync(Actor actor, BoardContext board, CancellationToken ct)
    {
        var f = board.Family;
        Require(actor, AccessAction.Read, $"board:{board.Board.Id}", f.Id, board.Read(actor, Now));
        return await ItemRows.PositionAsync(db, f.Id.Value, ct);
    }

    /// <summary>
    /// A family's plan as the actor may read it: the family decision (404 for a family they may not
    /// know), then every plan item through the item decision. Logged like a board read.
    /// </summary>
    public async Task<(IReadOnlyList<(ItemRow Row, Decision Decision)> Rows, long Position)> ReadPlanAsync(Actor actor, FamilyContext f, CancellationToken ct)
    {
        var resource = $"plan:{f.Id}";
        Require(actor, AccessAction.Read, resource, f.Id, FamilyPolicy.ReadBoard(actor, f.Family, f.BirthDates, f.Table, Now));
        var visible = new List<(ItemRow, Decision)>();
        var (rows, position) = await ItemRows.PlanAsync(db, f.Id.Value, ct);
        var memo = Memo(actor, f);
        foreach (var row in rows)
        {
            var decision = ItemPolicy.Decide(actor, ItemAction.Read, row.ToFacts(), f.Family, f.BirthDates, f.Table, Now, memo);
            if (!decision.Allowed) continue;
            visible.Add((row, decision));
            Record(actor, AccessAction.Read, resource, f.Id, decision.Subjects.Where(s => s.Person is not null));
        }
        BeginFlush();
        return (visible, position);
    }

    /// <summary>The actions assigned to the actor in every family, each still readable by them now.</summary>
    public async Task<IReadOnlyList<(ItemRow Row, FamilyContext Family)>> MyActionsAsync(Actor actor, FamilyContexts families, CancellationToken ct) =>
        await ReadableAsync(actor, await ItemRows.ActionsOfAsync(db, actor.UserId.Value, actor.PersonId?.Value, ct), families, "actions:mine", ct);

    /// <summary>The appointments coming up that the actor takes part in, each still readable by them now.</summary>
    public async Task<IReadOnlyList<(ItemRow Row, FamilyContext Family)>> MyAppointmentsAsync(Actor actor, FamilyContexts families, CancellationToken ct)
    {
        var rows = await ItemRows.AppointmentsOfAsync(db, actor.UserId.Value, actor.PersonId?.Value, Now, ct);
        return await ReadableAsync(actor, [.. rows.Where(r => !r.Details.Cancelled)], families, "appointments:mine", ct);
    }

    /// <summary>Of rows found for the actor across families, those they may read now, each logged as found by a search.</summary>
    private async Task<IReadOnlyList<(ItemRow Row, FamilyContext Family)>> ReadableAsync(
        Actor actor, IReadOnlyList<ItemRow> rows, FamilyContexts families, string resource, CancellationToken ct)
    {
        NothingShown();
        var byFamily = await families.LoadManyAsync([.. rows.Select(r => r.FamilyId).Distinct()], ct);
        var result = new List<(ItemRow, FamilyContext)>();
        foreach (var row in rows)
        {
            if (byFamily.FirstOrDefault(x => x.Id.Value == row.FamilyId) is not { } f) continue;
            var decision = ItemPolicy.Decide(actor, ItemAction.Read, row.ToFacts(), f.Family, f.BirthDates, f.Table, Now, Memo(actor, f));
            if (!decision.Allowed) continue;
            result.Add((row, f));
            Record(actor, AccessAction.Search, resource, f.Id, decision.Subjects);
        }
        return result;
    }

    /// <summary>What changed since a moment in the families the actor is connected to, each item still readable by them now.</summary>
    public async Task<IReadOnlyList<(ItemRow Row, FamilyContext Family)>> ChangedSinceAsync(
        Actor actor, FamilyContexts families, DateTimeOffset since, int limit, CancellationToken ct)
    {
        var connected = await families.ConnectedToAsync(actor, ct);
        var rows = connected.Count == 0 ? [] : await ItemRows.ChangedSinceAsync(db, [.. connected.Select(f => f.Id.Value)], since, limit, ct);
        return await ReadableAsync(actor, rows, families, "home:new", ct);
    }

    /// <summary>
    /// A search over the given families (each one the actor may read): every candidate goes through
    /// the item decision before it is counted, and candidates are read in batches until the page
    /// and one more are found, so what the actor may not read never shows, counts or moves another
    /// result. Returns one page and whether another follows.
    /// </summary>
    public async Task<(IReadOnlyList<(ItemRow Row, string Snippet, FamilyContext Family)> Hits, bool More)> SearchAsync(
        Actor actor, IReadOnlyDictionary<Guid, FamilyContext> families, string words, SearchFilter filter, int skip, int take, CancellationToken ct)
    {
        const int batch = 500;
        NothingShown();
        if (families.Count == 0) return ([], false);
        var hits = new List<(ItemRow, string, FamilyContext)>();
        var visible = 0;
        (DateTimeOffset, Guid)? after = null;
        while (true)
        {
            var candidates = await ItemRows.SearchAsync(db, [.. families.Keys], words, filter, after, batch, ct);
            foreach (var (row, snippet) in candidates)
            {
                var f = families[row.FamilyId];
                var decision = ItemPolicy.Decide(actor, ItemAction.Read, row.ToFacts(), f.Family, f.BirthDates, f.Table, Now, Memo(actor, f));
                if (!decision.Allowed || visible++ < skip) continue;
                if (hits.Count == take) return (hits, true);
                Record(actor, AccessAction.Search, "search", f.Id, decision.Subjects.Where(s => s.Person is not null));
                hits.Add((row, snippet, f));
            }
            if (candidates.Count < batch) return (hits, false);
            after = (candidates[^1].Row.PostedAt, candidates[^1].Row.Id);
        }
    }

    /// <summary>
    /// Every item of a family's plan, for the snapshot a new version records. Nothing of it goes
    /// back to the caller: each reader of the version later sees only the entries they may read.
    /// </summary>
    public async Task<IReadOnlyList<ItemRow>> PlanSnapshotAsync(FamilyContext f, CancellationToken ct) => (await ItemRows.PlanAsync(db, f.Id.Value, ct)).Rows;

    /// <summary>The texts of the goals of the actor's actions, for the goals the actor may read.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> GoalTextsAsync(
        Actor actor, IReadOnlyList<(ItemRow Row, FamilyContext Family)> actions, CancellationToken ct)
    {
        var texts = new Dictionary<Guid, string>();
        foreach (var (row, f) in actions)
        {
            if (row.Details.Goal is not { } goalId || texts.ContainsKey(goalId)) continue;
            var goal = await ItemRows.ByIdAsync(db, goalId, ct);
            if (goal is not null && ItemPolicy.Decide(actor, ItemAction.Read, goal.ToFacts(), f.Family, f.BirthDates, f.Table, Now).Allowed)
                texts[goalId] = goal.Text;
        }
        return texts;
    }

    /// <summary>One item the actor may read (404 otherwise), with its family; logged as a read or, for a download, an export.</summary>
    public async Task<(ItemRow Row, FamilyContext Family, Decision Decision)> ReadItemAsync(
        Actor actor, ItemId id, FamilyContexts families, CancellationToken ct, AccessAction action = AccessAction.Read)
    {
        var row = await ItemRows.ByIdAsync(db, id.Value, ct) ?? throw NotFound("item");
        var family = await families.LoadAsync(new FamilyId(row.FamilyId), ct) ?? throw NotFound("item");
        var decision = Require(actor, action, $"item:{id}", family.Id,
            ItemPolicy.Decide(actor, ItemAction.Read, row.ToFacts(), family.Family, family.BirthDates, family.Table, Now));
        return (row, family, decision);
    }

    /// <summary>Where an item the actor just wrote stands on its family's timeline (no content: not logged).</summary>
    public Task<long> PositionOfAsync(ItemId id, CancellationToken ct) => ItemRows.PositionOfAsync(db, id.Value, ct);

    /// <summary>Saves the session's changes; the entries of the allowed writes commit in the same transaction.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        AccessLogStore.Queue(session, [.. pending.Where(p => p.CommitsWithWrite).Select(p => p.Record)]);
        await session.SaveChangesAsync(ct);
        pending.RemoveAll(p => p.CommitsWithWrite);
    }

    private Task? flushing;

    /// <summary>
    /// Starts committing the entries recorded so far (a read's), while the caller builds what it
    /// shows; <see cref="FlushAsync"/> waits for that commit, so nothing leaves before it is durable.
    /// </summary>
    public void BeginFlush()
    {
        var records = Unflushed();
        if (records.Count == 0) return;
        var before = flushing;
        flushing = AppendAfterAsync(before, records);
    }

    private async Task AppendAfterAsync(Task? before, IReadOnlyCollection<AccessRecord> records)
    {
        if (before is not null) await before;
        await log.AppendAsync(records, CancellationToken.None);
    }

    /// <summary>
    /// Commits the entries not yet committed: reads and refusals, each person once per request.
    /// An allowed write that never committed did not happen, so it leaves no entry.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var records = Unflushed();
        pending.Clear();
        if (flushing is { } started)
        {
            flushing = null;
            await started;
        }
        await log.AppendAsync(records, ct);
    }

    private List<AccessRecord> Unflushed()
    {
        var records = pending
            .Where(p => !p.CommitsWithWrite)
            .Select(p => p.Record)
            .DistinctBy(r => (r.Action, r.PersonId, r.FamilyId, r.Resource, r.Basis, r.Allowed))
            .ToList();
        pending.RemoveAll(p => !p.CommitsWithWrite);
        return records;
    }
}
