using Npgsql;

namespace Network.Api.Features.Documents;

/// <summary>
/// A file is stored before its item is saved (it streams in first). When the item is never saved
/// (the process stopped in between), the file belongs to nothing: every ten minutes the files
/// older than an hour that no document item refers to are removed. Safe on several instances at once.
/// </summary>
public sealed class FileSweeper(NpgsqlDataSource db, TimeProvider clock, ILogger<FileSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await SweepAsync(clock.GetUtcNow() - Grace, stoppingToken);
                if (removed > 0) logger.LogInformation("Removed {Count} stored files no document refers to", removed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not sweep stored files: {Message}", e.Message);
            }
        }
    }

    /// <summary>Removes the files stored before <paramref name="before"/> that no document item (in any version) refers to.</summary>
    public async Task<int> SweepAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            delete from network.files f
            where f.stored_at < $1
              and not exists (
                select 1 from network.items i
                where i.kind = 'Document'
                  and i.details -> 'documentVersions' @> jsonb_build_array(jsonb_build_object('file', jsonb_build_object('fileId', f.id))))
            """);
        command.Parameters.Add(new() { Value = before });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
