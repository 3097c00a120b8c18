using Npgsql;

namespace Network.Api.Infrastructure.Setup;

public static class Database
{
    /// <summary>
    /// The connection string every part of the API uses (Marten, Identity, the gate's reads, the
    /// access log), with Npgsql's automatic preparation on unless it is set: the statements each
    /// request sends again and again (a family, a board's rows, the log's procedure) are parsed
    /// and planned once per connection, and a connection returned to the pool keeps its plans
    /// (DISCARD ALL would also throw away the log procedure's plans).
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }
        // Nothing here leaves state on a connection (no SET, no LISTEN, advisory locks only for a
        // transaction), so a connection back in the pool need not be reset: the reset costs the
        // server a statement on every use of a pooled connection, about eight per post.
        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
