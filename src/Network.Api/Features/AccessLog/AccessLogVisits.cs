using Network.Api.Infrastructure.Gate;
using Npgsql;
using NpgsqlTypes;

namespace Network.Api.Features.AccessLog;

/// <summary>
/// Reads a family's access log as visits: one user's entries with no pause longer than half an
/// hour. The database filters by what the reader may see (<see cref="LogSight"/>: per person, the
/// categories of basis they may know) and groups; someone without standing in this family is
/// never named (<see cref="AccessLogPolicy.NamesActor"/>, for entries of this family).
/// </summary>
public sealed class AccessLogVisits(NpgsqlDataSource db)
{
    private const string Sql = """
        with e as (
            select * from audit.access_log
            where (family_id = $1 or person_id = any($2))
              and ($8::timestamptz is null or at >= $8) and ($9::timestamptz is null or at < $9)
              and ((person_id is null and family_id = $1 and $3)
                or (person_id = any($4) and basis_category = 'General')
                or (person_id = any($5) and basis_category = 'CourtMeasure')
                or (person_id = any($6) and basis_category = 'Justice'))
              and not coalesce(actor_person_id = any($7), false)),
        marked as (
            select *, case when at - lag(at) over (partition by user_id order by at, chain_key, sequence) <= interval '30 minutes' then 0 else 1 end as starts
            from e),
        numbered as (
            select *, sum(starts) over (partition by user_id order by at, chain_key, sequence) as visit from marked)
        select user_id, visit, min(at) as first_at, max(at) as last_at, max(user_name), max(role), max(organisation),
               array_agg(distinct basis), bool_or(not allowed), array_agg(distinct action),
               bool_or(family_id = $1 and basis in ('FamilyMember', 'Consent', 'LegalBasis', 'Emergency')),
               array_agg(distinct split_part(resource, ':', 1)),
               coalesce(array_agg(distinct person_id) filter (where person_id is not null), '{}'), count(*)
        from numbered
        group by user_id, visit
        having $10::timestamptz is null or min(at) < $10
        order by min(at) desc, user_id
        limit $11
        """;

    public async Task<AccessLogPage> ReadAsync(
        FamilyContext family, LogSight sight, DateTime? from, DateTime? to, DateTimeOffset? before, int limit, CancellationToken ct)
    {
        Guid[] Of(InformationCategory category) =>
            sight.Persons.TryGetValue(category, out var persons) ? [.. persons.Select(p => p.Value)] : [];
        var general = Of(InformationCategory.General);
        var court = Of(InformationCategory.CourtMeasure);
        var justice = Of(InformationCategory.Justice);

        await using var command = db.CreateCommand(Sql);
        command.Parameters.Add(new() { Value = family.Id.Value });
        command.Parameters.Add(new() { Value = general.Concat(court).Concat(justice).Distinct().ToArray() });
        command.Parameters.Add(new() { Value = sight.FamilyWide });
        command.Parameters.Add(new() { Value = general });
        command.Parameters.Add(new() { Value = court });
        command.Parameters.Add(new() { Value = justice });
        command.Parameters.Add(new() { Value = sight.HiddenSelfReads.Select(p => p.Value).ToArray() });
        command.Parameters.Add(new() { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)before?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = limit + 1 });

        var visits = new List<AccessLogVisit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var bases = reader.GetFieldValue<string[]>(7).Select(Enum.Parse<AccessBasis>).ToList();
            var role = Enum.Parse<ActorRole>(reader.GetString(5));
            // Named only for access with standing in this family: never someone outside its network.
            var named = reader.GetBoolean(10);
            visits.Add(new AccessLogVisit(
                new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
                named ? reader.GetString(4) : null, role,
                named || IsProfessional(role) ? (reader.IsDBNull(6) ? null : reader.GetString(6)) : null,
                bases, reader.GetBoolean(8), [.. reader.GetFieldValue<string[]>(9).Select(Enum.Parse<AccessAction>)],
                reader.GetFieldValue<string[]>(11),
                [.. reader.GetFieldValue<Guid[]>(12).Select(p => new PersonRef(p, family.NameOf(new PersonId(p))))],
                (int)reader.GetInt64(13)));
        }
        var more = visits.Count > limit;
        if (more) visits.RemoveAt(visits.Count - 1);
        return new AccessLogPage(visits, more ? visits[^1].From : null);
    }

    private static bool IsProfessional(ActorRole role) => new Actor(default, "", role).IsProfessional;
}
