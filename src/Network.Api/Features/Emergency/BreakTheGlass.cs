using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Features.Families;
using Network.Api.Features.Notifications;
using Network.Api.Features.Registry;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Api.Features.Emergency;

public sealed record BreakTheGlassRequest(string? Reason, int Minutes = 60);

public sealed record EmergencyAccessResponse(Guid FamilyId, string FamilyName, DateTimeOffset Until);

/// <summary>
/// Emergency access to the families of a person (found through the registry search): with a
/// stated reason, for at most four hours, logged as emergency access, and the coordinator of
/// each family is notified at once.
/// </summary>
public sealed record BreakTheGlass(Actor Actor, Guid PersonId, string? Reason, int Minutes) : ICommand<IReadOnlyList<EmergencyAccessResponse>>;

public sealed class BreakTheGlassValidator : AbstractValidator<BreakTheGlass>
{
    public BreakTheGlassValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MinimumLength(10).WithMessage("Noodtoegang vraagt een duidelijke reden (minstens 10 tekens).").MaximumLength(1000);
        RuleFor(c => c.Minutes).InclusiveBetween(5, (int)FamilyDecisions.MaxEmergency.TotalMinutes)
            .WithMessage($"Noodtoegang duurt 5 tot {FamilyDecisions.MaxEmergency.TotalMinutes:0} minuten.");
    }
}

public sealed class BreakTheGlassHandler(IDocumentSession session, AccessLogger log, TimeProvider clock)
    : ICommandHandler<BreakTheGlass, IReadOnlyList<EmergencyAccessResponse>>
{
    public async ValueTask<IReadOnlyList<EmergencyAccessResponse>> Handle(BreakTheGlass c, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rosters = await session.Query<FamilyRoster>().Where(r => r.PersonIds.Contains(c.PersonId)).ToListAsync(ct);
        if (rosters.Count == 0 || await session.LoadAsync<RegistryEntry>(c.PersonId, ct) is null) throw new ResourceNotFound("person");

        var granted = new List<(FamilyContext Family, EmergencyAccess Access)>();
        foreach (var roster in rosters)
        {
            var stream = await session.Events.FetchForWriting<Family>(roster.Id, ct);
            var people = await PeopleLookup.LoadAsync(session, stream.Aggregate!.Members.Select(m => m.PersonId), ct);
            var context = new FamilyContext(stream.Aggregate, people);
            var events = FamilyDecisions.BreakTheGlass(stream.Aggregate, c.Actor, c.Reason!, TimeSpan.FromMinutes(c.Minutes), context.BirthDates, now);
            stream.AppendMany(events);
            var e = (EmergencyAccessGranted)events[0];
            if (e.NotifiedCoordinator is { } coordinator)
                session.Store(new Notification(Guid.CreateVersion7(), coordinator.Value, "emergency-access", roster.Id, stream.Aggregate.Name,
                    $"{c.Actor.DisplayName} ({c.Actor.Organisation}) opende {stream.Aggregate.Name} met noodtoegang tot {e.Access.Until:HH:mm} UTC. Reden: {e.Access.Reason}", now));
            granted.Add((new FamilyContext(Family.Evolve(stream.Aggregate, e)!, people), e.Access));
        }
        await session.SaveChangesAsync(ct);
        foreach (var (family, _) in granted)
            await log.FamilyAsync(c.Actor, AccessAction.Read, $"emergency:{family.Family.Id}", family, ct);
        return [.. granted.Select(g => new EmergencyAccessResponse(g.Family.Family.Id.Value, g.Family.Family.Name, g.Access.Until))];
    }
}

public static class BreakTheGlassEndpoint
{
    public static IEndpointRouteBuilder MapEmergency(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/persons/{personId:guid}/emergency-access", async (Guid personId, BreakTheGlassRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new BreakTheGlass(http.User.ToActor(), personId, body.Reason, body.Minutes), ct)))
            .RequireAuthorization(AuthSetup.ApiPolicy)
            .WithTags("Emergency access")
            .WithName("BreakTheGlass")
            .WithSummary("Emergency access to the families of a person, with a reason, for at most four hours; the coordinator is notified at once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
