using System.Text.Json.Serialization;
using Npgsql;

namespace Network.Api.Infrastructure.Gate;

/// <summary>
/// One item as the read model holds it: what the policy decides on (category, subjects, author,
/// organisation, audience, assigned to, for the network) beside what is shown.
/// <see cref="Position"/> is the family timeline's position of the item's last change;
/// <see cref="Version"/> the item stream's version.
/// </summary>
public sealed record ItemRow(
    Guid Id, Guid FamilyId, Guid[] Boards, long Position, long Version, ItemKind Kind, Guid AuthorId, string AuthorName,
    ActorRole AuthorRole, Guid? AuthorOrganisation, string? AuthorOrganisationName, string Text, InformationCategory Category,
    Guid[] About, AudienceKind Audience, Guid[] Named, Guid[] AssignedTo, bool ForNetwork, DateTimeOffset PostedAt,
    DateTimeOffset ChangedAt, bool Corrected, bool EnteredInError, string? ErrorReason, Guid[] AssignedPersons, ItemDetails Details)
{
    public ItemFacts ToFacts() => FactsOf(Category, About, AuthorId, AuthorOrganisation, Audience, Named, AssignedTo, ForNetwork, AssignedPersons);

    /// <summary>What the policy decides on, from the read model's columns.</summary>
    public static ItemFacts FactsOf(
        InformationCategory category, Guid[] about, Guid author, Guid? authorOrganisation, AudienceKind audience, Guid[] named,
        Guid[] assignedTo, bool forNetwork, Guid[] assignedPersons) => new(
        category, [.. about.Select(p => new PersonId(p))], new UserId(author),
        authorOrganisation is { } o ? new OrganisationId(o) : null,
        new Audience(audience, [.. named.Select(u => new UserId(u))]),
        [.. assignedTo.Select(u => new UserId(u))], forNetwork, [.. assignedPersons.Select(p => new PersonId(p))]);
}

/// <summary>
/// What a plan item, version or agreement holds beyond every item (the read model's details
/// column, kept by <see cref="Marten.ItemRowsProjection"/>). Nothing is written that is not set,
/// so a note's details are <c>{}</c> and are not parsed when read (<see cref="Parse"/>).
/// </summary>
public sealed record ItemDetails(
    Guid? Goal = null, string? Target = null, List<ScalePoint>? Scales = null, DateOnly? Due = null, Owner? Owner = null,
    ActionStatus? Status = null, string? StatusReason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ProposalState Proposal = ProposalState.None,
    string? ProposalReason = null, PlanVersionFields? Version = null, AgreementFields? Agreement = null,
    DocumentFile? Document = null, List<DocumentVersionEntry>? DocumentVersions = null, AppointmentFields? Appointment = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Cancelled = false, string? CancelReason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Sequence = 0,
    List<ReplyEntry>? Replies = null, ConsultationState? Consultation = null, MinutesFields? Minutes = null,
    List<DecidedInConsultation>? DecidedIn = null)
{
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static ItemDetails Of(ItemPosted p) => new(
        p.Plan?.Goal?.Value, p.Plan?.Target, p.Plan?.Scale is { } s ? [s] : null, p.Plan?.Due, p.Plan?.Owner,
        p.Kind == ItemKind.Action ? ActionStatus.Open : null, null, p.Plan?.Proposed == true ? ProposalState.Proposed : ProposalState.None, null,
        p.Version, p.Agreement,
        p.Document, p.Document is { } d ? [new DocumentVersionEntry(1, d, p.At, p.AuthorName)] : null,
        p.Appointment, Consultation: p.Consultation is { } c ? ConsultationState.New(c) : null, Minutes: p.Minutes);

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json);

    /// <summary>What most items (notes) hold beyond every item: nothing.</summary>
    private static readonly ItemDetails None = new();

    public static ItemDetails Parse(string json) => json == "{}" ? None : System.Text.Json.JsonSerializer.Deserialize<ItemDetails>(json, Json) ?? new();

    [JsonIgnore]
    public bool InPlan => Proposal is ProposalState.None or ProposalState.Accepted;
}

/// <summary>One version of a document, kept in the item's details.</summary>
public sealed record DocumentVersionEntry(int Version, DocumentFile File, DateTimeOffset At, string ByName);

