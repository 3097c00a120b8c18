using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Features.Notifications;
using Network.Api.Features.Registry;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Emergency;

/// <summary>
/// Emergency access to one child: by id, or identified by BSN or by name and date of birth (a
/// professional without standing cannot find the child through the registry search). With a
/// stated reason, for at most four hours; it opens that child on every path, is logged as
/// emergency access, and the family's coordinator is told at once.
/// </summary>
public sealed record BreakTheGlass(Actor Actor, BreakTheGlassRequest Request) : ICommand<IReadOnlyList<EmergencyAccessResponse>>;

public sealed class BreakTheGlassValidator : AbstractValidator<BreakTheGlass>
{
    public BreakTheGlassValidator()
    {
        RuleFor(c => c.Request).NotNull();
        RuleFor(c => c.Request.Reason).NotEmpty().MinimumLength(10).WithMessage("Noodtoegang vraagt een duidelijke reden (minstens 10 tekens).")
            .MaximumLength(1000).When(c => c.Request is not null);
        RuleFor(c => c.Request.Minutes).InclusiveBetween(5, (int)FamilyDecisions.MaxEmergency.TotalMinutes)
            .WithMessage($"Noodtoegang duurt 5 tot {FamilyDecisions.MaxEmergency.TotalMinutes:0} minuten.").When(c => c.Request is not null);
        RuleFor(c => c.Request.Bsn).Must(b => string.IsNullOrWhiteSpace(b) || Bsn.IsValid(b)).WithMessage("Dit BSN klopt niet (elfproef).")
            .When(c => c.Request is not null);
        RuleFor(c => c.Request).Must(r => r.ChildId is not null || !string.IsNullOrWhiteSpace(r.Bsn)
                || !string.IsNullOrWhiteSpace(r.GivenNames) && !string.IsNullOrWhiteSpace(r.FamilyName) && r.DateOfBirth is not null)
            .WithMessage("Geef het kind aan: met het BSN, of met voornaam, achternaam en geboortedatum.").When(c => c.Request is not null);
    }
}

public sealed class BreakTheGlassHandler(IDocumentSession session, FamilyContexts families, Gate gate)
    : ICommandHandler<BreakTheGlass, IReadOnlyList<EmergencyAccessResponse>>
{
    public async ValueTask<IReadOnlyList<EmergencyAccessResponse>> Handle(BreakTheGlass c, CancellationToken ct)
    {
        gate.Require(c.Actor, AccessAction.Update, "emergency", null, AdminPolicy.Register(c.Actor));
        var child = await FindChildAsync(c.Request, ct) ?? throw gate.NotFound("child");
        var childFamilies = (await families.OfPersonAsync(child, ct)).Where(f => f.Family.MemberFor(child)?.Relation == Relation.Child).ToList();
        if (childFamilies.Count == 0) throw gate.NotFound("child");

        var granted = new List<EmergencyAccessResponse>();
        foreach (var f in childFamilies)
        {
            var stream = await session.Events.FetchForWriting<Family>(f.Id.Value, ct);
            var events = FamilyDecisions.BreakTheGlass(f.Of, c.Actor, child, c.Request.Reason!, TimeSpan.FromMinutes(c.Request.Minutes), gate.Now);
            var access = ((EmergencyAccessGranted)events[0]).Access;
            gate.Require(c.Actor, AccessAction.Update, $"emergency:{child}", f.Id, Decision.Allow(
                [Reason.Of(Reasons.Emergency, ("until", access.Until), ("reason", access.Reason))],
                [new SubjectOutcome(child, AccessBasis.Emergency, true)]));
            stream.AppendMany(events);
            if (f.Family.Coordinator is { } coordinator)
                session.Store(Notification.EmergencyAccess(coordinator, f.Family, f.NameOf(child), access, gate.Now));
            var familyId = f.Id.Value;
            var board = await Plans.PlanBoards.MainIdAsync(session, f.Id, ct);
            granted.Add(new EmergencyAccessResponse(familyId, f.Family.Name, child.Value, f.NameOf(child), access.Until, board?.Value));
        }
        await gate.SaveAsync(ct);
        return granted;
    }

    private async Task<PersonId?> FindChildAsync(BreakTheGlassRequest r, CancellationToken ct)
    {
        if (r.ChildId is { } id) return await session.LoadAsync<RegistryEntry>(id, ct) is { MergedInto: null } ? new PersonId(id) : null;
        if (Bsn.Normalize(r.Bsn) is { } bsn)
        {
            var byBsn = await session.Query<RegistryEntry>().Where(e => e.Bsn == bsn && e.MergedInto == null).ToListAsync(ct);
            return byBsn.Count == 1 ? new PersonId(byBsn[0].Id) : null;
        }
        var dob = r.DateOfBirth!.Value;
        var name = new PersonName(r.GivenNames!, null, r.FamilyName!);
        var sameDay = await session.Query<RegistryEntry>().Where(e => e.DateOfBirth == dob && e.MergedInto == null).ToListAsync(ct);
        var people = await PeopleLookup.LoadAsync(session, sameDay.Select(e => new PersonId(e.Id)), ct);
        var matches = people.Values.Where(p => DuplicateCheck.SimilarNames(name, p.Details.Name)).ToList();
        return matches.Count == 1 ? matches[0].Id : null;
    }
}

public static class BreakTheGlassEndpoint
{
    public static IEndpointRouteBuilder MapEmergency(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Emergency access");
        group.MapPost("/emergency-access", async (BreakTheGlassRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new BreakTheGlass(http.User.ToActor(), body), ct)))
            .WithName("BreakTheGlass")
            .WithSummary("Emergency access to one child, identified by id, BSN, or name and date of birth; with a reason, for at most four hours; the coordinator is notified at once.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/persons/{personId:guid}/emergency-access", async (Guid personId, BreakTheGlassRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new BreakTheGlass(http.User.ToActor(), body with { ChildId = personId }), ct)))
            .WithName("BreakTheGlassForChild")
            .WithSummary("Emergency access to one child by id.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
