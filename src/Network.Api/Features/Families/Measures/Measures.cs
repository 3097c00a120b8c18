using FluentValidation;
using Marten;
using Mediator;

namespace Network.Api.Features.Families.Measures;

public sealed record RecordMeasure(Actor Actor, Guid FamilyId, Guid? ChildId, MeasureType? Type, Guid? OrganisationId, DateOnly? Start, DateOnly? End, long? ExpectedVersion) : IFamilyCommand;

public sealed record EndMeasure(Actor Actor, Guid FamilyId, Guid MeasureId, DateOnly? On, long? ExpectedVersion) : IFamilyCommand;

public sealed class RecordMeasureValidator : AbstractValidator<RecordMeasure>
{
    public RecordMeasureValidator()
    {
        RuleFor(c => c.ChildId).NotEmpty().WithMessage("Kies het kind.");
        RuleFor(c => c.Type).NotNull().IsInEnum().WithMessage("Kies de maatregel.");
        RuleFor(c => c.OrganisationId).NotEmpty().WithMessage("Kies de uitvoerende organisatie.");
        RuleFor(c => c.Start).NotNull().WithMessage("Vul de begindatum in.");
        RuleFor(c => c.End).GreaterThan(c => c.Start).When(c => c.End is not null && c.Start is not null).WithMessage("De einddatum ligt na de begindatum.");
    }
}

public sealed class EndMeasureValidator : AbstractValidator<EndMeasure>
{
    public EndMeasureValidator() => RuleFor(c => c.On).NotNull().WithMessage("Vul de einddatum in.");
}

public sealed class MeasuresHandler(IDocumentSession session, FamilyWrites writes) :
    ICommandHandler<RecordMeasure, FamilyChanged>, ICommandHandler<EndMeasure, FamilyChanged>
{
    public async ValueTask<FamilyChanged> Handle(RecordMeasure c, CancellationToken ct)
    {
        var executor = await session.LoadAsync<Organisation>(new OrganisationId(c.OrganisationId!.Value), ct);
        return await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, FamilyWrites.Manage, _ => [new PersonId(c.ChildId!.Value)],
            (f, now) => FamilyDecisions.RecordMeasure(f.Of, c.Actor, MeasureId.New(), new PersonId(c.ChildId!.Value), c.Type!.Value,
                executor ?? throw new DomainRuleViolation("organisation.unknown"), c.Start!.Value, c.End, now), ct);
    }

    public async ValueTask<FamilyChanged> Handle(EndMeasure c, CancellationToken ct) =>
        await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, FamilyWrites.Manage,
            f => f.Family.Measures.Where(m => m.Id.Value == c.MeasureId).Select(m => m.Child),
            (f, now) => FamilyDecisions.EndMeasure(f.Of, c.Actor, new MeasureId(c.MeasureId), c.On!.Value, now), ct);
}

public static class MeasuresEndpoints
{
    public static void MapMeasures(this RouteGroupBuilder families)
    {
        families.MapPost("/{familyId:guid}/measures", (Guid familyId, RecordMeasureRequest b, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new RecordMeasure(a, familyId, b.ChildId, b.Type, b.OrganisationId, b.Start, b.End, v), ct))
            .DescribeFamilyWrite("RecordMeasure", "Records a civil or criminal measure, or a Child Protection Board investigation, for a child.");
        families.MapPost("/{familyId:guid}/measures/{measureId:guid}/end", (Guid familyId, Guid measureId, EndRequest b, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new EndMeasure(a, familyId, measureId, b.On, v), ct))
            .DescribeFamilyWrite("EndMeasure", "Ends a measure; legal-basis standing ends with it.");
    }
}