/// <summary>A reply under an item, kept in the item's details: whoever reads the item reads its replies.</summary>
public sealed record ReplyEntry(Guid ReplyId, Guid AuthorId, string AuthorName, ActorRole AuthorRole, string Text, DateTimeOffset At);

/// <summary>What a search narrows to, besides the words.</summary>
public sealed record SearchFilter(Guid? Board, InformationCategory? Category, ItemKind? Kind, DateTimeOffset? From, DateTimeOffset? To, Guid? Author);

/// <summary>
/// The item read model: a table of items indexed by family and timeline position, and by the
/// persons an item is about. Only the gate reads it (a test checks that nothing else does);
/// <see cref="Marten.ItemRowsProjection"/> writes it in the same transaction as the item's events.
/// </summary>
public static class ItemRows
{
    public const string Schema = """
        create sequence if not exists network.item_position;
        create table if not exists network.item_positions (
            family_id uuid primary key,
            position bigint not null);
        create table if not exists network.items (
            id uuid primary key,
            family_id uuid not null,
            boards uuid[] not null,
            position bigint not null,
            version bigint not null,
            kind text not null,
            author_id uuid not null,
            author_name text not null,
            author_role text not null,
            author_organisation uuid null,
            author_organisation_name text null,
            text text not null,
            category text not null,
            about uuid[] not null,
            audience text not null,
            named uuid[] not null,
            assigned_to uuid[] not null,
            for_network boolean not null,
            posted_at timestamptz not null,
            changed_at timestamptz not null,
            corrected boolean not null default false,
            entered_in_error boolean not null default false,
            error_reason text null);
        alter table network.items add column if not exists assigned_persons uuid[] not null default '{}';
        alter table network.items add column if not exists details jsonb not null default '{}';
        create index if not exists ix_items_family_position on network.items (family_id, position);

        -- A change is written with position 0 and placed on its family's timeline at commit: a
        -- deferred trigger takes the family's next position (locking its row in item_positions)
        -- only while the transaction commits, so positions follow commit order and concurrent
        -- writers of one family wait for each other's commit, never for a round trip to the API.
        create or replace function network.place_item() returns trigger language plpgsql as $f$
        declare placed bigint;
        begin
          insert into network.item_positions as p (family_id, position) values (new.family_id, nextval('network.item_position'))
            on conflict (family_id) do update set position = nextval('network.item_position')
            returning p.position into placed;
          update network.items set position = placed where id = new.id;
          return null;
        end $f$;
        do $d$ begin
          if not exists (select 1 from pg_trigger where tgname = 'item_placed_at_commit' and tgrelid = 'network.items'::regclass) then
            create constraint trigger item_placed_at_commit after insert or update on network.items
              deferrable initially deferred for each row when (new.position = 0) execute function network.place_item();
          end if;
        end $d$;
        create index if not exists ix_items_about on network.items using gin (about);
        create index if not exists ix_items_family_kind on network.items (family_id, kind);
        create index if not exists ix_items_assigned_to on network.items using gin (assigned_to) where kind = 'Action';
        create index if not exists ix_items_assigned_persons on network.items using gin (assigned_persons) where kind = 'Action';
        alter table network.items add column if not exists starts_at timestamptz null;
        alter table network.items add column if not exists participants uuid[] not null default '{}';
        drop index if exists network.ix_items_participants;
        create index if not exists ix_items_participants_meetings on network.items using gin (participants) where kind in ('Appointment', 'Consultation');
        alter table network.items add column if not exists search tsvector generated always as (to_tsvector('dutch', text)) stored;
        create index if not exists ix_items_search on network.items using gin (search);
        -- Details written before their defaults were left out (ItemDetails): the same details without
        -- them, once (afterwards no row has 'inPlan').
        update network.items set details = details - 'inPlan'
            - case when details ->> 'proposal' = 'None' then 'proposal' else '' end
            - case when details -> 'cancelled' = 'false' then 'cancelled' else '' end
            - case when details -> 'sequence' = '0' then 'sequence' else '' end
          where details ? 'inPlan';
        """;

    private const string Columns = """
        id, family_id, boards, position, version, kind, author_id, author_name, author_role, author_organisation,
        author_organisation_name, text, category, about, audience, named, assigned_to, for_network, posted_at, changed_at,
        corrected, entered_in_error, error_reason, assigned_persons, details::text
        """;

