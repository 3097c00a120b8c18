using Npgsql;

namespace Network.Api.Infrastructure.Auth;

/// <summary>
/// Checks on every request that the account behind an access token is still active and unchanged:
/// the token carries the account's security stamp, which deactivation, a new role or a new password
/// renew. So a deactivated account's very next request is refused, on every instance.
/// </summary>
public sealed class AccountGuard(NpgsqlDataSource db)
{
    public const string StampClaim = "stamp";

    public async Task<bool> IsCurrentAsync(string? subject, string? stamp, CancellationToken ct)
    {
        if (!Guid.TryParse(subject, out var id) || string.IsNullOrEmpty(stamp)) return false;
        await using var command = db.CreateCommand(
            $"""select "SecurityStamp" from {AuthDbContext.Schema}."AspNetUsers" where "Id" = $1 and "DeactivatedAt" is null""");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(ct) is string current && current == stamp;
    }
}
