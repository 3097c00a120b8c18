using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Families.Members;

/// <summary>Adds a registry person to the family. The person is referred to, never copied.</summary>
public sealed record AddFamilyMember(Actor Actor, Guid FamilyId, Guid? PersonId, Relation? Relation, long? ExpectedVersion) : IFamilyCommand;

public sealed record RecordParentalAuthority(Actor Actor, Guid FamilyId, Guid? ParentId, Guid? ChildId, DateOnly? From, long? ExpectedVersion) : IFamilyCommand;

public sealed record EndParentalAuthority(Actor Actor, Guid FamilyId, Guid? ParentId, Guid? ChildId, DateOnly? On, long? ExpectedVersion) : IFamilyCommand;

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
        RuleFor(c => c.ParentId).NotEmpty().WithMessage("Kies de ouder.");
        RuleFor(c => c.ChildId).NotEmpty().WithMessage("Kies het kind.");
        RuleFor(c => c.From).NotNull().WithMessage("Vanaf welke datum geldt het gezag?");
    }
}

public sealed class EndParentalAuthorityValidator : AbstractValidator<EndParentalAuthority>
{
    public EndParentalAuthorityValidator()
    {
        RuleFor(c => c.ParentId).NotEmpty().WithMessage("Kies de ouder.");
        RuleFor(c => c.ChildId).NotEmpty().WithMessage("Kies het kind.");
        RuleFor(c => c.On).NotNull().WithMessage("Op welke datum eindigt het gezag?");
    }
}

public sealed class MembersHandler(IDocumentSession session, FamilyWrites writes) :
    ICommandHandler<AddFamilyMember, FamilyChanged>,
    ICommandHandler<RecordParentalAuthority, FamilyChanged>,
    ICommandHandler<EndParentalAuthority, FamilyChanged>
{
    public async ValueTask<FamilyChanged> Handle(AddFamilyMember c, CancellationToken ct)
    {
        // A professional refers to someone found in the registry (or linked to on registration);
        // reading their details still needs standing. Merged records resolve to the survivor.
        var people = await PeopleLookup.LoadAsync(session, [new PersonId(c.PersonId!.Value)], ct);
        var person = people.Values.SingleOrDefault();
        return await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, FamilyWrites.Manage, _ => person is null ? [] : [person.Id],
            (f, now) => FamilyDecisions.AddMember(f.Of, c.Actor, person?.Id ?? throw new DomainRuleViolation("person.unknown"), c.Relation!.Value, now), ct);
    }

    public async ValueTask<FamilyChanged> Handle(RecordParentalAuthority c, CancellationToken ct) =>
        await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, FamilyWrites.Manage, _ => [new PersonId(c.ParentId!.Value), new PersonId(c.ChildId!.Value)],
            (f, now) => FamilyDecisions.RecordAuthority(f.Of, c.Actor, new PersonId(c.ParentId!.Value), new PersonId(c.ChildId!.Value), c.From!.Value, now), ct);

    public async ValueTask<FamilyChanged> Handle(EndParentalAuthority c, CancellationToken ct) =>
        await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, FamilyWrites.Manage, _ => [new PersonId(c.ParentId!.Value), new PersonId(c.ChildId!.Value)],
            (f, now) => FamilyDecisions.EndAuthority(f.Of, c.Actor, new PersonId(c.ParentId!.Value), new PersonId(c.ChildId!.Value), c.On!.Value, now), ct);
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
