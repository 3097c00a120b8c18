using Marten;
using Mediator;
using Network.Api.Features.Families;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Api.Features.AccessLog;

public sealed record AccessLogLine(
    long Sequence, DateTimeOffset At, string Action, Guid? PersonId, string? PersonName, string Resource,
    string UserName, string Role, string? Organisation, string Basis, bool Allowed);

/// <summary>Who looked at the family's data and on what basis: the coordinator sees the family's log, family members the part about the people they have standing on.</summary>
public sealed record GetFamilyAccessLog(Actor Actor, Guid FamilyId) : IQuery<IReadOnlyList<AccessLogLine>>;

public sealed record ChainCheck(bool Intact, long Entries, long? FirstBrokenSequence);

/// <summary>Checks the whole hash chain of the access log.</summary>
public sealed record VerifyAccessLog(Actor Actor) : IQuery<ChainCheck>;

public sealed class AccessLogHandler(IQuerySession session, AccessLogStore store, TimeProvider clock) :
    IQueryHandler<GetFamilyAccessLog, IReadOnlyList<AccessLogLine>>, IQueryHandler<VerifyAccessLog, ChainCheck>
{
    public async ValueTask<IReadOnlyList<AccessLogLine>> Handle(GetFamilyAccessLog q, CancellationToken ct)
    {
        var context = await FamilyContext.LoadAsync(session, new FamilyId(q.FamilyId), ct);
        if (context is null || !FamilyView.IsConnected(context.Family, q.Actor, clock.GetUtcNow())) throw new ResourceNotFound("family");
        var family = context.Family;
        var now = clock.GetUtcNow();

        PersonId[] about;
        if (family.Coordinator == q.Actor.UserId)
            about = [.. family.Members.Select(m => m.PersonId)];
        else if (q.Actor.IsFamily)
            about = [.. family.Children.Where(c => Standings.OnChild(family, q.Actor, c, context.BirthDates.GetValueOrDefault(c), now).Exists)
                .Concat(q.Actor.PersonId is { } me ? [me] : [])];
        else
            throw new NotAllowed("Alleen het gezin en de regisseur zien wie meekeek.");

        var entries = await store.ReadAsync([.. about.Select(p => p.Value)], null, 500, ct);
        return [.. entries.Select(e => new AccessLogLine(
            e.Sequence, e.Record.At, e.Record.Action.ToString(), e.Record.PersonId,
            e.Record.PersonId is { } p && context.People.TryGetValue(new PersonId(p), out var person) ? person.Details.Name.Display : null,
            e.Record.Resource, e.Record.UserName, e.Record.Role, e.Record.Organisation, e.Record.Basis.ToString(), e.Record.Allowed))];
    }

    public async ValueTask<ChainCheck> Handle(VerifyAccessLog q, CancellationToken ct)
    {
        if (q.Actor.Role != ActorRole.FunctionalAdministrator) throw new NotAllowed("Alleen functioneel beheer controleert het logboek.");
        var entries = await store.ReadAsync(null, null, 0, ct);
        var broken = AccessLogChain.FirstBroken(entries);
        return new ChainCheck(broken is null, entries.Count, broken);
    }
}

public static class AccessLogEndpoints
{
    public static IEndpointRouteBuilder MapAccessLog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Access log");
        group.MapGet("/families/{familyId:guid}/access-log", async (Guid familyId, HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetFamilyAccessLog(http.User.ToActor(), familyId), ct)))
            .WithName("GetFamilyAccessLog")
            .WithSummary("Who accessed the data of this family's members, when and on what basis (NEN 7513).");
        group.MapGet("/access-log/verify", async (HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new VerifyAccessLog(http.User.ToActor()), ct)))
            .WithName("VerifyAccessLog")
            .WithSummary("Checks the hash chain of the whole access log; any altered, removed or reordered entry breaks it.");
        return app;
    }
}
