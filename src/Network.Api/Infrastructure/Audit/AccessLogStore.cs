using Network.Domain.Authorization;
using Npgsql;
using NpgsqlTypes;

namespace Network.Api.Infrastructure.Audit;

/// <summary>
/// The NEN 7513 access log in PostgreSQL (schema "audit"). Append-only: a trigger refuses
/// updates and deletes, and the hash chain makes any change that bypasses it detectable.
/// </summary>
public sealed class AccessLogStore(NpgsqlDataSource db)
{
    // One writer at a time extends the chain; the advisory lock is held for the transaction only.
    private const long ChainLock = 7513;

    public const string Schema = """
        create schema if not exists audit;
        create table if not exists audit.access_log (
            sequence bigint primary key,
            id uuid not null,
            at timestamptz not null,
            action text not null,
            person_id uuid null,
            family_id uuid null,
            resource text not null,
            user_id uuid not null,
            user_name text not null,
            role text not null,
            organisation text null,
            on_behalf_of text null,
            basis text not null,
            allowed boolean not null,
            previous_hash text not null,
            hash text not null);
        create index if not exists ix_access_log_person on audit.access_log (person_id);
        create index if not exists ix_access_log_family on audit.access_log (family_id);
        create or replace function audit.refuse_change() returns trigger language plpgsql as
            $$ begin raise exception 'the access log is append-only'; end $$;
        drop trigger if exists access_log_append_only on audit.access_log;
        create trigger access_log_append_only before update or delete or truncate on audit.access_log
            for each statement execute function audit.refuse_change();
        """;

    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand(Schema);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task AppendAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        await using var connection = await db.OpenConnectionAsync(ct);

        // Two round trips: open the transaction, take the chain lock and read the chain head; then
        // insert the new entries and commit. The lock is held until the commit.
        long lastSequence = 0;
        var lastHash = AccessLogChain.Genesis;
        await using (var head = new NpgsqlBatch(connection))
        {
            head.BatchCommands.Add(new NpgsqlBatchCommand("begin"));
            head.BatchCommands.Add(new NpgsqlBatchCommand($"select pg_advisory_xact_lock({ChainLock})"));
            head.BatchCommands.Add(new NpgsqlBatchCommand("select sequence, hash from audit.access_log order by sequence desc limit 1"));
            await using var reader = await head.ExecuteReaderAsync(ct);
            while (await reader.NextResultAsync(ct) && reader.FieldCount < 2) { }
            if (reader.FieldCount == 2 && await reader.ReadAsync(ct)) (lastSequence, lastHash) = (reader.GetInt64(0), reader.GetString(1));
        }

        try
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var e in AccessLogChain.Append(lastSequence, lastHash, records))
                batch.BatchCommands.Add(Insert(e));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("commit"));
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            await using var rollback = new NpgsqlCommand("rollback", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            throw;
        }
    }

    private static NpgsqlBatchCommand Insert(AccessLogEntry e)
    {
        var r = e.Record;
        var command = new NpgsqlBatchCommand("""
            insert into audit.access_log (sequence, id, at, action, person_id, family_id, resource, user_id, user_name, role,
                organisation, on_behalf_of, basis, allowed, previous_hash, hash)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            """);
        command.Parameters.Add(new() { Value = e.Sequence });
        command.Parameters.Add(new() { Value = r.Id });
        command.Parameters.Add(new() { Value = r.At.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = r.Action.ToString() });
        command.Parameters.Add(new() { Value = (object?)r.PersonId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)r.FamilyId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = r.Resource });
        command.Parameters.Add(new() { Value = r.UserId });
        command.Parameters.Add(new() { Value = r.UserName });
        command.Parameters.Add(new() { Value = r.Role });
        command.Parameters.Add(new() { Value = (object?)r.Organisation ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)r.OnBehalfOf ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = r.Basis.ToString() });
        command.Parameters.Add(new() { Value = r.Allowed });
        command.Parameters.Add(new() { Value = e.PreviousHash });
        command.Parameters.Add(new() { Value = e.Hash });
        return command;
    }

    /// <summary>Entries in sequence order, optionally only about some persons or one family.</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> ReadAsync(Guid[]? persons, Guid? family, int limit, CancellationToken ct)
    {
        var where = (persons, family) switch
        {
            (not null, not null) => "where person_id = any($1) or family_id = $2",
            (not null, null) => "where person_id = any($1)",
            (null, not null) => "where family_id = $2",
            _ => "",
        };
        await using var command = db.CreateCommand($"""
            select sequence, id, at, action, person_id, family_id, resource, user_id, user_name, role, organisation,
                   on_behalf_of, basis, allowed, previous_hash, hash
            from audit.access_log {where} order by sequence {(limit > 0 ? "desc limit " + limit : "")}
            """);
        command.Parameters.Add(new() { Value = persons ?? [], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)family ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        var entries = new List<AccessLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var record = new AccessRecord(
                reader.GetGuid(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), Enum.Parse<AccessAction>(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.GetString(6),
                reader.GetGuid(7), reader.GetString(8), reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11), Enum.Parse<AccessBasis>(reader.GetString(12)), reader.GetBoolean(13));
            entries.Add(new AccessLogEntry(reader.GetInt64(0), record, reader.GetString(14), reader.GetString(15)));
        }
        return entries;
    }
}
