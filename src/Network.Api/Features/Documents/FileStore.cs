using System.Buffers;
using System.Security.Cryptography;
using Network.Api.Infrastructure.Http;
using Npgsql;

namespace Network.Api.Features.Documents;

/// <summary>A file as it was stored: its id, size, SHA-256 and its first bytes (to tell its type from its content).</summary>
public sealed record StoredFile(Guid Id, long Size, string Sha256, byte[] Head);

/// <summary>
/// Where document files live. Files are streamed in and out in chunks, never held whole in memory.
/// PostgreSQL by default (<see cref="PostgresFileStore"/>); a deployment may put them in
/// S3-compatible object storage by registering another implementation.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the stream; refuses (and keeps nothing of) a file larger than <paramref name="maxBytes"/> or an empty one.</summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken ct);

    Task CopyToAsync(Guid fileId, Stream destination, CancellationToken ct);

    Task DeleteAsync(Guid fileId, CancellationToken ct);
}

/// <summary>Files in PostgreSQL: 256 KB chunks in network.file_chunks, written in one transaction.</summary>
public sealed class PostgresFileStore(NpgsqlDataSource db) : IFileStore
{
    public const int ChunkSize = 256 * 1024;
    public const int HeadSize = 8 * 1024;

    public const string Schema = """
        create table if not exists network.files (
            id uuid primary key,
            size bigint not null,
            sha256 text not null,
            stored_at timestamptz not null default now());
        create table if not exists network.file_chunks (
            file_id uuid not null references network.files (id) on delete cascade,
            n integer not null,
            data bytea not null,
            primary key (file_id, n));
        """;

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var file = new NpgsqlCommand("insert into network.files (id, size, sha256) values ($1, 0, '')", connection, transaction))
            {
                file.Parameters.Add(new() { Value = id });
                await file.ExecuteNonQueryAsync(ct);
            }
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var chunk = new NpgsqlCommand("insert into network.file_chunks (file_id, n, data) values ($1, $2, $3)", connection, transaction);
            var n = new NpgsqlParameter<int>();
            var data = new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea };
            chunk.Parameters.Add(new() { Value = id });
            chunk.Parameters.Add(n);
            chunk.Parameters.Add(data);
            long size = 0;
            byte[]? head = null;
            while (true)
            {
                var filled = await FillAsync(content, buffer, ct);
                if (filled == 0) break;
                size += filled;
                if (size > maxBytes) throw new BadRequest("document.too-large", ("max", maxBytes / (1024 * 1024)));
                head ??= buffer[..Math.Min(filled, HeadSize)];
                sha.AppendData(buffer, 0, filled);
                data.Value = new ArraySegment<byte>(buffer, 0, filled);
                await chunk.ExecuteNonQueryAsync(ct);
                n.TypedValue++;
                if (filled < ChunkSize) break;
            }
            if (size == 0) throw new BadRequest("document.empty");
            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            await using (var done = new NpgsqlCommand("update network.files set size = $2, sha256 = $3 where id = $1", connection, transaction))
            {
                done.Parameters.Add(new() { Value = id });
                done.Parameters.Add(new() { Value = size });
                done.Parameters.Add(new() { Value = hash });
                await done.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return new StoredFile(id, size, hash, head!);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task CopyToAsync(Guid fileId, Stream destination, CancellationToken ct)
    {
        await using var command = db.CreateCommand("select data from network.file_chunks where file_id = $1 order by n");
        command.Parameters.Add(new() { Value = fileId });
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            await using var chunk = await reader.GetStreamAsync(0, ct);
            await chunk.CopyToAsync(destination, ct);
        }
    }

    public async Task DeleteAsync(Guid fileId, CancellationToken ct)
    {
        await using var command = db.CreateCommand("delete from network.files where id = $1");
        command.Parameters.Add(new() { Value = fileId });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < ChunkSize)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, ChunkSize - filled), ct);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }
}
