using FluentValidation;
using Mediator;
using Network.Api.Features.Registry;

namespace Network.Api.Features.Families.Placements;

public sealed record StartPlacement(Actor Actor, Guid FamilyId, Guid? ChildId, DateOnly? From, AddressDto? Address, bool SecretAddress, long? ExpectedVersion) : IFamilyCommand;

public sealed record EndPlacement(Actor Actor, Guid FamilyId, Guid PlacementId, DateOnly? On, long? ExpectedVersion) : IFamilyCommand;

public sealed class StartPlacementValidator : AbstractValidator<StartPlacement>
{
    public StartPlacementValidator()
    {
        RuleFor(c => c.ChildId).NotEmpty().WithMessage("Kies het kind.");
        RuleFor(c => c.From).NotNull().WithMessage("Vul de begindatum in.");
        RuleFor(c => c.Address).NotNull().WithMessage("Vul het adres van de plaatsing in.").SetValidator(new AddressValidator()!);
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
public sealed class PlacementsHandler(FamilyWrites writes) :
    ICommandHandler<StartPlacement, FamilyChanged>, ICommandHandler<EndPlacement, FamilyChanged>
{
    public async ValueTask<FamilyChanged> Handle(StartPlacement c, CancellationToken ct) =>
        await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, FamilyWrites.Manage, _ => [new PersonId(c.ChildId!.Value)], (f, now) =>
        {
            var before = f.People.GetValueOrDefault(new PersonId(c.ChildId!.Value))?.Details.Address;
            return FamilyDecisions.StartPlacement(f.Of, c.Actor, PlacementId.New(), new PersonId(c.ChildId!.Value), c.From!.Value,
                c.Address!.ToDomain(), c.SecretAddress, before, now);
        }, ct);

    public async ValueTask<FamilyChanged> Handle(EndPlacement c, CancellationToken ct) =>
        await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, FamilyWrites.Manage,
            f => f.Family.Placements.Where(p => p.Id.Value == c.PlacementId).Select(p => p.Child),
            (f, now) => FamilyDecisions.EndPlacement(f.Of, c.Actor, new PlacementId(c.PlacementId), c.On!.Value, now), ct);
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
