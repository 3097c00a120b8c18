using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Audit;
using Network.Api.Features.Registry;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Api.Features.Families.Members;

public sealed record AddFamilyMemberRequest(Guid PersonId, Relation? Relation);
public sealed record AuthorityRequest(Guid ParentId, Guid ChildId, DateOnly? Date);

/// <summary>Adds a registry person to the family. The person is referred to, never copied.</summary>
public sealed record AddFamilyMember(Actor Actor, Guid FamilyId, Guid PersonId, Relation? Relation, long? ExpectedVersion) : IFamilyCommand;

public sealed record RecordParentalAuthority(Actor Actor, Guid FamilyId, Guid ParentId, Guid ChildId, DateOnly? From, long? ExpectedVersion) : IFamilyCommand;

public sealed record EndParentalAuthority(Actor Actor, Guid FamilyId, Guid ParentId, Guid ChildId, DateOnly? On, long? ExpectedVersion) : IFamilyCommand;

public sealed class AddFamilyMemberValidator : AbstractValidator<AddFamilyMember>
{
    public AddFamilyMemberValidator()
    {
        RuleFor(c => c.PersonId).NotEmpty().WithMessage("Kies een persoon uit het register.");
        RuleFor(c => c.Relation).NotNull().IsInEnum().WithMessage("Kies de relatie tot het gezin.");
    }
}

public sealed class RecordParentalAuthorityValidator : AbstractValidator<RecordParentalAuthority>
{
    public RecordParentalAuthorityValidator()
    {
        RuleFor(c => c.ParentId).NotEmpty();
        RuleFor(c => c.ChildId).NotEmpty();
        RuleFor(c => c.From).NotNull().WithMessage("Vanaf welke datum geldt het gezag?");
    }
}

public sealed class EndParentalAuthorityValidator : AbstractValidator<EndParentalAuthority>
{
    public EndParentalAuthorityValidator()
    {
        RuleFor(c => c.ParentId).NotEmpty();
        RuleFor(c => c.ChildId).NotEmpty();
        RuleFor(c => c.On).NotNull().WithMessage("Op welke datum eindigt het gezag?");
    }
}

public sealed class MembersHandler(IDocumentSession session, AccessLogger log, TimeProvider clock) :
    ICommandHandler<AddFamilyMember, FamilyChanged>,
    ICommandHandler<RecordParentalAuthority, FamilyChanged>,
    ICommandHandler<EndParentalAuthority, FamilyChanged>
{
    public async ValueTask<FamilyChanged> Handle(AddFamilyMember c, CancellationToken ct)
    {
        // A professional finds people through the registry search (name and birth date only) and refers
        // to them; reading their details still needs standing. Merged records resolve to the survivor.
        if (!c.Actor.IsProfessional) throw new ResourceNotFound("family");
        var people = await PeopleLookup.LoadAsync(session, [new PersonId(c.PersonId)], ct);
        var person = people.Values.SingleOrDefault() ?? throw new DomainRuleViolation("person.unknown", "Deze persoon staat niet in het register.");
        return new(c.FamilyId, await FamilyWrites.ExecuteAsync(session, log, c.Actor, c.FamilyId, c.ExpectedVersion,
            f => FamilyDecisions.AddMember(f.Family, c.Actor, person.Id, c.Relation!.Value, clock.GetUtcNow()), ct));
    }

    public async ValueTask<FamilyChanged> Handle(RecordParentalAuthority c, CancellationToken ct) =>
        new(c.FamilyId, await FamilyWrites.ExecuteAsync(session, log, c.Actor, c.FamilyId, c.ExpectedVersion,
            f => FamilyDecisions.RecordAuthority(f.Family, c.Actor, new PersonId(c.ParentId), new PersonId(c.ChildId), c.From!.Value, clock.GetUtcNow()), ct));

    public async ValueTask<FamilyChanged> Handle(EndParentalAuthority c, CancellationToken ct) =>
        new(c.FamilyId, await FamilyWrites.ExecuteAsync(session, log, c.Actor, c.FamilyId, c.ExpectedVersion,
            f => FamilyDecisions.EndAuthority(f.Family, c.Actor, new PersonId(c.ParentId), new PersonId(c.ChildId), c.On!.Value, clock.GetUtcNow()), ct));
}

public static class MembersEndpoints
{
    public static void MapMembers(this RouteGroupBuilder families)
    {
        families.MapPost("/{familyId:guid}/members", (Guid familyId, AddFamilyMemberRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new AddFamilyMember(a, familyId, body.PersonId, body.Relation, v), ct))
            .DescribeFamilyWrite("AddFamilyMember", "Adds a registered person to the family with their relation.");
        families.MapPost("/{familyId:guid}/authority", (Guid familyId, AuthorityRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new RecordParentalAuthority(a, familyId, body.ParentId, body.ChildId, body.Date, v), ct))
            .DescribeFamilyWrite("RecordParentalAuthority", "Records gezag of a parent over a child from a date.");
        families.MapPost("/{familyId:guid}/authority/end", (Guid familyId, AuthorityRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new EndParentalAuthority(a, familyId, body.ParentId, body.ChildId, body.Date, v), ct))
            .DescribeFamilyWrite("EndParentalAuthority", "Ends gezag of a parent over a child on a date (divorce, court).");
    }
}