    /// <summary>A board's rows as read: the items, the family timeline's position, the family's other boards.</summary>
    public sealed record BoardRows(IReadOnlyList<ItemRow> Rows, long Position, IReadOnlyList<(BoardRef Board, Guid[] About)> OtherBoards);

    /// <summary>
    /// The items shown on a board (every board of the family: <paramref name="all"/>), the family
    /// timeline's position now (read first), and the family's other boards: one round trip. With
    /// <paramref name="since"/> &gt; 0 every item that changed after it, oldest first; otherwise the
    /// newest <paramref name="limit"/> before <paramref name="before"/> (null: from the newest), newest first.
    /// </summary>
    public static async Task<BoardRows> OnBoardAsync(
        NpgsqlDataSource db, Guid family, Guid board, bool all, long since, long? before, int limit, CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        foreach (var command in OnBoardCommands(family, board, all, since, before, limit)) batch.BatchCommands.Add(command);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await ReadOnBoardAsync(reader, ct);
    }

    /// <summary>The commands of <see cref="OnBoardAsync"/>, to send in a batch with others.</summary>
    public static IEnumerable<NpgsqlBatchCommand> OnBoardCommands(Guid family, Guid board, bool all, long since, long? before, int limit)
    {
        var head = new NpgsqlBatchCommand("select coalesce((select position from network.item_positions where family_id = $1), 0)");
        head.Parameters.Add(new() { Value = family });
        var boards = new NpgsqlBatchCommand("""
            select id, data ->> 'Title', coalesce((data ->> 'Themed')::boolean, false), coalesce((data ->> 'Closed')::boolean, false),
                array(select jsonb_array_elements_text(case jsonb_typeof(data -> 'About') when 'array' then data -> 'About' else '[]' end)::uuid)
            from network.mt_doc_boardlisting
            where CAST(data ->> 'FamilyId' as uuid) = $1 and id <> $2 order by data ->> 'OpenedAt'
            """);
        boards.Parameters.Add(new() { Value = family });
        boards.Parameters.Add(new() { Value = board });
        return [head, Rows(family, board, all, since, before, limit), boards];
    }

