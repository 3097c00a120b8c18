using Marten;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Families;

/// <summary>
/// The one way a family changes: fetch for writing, decide through the gate (404 for a family the
/// actor may not know, before any version check), check If-Match, decide in the domain, append,
/// save with the access-log entries for the persons the change is about in the same transaction.
/// </summary>
public sealed class FamilyWrites(IDocumentSession session, FamilyContexts families, Gate gate)
{
    public delegate Decision Authorize(Actor actor, FamilyContext family, DateTimeOffset now);

    /// <summary>Composing the family: its coordinator or a professional on legal basis (<see cref="FamilyPolicy.Manage"/>).</summary>
    public static readonly Authorize Manage = (actor, f, now) => FamilyPolicy.Manage(actor, f.Family, f.BirthDates, now);

    public async Task<FamilyChanged> ExecuteAsync(
        Actor actor, Guid familyId, long? expectedVersion, Authorize authorize, Func<FamilyContext, IEnumerable<PersonId>> about,
        Func<FamilyContext, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Family>(familyId, ct);
        if (stream.Aggregate is null) throw gate.NotFound("family");
        var f = await families.ContextOfAsync(stream.Aggregate, stream.CurrentVersion ?? 0, ct);

        var decision = authorize(actor, f, gate.Now);
        var basis = Standings.OnFamily(f.Family, actor, f.BirthDates, gate.Now);
        var persons = about(f).Distinct().ToList();
        var subjects = persons.Count == 0
            ? [new SubjectOutcome(null, basis.Basis, decision.Allowed)]
            : persons.Select(p => new SubjectOutcome(p, basis.Basis, decision.Allowed, basis.BasisCategory));
        gate.Require(actor, AccessAction.Update, $"family:{familyId}", f.Id, decision.About(subjects));

        Versions.Check(expectedVersion, stream.CurrentVersion ?? 0);
        var events = decide(f, gate.Now);
        if (events.Count == 0) return new FamilyChanged(familyId, stream.CurrentVersion ?? 0);
        stream.AppendMany(events);
        await gate.SaveAsync(ct);
        return new FamilyChanged(familyId, (stream.CurrentVersion ?? 0) + events.Count);
    }
}
