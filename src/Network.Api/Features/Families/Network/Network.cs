using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Network.Api.Infrastructure.Auth;

namespace Network.Api.Features.Families.Network;

/// <summary>
/// Invites a professional for named children: on consent basis they see a child only after the
/// family consents; on legal basis their organisation must execute a measure for the child.
/// </summary>
public sealed record InviteProfessional(Actor Actor, Guid FamilyId, Guid? UserId, MembershipBasis? Basis, IReadOnlyList<Guid>? Children, long? ExpectedVersion) : IFamilyCommand;

public sealed record RemoveProfessional(Actor Actor, Guid FamilyId, Guid UserId, long? ExpectedVersion) : IFamilyCommand;

public sealed record AppointCoordinator(Actor Actor, Guid FamilyId, Guid? UserId, long? ExpectedVersion) : IFamilyCommand;

public sealed class InviteProfessionalValidator : AbstractValidator<InviteProfessional>
{
    public InviteProfessionalValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().WithMessage("Kies de professional.");
        RuleFor(c => c.Basis).NotNull().IsInEnum().WithMessage("Kies de grondslag: toestemming of wettelijke grondslag.");
        RuleFor(c => c.Children).NotEmpty().WithMessage("Kies voor welke kinderen de professional meedoet.");
    }
}

public sealed class AppointCoordinatorValidator : AbstractValidator<AppointCoordinator>
{
    public AppointCoordinatorValidator() => RuleFor(c => c.UserId).NotEmpty().WithMessage("Kies de regisseur.");
}

public sealed class NetworkHandler(FamilyWrites writes, UserManager<NetworkUser> users) :
    ICommandHandler<InviteProfessional, FamilyChanged>,
    ICommandHandler<RemoveProfessional, FamilyChanged>,
    ICommandHandler<AppointCoordinator, FamilyChanged>
{
    public async ValueTask<FamilyChanged> Handle(InviteProfessional c, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(c.UserId!.Value.ToString());
        var invitee = user is null ? null : new Actor(new UserId(user.Id), user.DisplayName, user.Role,
            user.OrganisationId is { } o ? new OrganisationId(o) : null, user.Organisation);
        var children = c.Children!.Select(id => new PersonId(id)).ToList();
        return await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, FamilyWrites.Manage, _ => children,
            (f, now) => FamilyDecisions.InviteProfessional(f.Of, c.Actor, invitee ?? throw new DomainRuleViolation("network.unknown-professional"),
                c.Basis!.Value, children, now), ct);
    }

    public async ValueTask<FamilyChanged> Handle(RemoveProfessional c, CancellationToken ct) =>
        await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion,
            (actor, f, now) => FamilyPolicy.Leave(actor, new UserId(c.UserId), f.Family, f.BirthDates, now),
            f => f.Family.ProfessionalFor(new UserId(c.UserId))?.Children ?? [],
            (f, now) => FamilyDecisions.RemoveProfessional(f.Of, c.Actor, new UserId(c.UserId), now), ct);

    public async ValueTask<FamilyChanged> Handle(AppointCoordinator c, CancellationToken ct) =>
        await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, FamilyWrites.Manage, _ => [],
            (f, now) => FamilyDecisions.AppointCoordinator(f.Of, c.Actor, new UserId(c.UserId!.Value), now), ct);
}

public static class NetworkEndpoints
{
    public static void MapNetwork(this RouteGroupBuilder families)
    {
        families.MapPost("/{familyId:guid}/professionals", (Guid familyId, InviteProfessionalRequest b, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new InviteProfessional(a, familyId, b.UserId, b.Basis, b.Children, v), ct))
            .DescribeFamilyWrite("InviteProfessional", "Adds a professional to the family's network for named children.");
        families.MapDelete("/{familyId:guid}/professionals/{userId:guid}", (Guid familyId, Guid userId, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new RemoveProfessional(a, familyId, userId, v), ct))
            .DescribeFamilyWrite("RemoveProfessional", "Ends a professional's membership; their standing ends at once.");
        families.MapPut("/{familyId:guid}/coordinator", (Guid familyId, CoordinatorRequest b, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new AppointCoordinator(a, familyId, b.UserId, v), ct))
            .DescribeFamilyWrite("AppointCoordinator", "Appoints the family's coordinator (regisseur).");
    }
}
