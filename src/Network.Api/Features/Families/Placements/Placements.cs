using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Audit;
using Network.Api.Features.Families.Measures;
using Network.Api.Features.Registry;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;

namespace Network.Api.Features.Families.Placements;

public sealed record StartPlacementRequest(Guid ChildId, DateOnly? From, AddressDto? Address, bool SecretAddress);

public sealed record StartPlacement(Actor Actor, Guid FamilyId, Guid ChildId, DateOnly? From, AddressDto? Address, bool SecretAddress, long? ExpectedVersion) : IFamilyCommand;

public sealed record EndPlacement(Actor Actor, Guid FamilyId, Guid PlacementId, DateOnly? On, long? ExpectedVersion) : IFamilyCommand;

public sealed class StartPlacementValidator : AbstractValidator<StartPlacement>
{
    public StartPlacementValidator()
    {
        RuleFor(c => c.ChildId).NotEmpty().WithMessage("Kies het kind.");
        RuleFor(c => c.From).NotNull().WithMessage("Vul de begindatum in.");
        RuleFor(c => c.Address).NotNull().WithMessage("Vul het adres van de plaatsing in.");
    }
}

public sealed class EndPlacementValidator : AbstractValidator<EndPlacement>
{
    public EndPlacementValidator() => RuleFor(c => c.On).NotNull().WithMessage("Vul de einddatum in.");
}

/// <summary>
/// A placement records where the child lived before it (from the registry), so the municipality
/// of responsibility stays where it was.
/// </summary>
public sealed class PlacementsHandler(IDocumentSession session, AccessLogger log, TimeProvider clock) :
    ICommandHandler<StartPlacement, FamilyChanged>, ICommandHandler<EndPlacement, FamilyChanged>
{
    public async ValueTask<FamilyChanged> Handle(StartPlacement c, CancellationToken ct) =>
        new(c.FamilyId, await FamilyWrites.ExecuteAsync(session, log, c.Actor, c.FamilyId, c.ExpectedVersion, f =>
        {
            var before = f.People.GetValueOrDefault(new(c.ChildId))?.Details.Address;
            return FamilyDecisions.StartPlacement(f.Family, c.Actor, PlacementId.New(), new(c.ChildId), c.From!.Value,
                c.Address!.ToDomain(), c.SecretAddress, before, clock.GetUtcNow());
        }, ct));

    public async ValueTask<FamilyChanged> Handle(EndPlacement c, CancellationToken ct) =>
        new(c.FamilyId, await FamilyWrites.ExecuteAsync(session, log, c.Actor, c.FamilyId, c.ExpectedVersion,
            f => FamilyDecisions.EndPlacement(f.Family, c.Actor, new PlacementId(c.PlacementId), c.On!.Value, clock.GetUtcNow()), ct));
}

public static class PlacementsEndpoints
{
    public static void MapPlacements(this RouteGroupBuilder families)
    {
        families.MapPost("/{familyId:guid}/placements", (Guid familyId, StartPlacementRequest b, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new StartPlacement(a, familyId, b.ChildId, b.From, b.Address, b.SecretAddress, v), ct))
            .DescribeFamilyWrite("StartPlacement", "Starts an out-of-home placement, possibly at a secret address.");
        families.MapPost("/{familyId:guid}/placements/{placementId:guid}/end", (Guid familyId, Guid placementId, EndRequest b, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new EndPlacement(a, familyId, placementId, b.On, v), ct))
            .DescribeFamilyWrite("EndPlacement", "Ends a placement.");
    }
}
