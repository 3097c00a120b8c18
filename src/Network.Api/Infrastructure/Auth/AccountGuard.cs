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

    public Task<bool> IsCurrentAsync(string? subject, string? stamp, CancellationToken ct) =>
        Guid.TryParse(subject, out var id) && !string.IsNullOrEmpty(stamp) ? IsCurrentAsync(id, stamp, ct) : Task.FromResult(false);

    public async Task<bool> IsCurrentAsync(Guid id, string stamp, CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(Command(id));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await IsCurrentAsync(reader, stamp, ct);
    }

    /// <summary>The account's stamp while it is active: no row for a deactivated one.</summary>
    internal static NpgsqlBatchCommand Command(Guid id) => new(
        $"""select "SecurityStamp" from {AuthDbContext.Schema}."AspNetUsers" where "Id" = $1 and "DeactivatedAt" is null""")
    {
        Parameters = { new NpgsqlParameter { Value = id } },
    };

    /// <summary>Reads <see cref="Command"/>'s result, the reader standing on it.</summary>
    internal static async Task<bool> IsCurrentAsync(NpgsqlDataReader reader, string stamp, CancellationToken ct) =>
        await reader.ReadAsync(ct) && !reader.IsDBNull(0) && reader.GetString(0) == stamp;
}

/// <summary>
/// Marks an endpoint whose account check (<see cref="AccountGuard"/>) rides in the request's first
/// round trip to the database instead of one of its own: the timeline, read often and in a hurry.
/// The check's answer is read before anything else of that round trip is used, so nothing is
/// decided, logged or sent for an account that is no longer current; a request that ends without
/// that round trip is checked on its own before it answers.
/// </summary>
public sealed class AccountCheckInFirstBatch
{
    private static readonly AccountCheckInFirstBatch Instance = new();

    public static RouteHandlerBuilder On(RouteHandlerBuilder endpoint) => endpoint.WithMetadata(Instance).AddEndpointFilter(Filter);

    /// <summary>After the endpoint, answered or failed: the check, when it has not been made yet.</summary>
    private static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var check = context.HttpContext.RequestServices.GetRequiredService<AccountCheck>();
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception e) when (e is not AccountNotCurrent)
        {
            await check.EnsureAsync(context.HttpContext.RequestAborted);
            throw;
        }
        await check.EnsureAsync(context.HttpContext.RequestAborted);
        return result;
    }
}

/// <summary>The account behind the token was deactivated or changed (answers 401, as the token's own check does).</summary>
public sealed class AccountNotCurrent() : Exception("The account behind this token was deactivated or changed.")
{
    /// <summary>The WWW-Authenticate header of the refusal: the client logs in again.</summary>
    public const string Challenge = "Bearer error=\"invalid_token\", error_description=\"The account behind this token was deactivated or changed.\"";
}

/// <summary>
/// A request's account check when its endpoint defers it (<see cref="AccountCheckInFirstBatch"/>):
/// the first batch to the database takes <see cref="Command"/> and reads its answer first.
/// </summary>
public sealed class AccountCheck(AccountGuard guard)
{
    private (Guid Id, string Stamp)? pending;

    public void Defer(Guid id, string stamp) => pending = (id, stamp);

    /// <summary>The pending check as the first command of a batch, or none.</summary>
    public NpgsqlBatchCommand? Command() => pending is { } p ? AccountGuard.Command(p.Id) : null;

    /// <summary>Reads the answer to <see cref="Command"/> (the reader standing on it); throws when the account is no longer current.</summary>
    public async Task ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        if (pending is not { } p) return;
        pending = null;
        if (!await AccountGuard.IsCurrentAsync(reader, p.Stamp, ct)) throw new AccountNotCurrent();
        await reader.NextResultAsync(ct);
    }

    /// <summary>The check on its own, when no batch took it.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        if (pending is not { } p) return;
        pending = null;
        if (!await guard.IsCurrentAsync(p.Id, p.Stamp, ct)) throw new AccountNotCurrent();
    }
}
