using Mediator;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.AccessLog;

/// <summary>
/// "Wie keek mee?": who accessed the data of this family's members, grouped by visit, newest
/// first, for a period, page by page (<see cref="Before"/>: the start of the oldest visit on the
/// previous page). What each reader may see of it is <see cref="AccessLogPolicy"/>.
/// </summary>
public sealed record GetFamilyAccessLog(Actor Actor, Guid FamilyId, DateOnly? From, DateOnly? To, DateTimeOffset? Before, int Limit = 50)
    : IQuery<AccessLogPage>;

/// <summary>Checks every chain of the access log, its heads and the anchors.</summary>
[NotPersonData]
public sealed record VerifyAccessLog(Actor Actor) : IQuery<ChainCheck>;

public sealed class AccessLogHandler(FamilyContexts families, AccessLogVisits visits, AccessLogVerification verification, Gate gate) :
    IQueryHandler<GetFamilyAccessLog, AccessLogPage>, IQueryHandler<VerifyAccessLog, ChainCheck>
{
    public async ValueTask<AccessLogPage> Handle(GetFamilyAccessLog q, CancellationToken ct)
    {
        var f = await families.LoadAsync(new FamilyId(q.FamilyId), ct) ?? throw gate.NotFound("family");
        var sight = AccessLogPolicy.See(q.Actor, f.Family, f.BirthDates, f.Table, gate.Now);
        gate.Require(q.Actor, AccessAction.Read, $"access-log:{q.FamilyId}", f.Id, sight.Decision);
        var limit = Math.Clamp(q.Limit, 1, 200);
        var from = q.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = q.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var page = await visits.ReadAsync(f, sight, from, to, q.Before, limit, ct);
        return page;
    }

    public async ValueTask<ChainCheck> Handle(VerifyAccessLog q, CancellationToken ct)
    {
        var decision = AdminPolicy.VerifyLog(q.Actor);
        if (!decision.Allowed) throw new NotAllowed(decision.Reasons);
        return await verification.VerifyAsync(ct);
    }
}

public static class AccessLogEndpoints
{
    public static IEndpointRouteBuilder MapAccessLog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Access log");
        group.MapGet("/families/{familyId:guid}/access-log", async (Guid familyId, DateOnly? from, DateOnly? to, DateTimeOffset? before, int? limit,
                HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetFamilyAccessLog(http.User.ToActor(), familyId, from, to, before, limit ?? 50), ct)))
            .WithName("GetFamilyAccessLog")
            .WithSummary("Who accessed the data of this family's members, grouped by visit, newest first (NEN 7513). ?from=&to= a period, ?before= the next page.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/access-log/verify", async (HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new VerifyAccessLog(http.User.ToActor()), ct)))
            .WithName("VerifyAccessLog")
            .WithSummary("Checks every chain of the access log, its heads and anchors; any altered, removed or reordered entry shows.");
        return app;
    }
}