    /// <summary>Reads the results of <see cref="OnBoardCommands"/>, the reader standing on the first of them.</summary>
    public static async Task<BoardRows> ReadOnBoardAsync(
        NpgsqlDataReader reader, CancellationToken ct)
    {
        await reader.ReadAsync(ct);
        var position = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var result = new List<ItemRow>();
        while (await reader.ReadAsync(ct)) result.Add(Read(reader));
        await reader.NextResultAsync(ct);
        var others = new List<(BoardRef, Guid[])>();
        while (await reader.ReadAsync(ct))
            others.Add((new BoardRef(reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3)), reader.GetFieldValue<Guid[]>(4)));
        return new BoardRows(result, position, others);
    }

    /// <summary>The next page back: the newest <paramref name="limit"/> items of the board before a position.</summary>
    public static async Task<IReadOnlyList<ItemRow>> PageAsync(
        NpgsqlDataSource db, Guid family, Guid board, bool all, long before, int limit, CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(Rows(family, board, all, 0, before, limit));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var result = new List<ItemRow>();
        while (await reader.ReadAsync(ct)) result.Add(Read(reader));
        return result;
    }

    private static NpgsqlBatchCommand Rows(Guid family, Guid board, bool all, long since, long? before, int limit)
    {
        var onBoard = all ? "" : "and boards @> array[$3]::uuid[]";
        var command = since > 0
            ? new NpgsqlBatchCommand($"""
                select {Columns} from network.items
                where family_id = $1 and position > $2 {onBoard} order by position
                """)
            : new NpgsqlBatchCommand($"""
                select {Columns} from network.items
                where family_id = $1 and position < $2 {onBoard} order by position desc limit $4
                """);
        command.Parameters.Add(new() { Value = family });
        command.Parameters.Add(new() { Value = since > 0 ? since : before ?? long.MaxValue });
        command.Parameters.Add(new() { Value = board });
        command.Parameters.Add(new() { Value = limit });
        return command;
    }

    /// <summary>
    /// Items of the given families whose text matches the words (PostgreSQL's Dutch text search),
    /// newest first, older than <paramref name="after"/> (the last of the previous batch), with a
    /// plain-text snippet around the words; at most <paramref name="max"/>. What the caller may read
    /// of them is the gate's to decide.
    /// </summary>
    public static async Task<IReadOnlyList<(ItemRow Row, string Snippet)>> SearchAsync(
        NpgsqlDataSource db, Guid[] families, string words, SearchFilter filter, (DateTimeOffset PostedAt, Guid Id)? after, int max, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            select {Columns}, ts_headline('dutch', text, q, 'MaxWords=30, MinWords=12, MaxFragments=1, StartSel=«, StopSel=»')
            from network.items, websearch_to_tsquery('dutch', $2) q
            where family_id = any($1) and search @@ q and not entered_in_error
              and ($3::uuid is null or boards @> array[$3::uuid]) and ($4::text is null or category = $4) and ($5::text is null or kind = $5)
              and ($6::timestamptz is null or posted_at >= $6) and ($7::timestamptz is null or posted_at < $7) and ($8::uuid is null or author_id = $8)
              and ($10::timestamptz is null or (posted_at, id) < ($10, $11))
            order by posted_at desc, id desc limit $9
            """);
        command.Parameters.Add(new() { Value = families });
        command.Parameters.Add(new() { Value = words });
        command.Parameters.Add(new() { Value = (object?)filter.Board ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)filter.Category?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)filter.Kind?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)filter.From ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)filter.To ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)filter.Author ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = max });
        command.Parameters.Add(new() { Value = (object?)after?.PostedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = after?.Id ?? Guid.Empty, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        var result = new List<(ItemRow, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add((Read(reader), reader.GetString(25)));
        return result;
    }

    /// <summary>The appointments and consultations a user (a professional) or a person (family) takes part in that have not ended by <paramref name="after"/>.</summary>
    public static async Task<IReadOnlyList<ItemRow>> AppointmentsOfAsync(NpgsqlDataSource db, Guid user, Guid? person, DateTimeOffset after, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            select {Columns} from network.items
            where kind in ('Appointment', 'Consultation') and not entered_in_error and participants && $1 and starts_at > $2
            order by starts_at limit 200
            """);
        command.Parameters.Add(new() { Value = person is { } p ? new[] { user, p } : new[] { user } });
        command.Parameters.Add(new() { Value = after.AddDays(-1) });
        return [.. (await ReadAllAsync(command, ct)).Where(r => r.Details.Appointment is { } a && a.Start.AddMinutes(a.DurationMinutes) > after)];
    }

    /// <summary>The family timeline's newest position: no content, so pushes may carry it.</summary>
    public static async Task<long> PositionAsync(NpgsqlDataSource db, Guid family, CancellationToken ct)
    {
        await using var command = db.CreateCommand("select coalesce((select position from network.item_positions where family_id = $1), 0)");
        command.Parameters.Add(new() { Value = family });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Where an item stands on its family's timeline (0: no such item).</summary>
    public static async Task<long> PositionOfAsync(NpgsqlDataSource db, Guid item, CancellationToken ct)
    {
        await using var command = db.CreateCommand("select coalesce((select position from network.items where id = $1), 0)");
        command.Parameters.Add(new() { Value = item });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// A family's plan (its worries, strengths, goals, actions, versions and agreements) and the
    /// timeline's position, read first: a change after it comes with a later push.
    /// </summary>
    public static async Task<(IReadOnlyList<ItemRow> Rows, long Position)> PlanAsync(NpgsqlDataSource db, Guid family, CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        var head = new NpgsqlBatchCommand("select coalesce((select position from network.item_positions where family_id = $1), 0)");
        head.Parameters.Add(new() { Value = family });
        var rows = new NpgsqlBatchCommand($"""
            select {Columns} from network.items
            where family_id = $1 and kind = any($2) and not entered_in_error order by posted_at, id
            """);
        rows.Parameters.Add(new() { Value = family });
        rows.Parameters.Add(new() { Value = PlanKinds });
        batch.BatchCommands.Add(head);
        batch.BatchCommands.Add(rows);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var position = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var result = new List<ItemRow>();
        while (await reader.ReadAsync(ct)) result.Add(Read(reader));
        return (result, position);
    }

    /// <summary>The actions assigned to a user (a professional) or a person (family or network), in every family.</summary>
    public static async Task<IReadOnlyList<ItemRow>> ActionsOfAsync(NpgsqlDataSource db, Guid user, Guid? person, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            select {Columns} from network.items
            where kind = 'Action' and not entered_in_error
              and (assigned_to @> array[$1]::uuid[] or ($2::uuid is not null and assigned_persons @> array[$2]::uuid[]))
            """);
        command.Parameters.Add(new() { Value = user });
        command.Parameters.Add(new() { Value = (object?)person ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        return await ReadAllAsync(command, ct);
    }

    private static readonly string[] PlanKinds =
        [.. new[] { ItemKind.Worry, ItemKind.Strength, ItemKind.Goal, ItemKind.Action, ItemKind.PlanVersion, ItemKind.PlanAgreement }.Select(k => k.ToString())];

    private static async Task<IReadOnlyList<ItemRow>> ReadAllAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var result = new List<ItemRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(Read(reader));
        return result;
    }

    /// <summary>The items of these families changed after <paramref name="since"/>, newest first (the home's "new since your last visit").</summary>
    public static async Task<IReadOnlyList<ItemRow>> ChangedSinceAsync(NpgsqlDataSource db, Guid[] families, DateTimeOffset since, int limit, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            select {Columns} from network.items
            where family_id = any($1) and changed_at > $2 and not entered_in_error order by changed_at desc limit $3
            """);
        command.Parameters.Add(new() { Value = families });
        command.Parameters.Add(new() { Value = since });
        command.Parameters.Add(new() { Value = limit });
        return await ReadAllAsync(command, ct);
    }

    /// <summary>What a push needs of a changed item: its family, its boards, the facts its readers are decided on, and the family timeline's position now. No content.</summary>
    public sealed record Changed(Guid Id, Guid FamilyId, Guid[] Boards, ItemFacts Facts, long Position);

    /// <summary>The changed items' push facts (<see cref="Changed"/>), in one round trip.</summary>
    public static async Task<IReadOnlyList<Changed>> ChangedAsync(NpgsqlDataSource db, Guid[] items, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            select i.id, i.family_id, i.boards, i.category, i.about, i.author_id, i.author_organisation, i.audience, i.named,
                i.assigned_to, i.for_network, i.assigned_persons, coalesce(p.position, 0)
            from network.items i left join network.item_positions p on p.family_id = i.family_id
            where i.id = any($1)
            """);
        command.Parameters.Add(new() { Value = items });
        await using var r = await command.ExecuteReaderAsync(ct);
        var changed = new List<Changed>();
        while (await r.ReadAsync(ct))
            changed.Add(new Changed(r.GetGuid(0), r.GetGuid(1), r.GetFieldValue<Guid[]>(2), ItemRow.FactsOf(
                Enum.Parse<InformationCategory>(r.GetString(3)), r.GetFieldValue<Guid[]>(4), r.GetGuid(5), r.IsDBNull(6) ? null : r.GetGuid(6),
                Enum.Parse<AudienceKind>(r.GetString(7)), r.GetFieldValue<Guid[]>(8), r.GetFieldValue<Guid[]>(9), r.GetBoolean(10),
                r.GetFieldValue<Guid[]>(11)), r.GetInt64(12)));
        return changed;
    }

    public static async Task<ItemRow?> ByIdAsync(NpgsqlDataSource db, Guid item, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"select {Columns} from network.items where id = $1");
        command.Parameters.Add(new() { Value = item });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static ItemRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetFieldValue<Guid[]>(2), r.GetInt64(3), r.GetInt64(4), Enum.Parse<ItemKind>(r.GetString(5)),
        r.GetGuid(6), r.GetString(7), Enum.Parse<ActorRole>(r.GetString(8)), r.IsDBNull(9) ? null : r.GetGuid(9),
        r.IsDBNull(10) ? null : r.GetString(10), r.GetString(11), Enum.Parse<InformationCategory>(r.GetString(12)),
        r.GetFieldValue<Guid[]>(13), Enum.Parse<AudienceKind>(r.GetString(14)), r.GetFieldValue<Guid[]>(15), r.GetFieldValue<Guid[]>(16),
        r.GetBoolean(17), r.GetFieldValue<DateTimeOffset>(18), r.GetFieldValue<DateTimeOffset>(19), r.GetBoolean(20), r.GetBoolean(21),
        r.IsDBNull(22) ? null : r.GetString(22), r.GetFieldValue<Guid[]>(23), ItemDetails.Parse(r.GetString(24)));
}
