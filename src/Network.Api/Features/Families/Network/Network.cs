using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Api.Features.Families.Network;

public sealed record InviteProfessionalRequest(Guid UserId, MembershipBasis? Basis, IReadOnlyList<Guid>? Children);
public sealed record CoordinatorRequest(Guid UserId);

/// <summary>
/// Invites a professional for named children: on consent basis they see a child only after the
/// family consents; on legal basis their organisation must execute a measure for the child.
/// </summary>
public sealed record InviteProfessional(Actor Actor, Guid FamilyId, Guid UserId, MembershipBasis? Basis, IReadOnlyList<Guid>? Children, long? ExpectedVersion) : IFamilyCommand;

public sealed record RemoveProfessional(Actor Actor, Guid FamilyId, Guid UserId, long? ExpectedVersion) : IFamilyCommand;

public sealed record AppointCoordinator(Actor Actor, Guid FamilyId, Guid UserId, long? ExpectedVersion) : IFamilyCommand;

public sealed class InviteProfessionalValidator : AbstractValidator<InviteProfessional>
{
    public InviteProfessionalValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().WithMessage("Kies de professional.");
        RuleFor(c => c.Basis).NotNull().IsInEnum().WithMessage("Kies de grondslag: toestemming of wettelijke grondslag.");
        RuleFor(c => c.Children).NotEmpty().WithMessage("Kies voor welke kinderen de professional meedoet.");
    }
}

public sealed class NetworkHandler(IDocumentSession session, AccessLogger log, UserManager<NetworkUser> users, TimeProvider clock) :
    ICommandHandler<InviteProfessional, FamilyChanged>,
    ICommandHandler<RemoveProfessional, FamilyChanged>,
    ICommandHandler<AppointCoordinator, FamilyChanged>
{
    public async ValueTask<FamilyChanged> Handle(InviteProfessional c, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(c.UserId.ToString());
        if (user is null) throw new DomainRuleViolation("network.unknown-professional", "Deze professional kennen we niet.");
        var invitee = new Actor(new UserId(user.Id), user.DisplayName, user.Role,
            user.OrganisationId is { } o ? new OrganisationId(o) : null, user.Organisation);
        return new(c.FamilyId, await FamilyWrites.ExecuteAsync(session, log, c.Actor, c.FamilyId, c.ExpectedVersion,
            f => FamilyDecisions.InviteProfessional(f.Family, c.Actor, invitee, c.Basis!.Value, [.. c.Children!.Select(id => new PersonId(id))], clock.GetUtcNow()), ct));
    }

    public async ValueTask<FamilyChanged> Handle(RemoveProfessional c, CancellationToken ct) =>
        new(c.FamilyId, await FamilyWrites.ExecuteAsync(session, log, c.Actor, c.FamilyId, c.ExpectedVersion,
            f => FamilyDecisions.RemoveProfessional(f.Family, c.Actor, new UserId(c.UserId), clock.GetUtcNow()), ct));

    public async ValueTask<FamilyChanged> Handle(AppointCoordinator c, CancellationToken ct) =>
        new(c.FamilyId, await FamilyWrites.ExecuteAsync(session, log, c.Actor, c.FamilyId, c.ExpectedVersion,
            f => FamilyDecisions.AppointCoordinator(f.Family, c.Actor, new UserId(c.UserId), clock.GetUtcNow()), ct));
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
