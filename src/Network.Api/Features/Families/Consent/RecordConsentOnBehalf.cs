using Marten;
using Mediator;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Families.Consent;

/// <summary>
/// A professional of the network records a consent a family member gave in person or on paper. It
/// counts only where that member may consent by age and gezag; the access log marks the write as
/// done on the member's behalf; the member sees it in the app and can withdraw it there.
/// </summary>
public sealed record RecordConsentOnBehalf(
    Actor Actor, Guid FamilyId, Guid? ProfessionalId, Guid? ChildId, Guid? GivenBy, ConsentForm? Form, DateOnly? GivenOn, string? Document,
    long? ExpectedVersion) : IFamilyCommand;

public sealed class RecordConsentOnBehalfHandler(IDocumentSession session, FamilyContexts families, Gate gate)
    : ICommandHandler<RecordConsentOnBehalf, FamilyChanged>
{
    public async ValueTask<FamilyChanged> Handle(RecordConsentOnBehalf c, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Family>(c.FamilyId, ct);
        if (stream.Aggregate is null) throw gate.NotFound("family");
        var f = await families.ContextOfAsync(stream.Aggregate, stream.CurrentVersion ?? 0, ct);
        if (c.ProfessionalId is not { } professional || c.ChildId is not { } childId || c.GivenBy is not { } givenBy)
            throw new BadRequest("request.invalid");
        if (c.Form is not { } form) throw new DomainRuleViolation("consent.form-required");

        // A professional of the family's network records it, also one still waiting for this very consent;
        // family members with standing may know the family (403); anyone else may not (404).
        var standing = Standings.OnFamily(f.Family, c.Actor, f.BirthDates, gate.Now);
        var member = c.Actor.IsProfessional && f.Family.ProfessionalFor(c.Actor.UserId) is not null;
        var decision = member
            ? Decision.Allow(new Reason(Reasons.ConsentPending))
            : standing.Exists ? Decision.Deny(new Reason(Reasons.ProfessionalsOnly)) : Decision.NoStanding(standing.Reason);
        var child = new PersonId(childId);
        gate.Require(c.Actor, AccessAction.Update, $"consent:{c.FamilyId}:{professional}:{childId}", f.Id,
            decision.About([new SubjectOutcome(child, member ? AccessBasis.Consent : standing.Basis, decision.Allowed, standing.BasisCategory)]),
            onBehalfOf: $"person:{givenBy}");

        Versions.Check(c.ExpectedVersion, stream.CurrentVersion ?? 0);
        var events = ConsentRecording.Record(f.Of, c.Actor, new UserId(professional), child, new PersonId(givenBy), form,
            c.GivenOn ?? DateOnly.FromDateTime(gate.Now.UtcDateTime), c.Document, gate.Now);
        stream.AppendMany(events);
        await gate.SaveAsync(ct);
        return new FamilyChanged(c.FamilyId, (stream.CurrentVersion ?? 0) + events.Count);
    }
}

public static class RecordConsentOnBehalfEndpoint
{
    public static IEndpointRouteBuilder MapConsentOnBehalf(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/families/{familyId:guid}/consents/on-behalf",
                (Guid familyId, RecordConsentRequest r, HttpContext http, IMediator m, CancellationToken ct) =>
                    FamilyEndpoint.SendAsync(http, m, (a, v) => new RecordConsentOnBehalf(a, familyId, r.ProfessionalId, r.ChildId, r.GivenBy, r.Form, r.GivenOn, r.Document, v), ct))
            .RequireAuthorization(Infrastructure.Auth.AuthSetup.ApiPolicy)
            .WithTags("Families")
            .DescribeFamilyWrite("RecordConsentOnBehalf", "Records a consent a family member gave in person or on paper, on their behalf.");
        return app;
    }
}
