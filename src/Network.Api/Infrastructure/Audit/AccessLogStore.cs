using System.Text.Json;
using Marten;
using Network.Domain.Authorization;
using Npgsql;
using NpgsqlTypes;

namespace Network.Api.Infrastructure.Audit;

/// <summary>
/// The NEN 7513 access log in PostgreSQL (schema "audit"): append-only (a trigger refuses updates
/// and deletes), one hash chain per family (or per person outside any family), and anchors that
/// chain the heads of all chains. The database computes each entry's hash in
/// <c>audit.append</c>, locking only that chain's head row, so an entry commits in the same
/// transaction as the write it records and requests about different families never wait for
/// each other. <see cref="AccessLogChain.Canonical"/> is the same text in C#, for verification.
/// </summary>
public sealed class AccessLogStore(NpgsqlDataSource db)
{
    public const string Schema = """
        create schema if not exists audit;
        do $$ begin
          -- The first log (one global chain) is kept as it was, under another name.
          if exists (select 1 from information_schema.tables where table_schema = 'audit' and table_name = 'access_log')
             and not exists (select 1 from information_schema.columns
                             where table_schema = 'audit' and table_name = 'access_log' and column_name = 'chain_key') then
            alter table audit.access_log rename to access_log_v1;
          end if;
        end $$;
        create table if not exists audit.chain (
            chain_key uuid primary key,
            sequence bigint not null,
            hash text not null);
        create table if not exists audit.access_log (
            chain_key uuid not null,
            sequence bigint not null,
            id uuid not null,
            at timestamptz not null,
            request_id uuid not null,
            action text not null,
            person_id uuid null,
            family_id uuid null,
            resource text not null,
            user_id uuid not null,
            user_name text not null,
            role text not null,
            organisation text null,
            actor_person_id uuid null,
            on_behalf_of text null,
            basis text not null,
            basis_category text not null,
            allowed boolean not null,
            previous_hash text not null,
            hash text not null,
            primary key (chain_key, sequence));
        create index if not exists ix_access_log_family_at on audit.access_log (family_id, at);
        create index if not exists ix_access_log_person_at on audit.access_log (person_id, at);
        create table if not exists audit.anchor (
            number bigint primary key,
            at timestamptz not null,
            heads jsonb not null,
            previous_hash text not null,
            hash text not null);

        create or replace function audit.refuse_change() returns trigger language plpgsql as
            $f$ begin raise exception 'the access log is append-only'; end $f$;
        drop trigger if exists access_log_append_only on audit.access_log;
        create trigger access_log_append_only before update or delete or truncate on audit.access_log
            for each statement execute function audit.refuse_change();
        drop trigger if exists anchor_append_only on audit.anchor;
        create trigger anchor_append_only before update or delete or truncate on audit.anchor
            for each statement execute function audit.refuse_change();
        create or replace function audit.chain_moves_forward() returns trigger language plpgsql as $f$
        begin
          if tg_op = 'DELETE' or new.chain_key <> old.chain_key or new.sequence <= old.sequence then
            raise exception 'a chain head only moves forward';
          end if;
          return new;
        end $f$;
        drop trigger if exists chain_forward_only on audit.chain;
        create trigger chain_forward_only before update or delete on audit.chain
            for each row execute function audit.chain_moves_forward();
        drop trigger if exists chain_no_truncate on audit.chain;
        create trigger chain_no_truncate before truncate on audit.chain
            for each statement execute function audit.refuse_change();

        -- Appends entries (a JSON array) to their chains (a procedure: a call returns no rows, so it can ride in Marten's batch). Keep the canonical text in step with
        -- AccessLogChain.Canonical. Chains are locked in key order, so two requests never deadlock.
        -- An older database has append as a function; "drop function" fails on the procedure, which
        -- every start after the first finds (and several instances each apply this at start-up).
        do $d$ begin
          if exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                     where n.nspname = 'audit' and p.proname = 'append' and p.prokind = 'f') then
            drop function audit.append(jsonb);
          end if;
        end $d$;
        create or replace procedure audit.append(entries jsonb) language plpgsql as $f$
        declare
          k uuid;
          e jsonb;
          seq bigint;
          prev text;
          at timestamptz;
          h text;
        begin
          -- Each chain once: its head locked, its entries hashed and inserted in order, the head moved once.
          for k in select distinct (x.value->>'chain')::uuid from jsonb_array_elements(entries) x order by 1 loop
            insert into audit.chain (chain_key, sequence, hash)
              values (k, 0, '0000000000000000000000000000000000000000000000000000000000000000')
              on conflict (chain_key) do nothing;
            select c.sequence, c.hash into seq, prev from audit.chain c where c.chain_key = k for update;
            for e in select x.value from jsonb_array_elements(entries) with ordinality as x(value, n)
                     where (x.value->>'chain')::uuid = k order by x.n loop
              seq := seq + 1;
              at := (e->>'at')::timestamptz;
              h := encode(sha256(convert_to(concat_ws(chr(31),
                     seq::text, e->>'chain', e->>'id',
                     to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e->>'request',
                     e->>'action', coalesce(e->>'person', ''), coalesce(e->>'family', ''), e->>'resource',
                     e->>'user', e->>'user_name', e->>'role', coalesce(e->>'organisation', ''),
                     coalesce(e->>'actor_person', ''), coalesce(e->>'on_behalf_of', ''), e->>'basis', e->>'basis_category',
                     case when (e->>'allowed')::boolean then 'allowed' else 'denied' end, prev), 'UTF8')), 'hex');
              insert into audit.access_log (chain_key, sequence, id, at, request_id, action, person_id, family_id, resource,
                  user_id, user_name, role, organisation, actor_person_id, on_behalf_of, basis, basis_category, allowed,
                  previous_hash, hash)
                values (k, seq, (e->>'id')::uuid, at, (e->>'request')::uuid, e->>'action', (e->>'person')::uuid,
                  (e->>'family')::uuid, e->>'resource', (e->>'user')::uuid, e->>'user_name', e->>'role', e->>'organisation',
                  (e->>'actor_person')::uuid, e->>'on_behalf_of', e->>'basis', e->>'basis_category',
                  (e->>'allowed')::boolean, prev, h);
              prev := h;
            end loop;
            update audit.chain set sequence = seq, hash = prev where chain_key = k;
          end loop;
        end $f$;

        -- The entries of a write wait here until its transaction commits: a deferred trigger appends
        -- them then, so the family's chain head is locked only during the commit (concurrent writers
        -- of one family wait for each other's commit, never for a round trip to the API). The row
        -- goes again at once; the entries stay with the write: both commit, or neither.
        create table if not exists audit.pending (id uuid primary key default gen_random_uuid(), entries jsonb not null);
        alter table audit.pending add column if not exists id uuid not null primary key default gen_random_uuid();
        create or replace function audit.append_pending() returns trigger language plpgsql as $f$
        begin
          call audit.append(new.entries);
          delete from audit.pending where id = new.id;
          return null;
        end $f$;
        do $d$ begin
          if not exists (select 1 from pg_trigger where tgname = 'pending_appended_at_commit' and tgrelid = 'audit.pending'::regclass) then
            create constraint trigger pending_appended_at_commit after insert on audit.pending
              deferrable initially deferred for each row execute function audit.append_pending();
          end if;
        end $d$;
        """;

    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand(Schema);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The moment as PostgreSQL keeps it (microseconds), so the hash the database computes is the one C# recomputes.</summary>
    public static DateTimeOffset Micro(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>Adds the entries to the session's unit of work: they commit with the write they record (appended as it commits), or not at all.</summary>
    public static void Queue(IDocumentSession session, IReadOnlyCollection<AccessRecord> records)
    {
        if (records.Count > 0) session.QueueSqlCommand("insert into audit.pending (entries) values (?::jsonb)", Json(records));
    }

    /// <summary>Appends entries in their own transaction (reads, refusals); returns when they are committed.</summary>
    public async Task AppendAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        await using var command = db.CreateCommand("call audit.append($1::jsonb)");
        command.Parameters.Add(new() { Value = Json(records), NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Json(IEnumerable<AccessRecord> records) => JsonSerializer.Serialize(records.Select(r => new Dictionary<string, object?>
    {
        ["chain"] = r.Chain.ToString("N"),
        ["id"] = r.Id.ToString("N"),
        ["at"] = Micro(r.At).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
        ["request"] = r.RequestId.ToString("N"),
        ["action"] = r.Action.ToString(),
        ["person"] = r.PersonId?.ToString("N"),
        ["family"] = r.FamilyId?.ToString("N"),
        ["resource"] = r.Resource,
        ["user"] = r.UserId.ToString("N"),
        ["user_name"] = r.UserName,
        ["role"] = r.Role,
        ["organisation"] = r.Organisation,
        ["actor_person"] = r.ActorPersonId?.ToString("N"),
        ["on_behalf_of"] = r.OnBehalfOf,
        ["basis"] = r.Basis.ToString(),
        ["basis_category"] = r.BasisCategory.ToString(),
        ["allowed"] = r.Allowed,
    }));

    private const string Columns = """
        chain_key, sequence, id, at, request_id, action, person_id, family_id, resource, user_id, user_name, role,
        organisation, actor_person_id, on_behalf_of, basis, basis_category, allowed, previous_hash, hash
        """;

    /// <summary>Every entry of one chain, or of all chains, in chain and sequence order.</summary>
    public async IAsyncEnumerable<AccessLogEntry> EntriesAsync(Guid? chain, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"select {Columns} from audit.access_log {(chain is null ? "" : "where chain_key = $1")} order by chain_key, sequence");
        if (chain is not null) command.Parameters.Add(new() { Value = chain.Value });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return Read(reader);
    }

    /// <summary>Entries matching a filter (for tests and the crash check): by family, or by resource.</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> FindAsync(Guid? family, string? resource, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            select {Columns} from audit.access_log
            where ($1::uuid is null or family_id = $1) and ($2::text is null or resource = $2)
            order by at, chain_key, sequence
            """);
        command.Parameters.Add(new() { Value = (object?)family ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)resource ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var entries = new List<AccessLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) entries.Add(Read(reader));
        return entries;
    }

    public async Task<IReadOnlyList<ChainHead>> HeadsAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand("select chain_key, sequence, hash from audit.chain order by chain_key");
        var heads = new List<ChainHead>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) heads.Add(new ChainHead(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2)));
        return heads;
    }

    private static AccessLogEntry Read(NpgsqlDataReader r)
    {
        Guid? Id(int i) => r.IsDBNull(i) ? null : r.GetGuid(i);
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var record = new AccessRecord(
            r.GetGuid(2), new DateTimeOffset(r.GetDateTime(3), TimeSpan.Zero), r.GetGuid(4), Enum.Parse<AccessAction>(r.GetString(5)),
            Id(6), Id(7), r.GetString(8), r.GetGuid(9), r.GetString(10), r.GetString(11), Text(12), Id(13), Text(14),
            Enum.Parse<AccessBasis>(r.GetString(15)), Enum.Parse<InformationCategory>(r.GetString(16)), r.GetBoolean(17));
        return new AccessLogEntry(r.GetInt64(1), record, r.GetString(18), r.GetString(19));
    }
}
