using Mediator;

namespace Network.Api.Features.Families.Consent;

/// <summary>A family member gives consent, for one child, to one professional.</summary>
public sealed record GiveConsent(Actor Actor, Guid FamilyId, Guid ProfessionalId, Guid ChildId, long? ExpectedVersion) : IFamilyCommand;

/// <summary>A family member withdraws consent; the professional's standing on the child, and their invitation for it, end at once.</summary>
public sealed record WithdrawConsent(Actor Actor, Guid FamilyId, Guid ProfessionalId, Guid ChildId, long? ExpectedVersion) : IFamilyCommand;

public sealed class ConsentHandler(FamilyWrites writes) :
    ICommandHandler<GiveConsent, FamilyChanged>, ICommandHandler<WithdrawConsent, FamilyChanged>
{
    private static readonly FamilyWrites.Authorize Consenting = (actor, f, now) => FamilyPolicy.Consent(actor, f.Family, f.BirthDates, now);

    public async ValueTask<FamilyChanged> Handle(GiveConsent c, CancellationToken ct) =>
        await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, Consenting, _ => [new PersonId(c.ChildId)],
            (f, now) => FamilyDecisions.GiveConsent(f.Of, c.Actor, new UserId(c.ProfessionalId), new PersonId(c.ChildId), now), ct);

    public async ValueTask<FamilyChanged> Handle(WithdrawConsent c, CancellationToken ct) =>
        await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, Consenting, _ => [new PersonId(c.ChildId)],
            (f, now) => FamilyDecisions.WithdrawConsent(f.Of, c.Actor, new UserId(c.ProfessionalId), new PersonId(c.ChildId), now), ct);
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
            .DescribeFamilyWrite("WithdrawConsent", "Withdraws the caller's consent; it takes effect at once and ends the invitation for that child.");
    }
}
