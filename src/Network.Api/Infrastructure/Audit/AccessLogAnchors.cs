using System.Text.Json;
using Network.Domain.Authorization;
using Npgsql;
using NpgsqlTypes;

namespace Network.Api.Infrastructure.Audit;

/// <summary>
/// Anchors chain the heads of all access-log chains at a moment: someone who rewrites or cuts off
/// the end of a chain (and its head) must also rewrite every anchor after it. Written on a timer
/// outside the request path; each anchor hashes the previous one.
/// </summary>
public sealed class AccessLogAnchors(NpgsqlDataSource db, AccessLogStore store, TimeProvider clock)
{
    public sealed record Anchor(long Number, DateTimeOffset At, IReadOnlyList<ChainHead> Heads, string PreviousHash, string Hash);

    /// <summary>Writes an anchor when a chain moved since the last one; anchors are serialized among themselves only.</summary>
    public async Task<Anchor?> AnchorAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(7514)", connection, tx))
            await lockCommand.ExecuteNonQueryAsync(ct);
        var last = (await ReadAsync(connection, tx, 1, ct)).FirstOrDefault();
        var heads = await store.HeadsAsync(ct);
        if (heads.Count == 0 || last is not null && Same(last.Heads, heads)) return null;

        var number = (last?.Number ?? 0) + 1;
        var at = AccessLogStore.Micro(clock.GetUtcNow());
        var previous = last?.Hash ?? AccessLogChain.Genesis;
        var anchor = new Anchor(number, at, heads, previous, AccessLogChain.AnchorHash(number, at, heads, previous));
        await using (var insert = new NpgsqlCommand(
            "insert into audit.anchor (number, at, heads, previous_hash, hash) values ($1, $2, $3::jsonb, $4, $5)", connection, tx))
        {
            insert.Parameters.Add(new() { Value = anchor.Number });
            insert.Parameters.Add(new() { Value = anchor.At.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(heads), NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = anchor.PreviousHash });
            insert.Parameters.Add(new() { Value = anchor.Hash });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return anchor;
    }

    /// <summary>Every anchor, oldest first.</summary>
    public async Task<IReadOnlyList<Anchor>> AllAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return [.. (await ReadAsync(connection, null, 0, ct)).Reverse()];
    }

    private static async Task<IReadOnlyList<Anchor>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select number, at, heads::text, previous_hash, hash from audit.anchor order by number desc {(limit > 0 ? $"limit {limit}" : "")}",
            connection, tx);
        var anchors = new List<Anchor>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            anchors.Add(new Anchor(reader.GetInt64(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                JsonSerializer.Deserialize<List<ChainHead>>(reader.GetString(2)) ?? [], reader.GetString(3), reader.GetString(4)));
        return anchors;
    }

    private static bool Same(IReadOnlyList<ChainHead> a, IReadOnlyList<ChainHead> b) =>
        a.Count == b.Count && a.OrderBy(h => h.Chain).SequenceEqual(b.OrderBy(h => h.Chain));
}

/// <summary>Writes an anchor every few minutes (Network:AccessLog:AnchorMinutes, default 5).</summary>
public sealed class AccessLogAnchoring(AccessLogAnchors anchors, IConfiguration configuration, ILogger<AccessLogAnchoring> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(configuration.GetValue("Network:AccessLog:AnchorMinutes", 5.0));
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await anchors.AnchorAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not anchor the access log: {Message}", e.Message);
            }
        }
    }
}
