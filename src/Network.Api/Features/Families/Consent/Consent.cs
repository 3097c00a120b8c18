using Marten;
using Mediator;
using Network.Api.Infrastructure.Audit;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Api.Features.Families.Consent;

/// <summary>A family member gives consent, for one child, to one professional.</summary>
public sealed record GiveConsent(Actor Actor, Guid FamilyId, Guid ProfessionalId, Guid ChildId, long? ExpectedVersion) : IFamilyCommand;

/// <summary>A family member withdraws consent; the professional's standing on the child ends at once.</summary>
public sealed record WithdrawConsent(Actor Actor, Guid FamilyId, Guid ProfessionalId, Guid ChildId, long? ExpectedVersion) : IFamilyCommand;

public sealed class ConsentHandler(IDocumentSession session, AccessLogger log, TimeProvider clock) :
    ICommandHandler<GiveConsent, FamilyChanged>, ICommandHandler<WithdrawConsent, FamilyChanged>
{
    public async ValueTask<FamilyChanged> Handle(GiveConsent c, CancellationToken ct) =>
        new(c.FamilyId, await FamilyWrites.ExecuteAsync(session, log, c.Actor, c.FamilyId, c.ExpectedVersion,
            f => FamilyDecisions.GiveConsent(f.Family, c.Actor, new UserId(c.ProfessionalId), new PersonId(c.ChildId), BirthDate(f, c.ChildId), clock.GetUtcNow()), ct));

    public async ValueTask<FamilyChanged> Handle(WithdrawConsent c, CancellationToken ct) =>
        new(c.FamilyId, await FamilyWrites.ExecuteAsync(session, log, c.Actor, c.FamilyId, c.ExpectedVersion,
            f => FamilyDecisions.WithdrawConsent(f.Family, c.Actor, new UserId(c.ProfessionalId), new PersonId(c.ChildId), BirthDate(f, c.ChildId), clock.GetUtcNow()), ct));

    private static DateOnly BirthDate(FamilyContext family, Guid child) =>
        family.BirthDates.TryGetValue(new PersonId(child), out var born) ? born : throw new ResourceNotFound("child");
}

public static class ConsentEndpoints
{
    public static void MapConsent(this RouteGroupBuilder families)
    {
        families.MapPut("/{familyId:guid}/consents/{professionalId:guid}/{childId:guid}",
                (Guid familyId, Guid professionalId, Guid childId, HttpContext http, IMediator m, CancellationToken ct) =>
                    FamilyEndpoint.SendAsync(http, m, (a, v) => new GiveConsent(a, familyId, professionalId, childId, v), ct))
            .DescribeFamilyWrite("GiveConsent", "Gives the caller's consent for a professional and a child.");
        families.MapDelete("/{familyId:guid}/consents/{professionalId:guid}/{childId:guid}",
                (Guid familyId, Guid professionalId, Guid childId, HttpContext http, IMediator m, CancellationToken ct) =>
                    FamilyEndpoint.SendAsync(http, m, (a, v) => new WithdrawConsent(a, familyId, professionalId, childId, v), ct))
            .DescribeFamilyWrite("WithdrawConsent", "Withdraws the caller's consent; it takes effect at once.");
    }
}
