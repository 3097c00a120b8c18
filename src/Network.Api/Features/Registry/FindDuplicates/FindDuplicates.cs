using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Api.Features.Registry.FindDuplicates;

/// <summary>Checks, before registering, whether someone with these details is already in the registry.</summary>
public sealed record FindDuplicates(Actor Actor, string? GivenNames, string? Prefix, string? FamilyName, DateOnly? DateOfBirth, string? Bsn)
    : IQuery<IReadOnlyList<DuplicateDto>>;

public sealed class FindDuplicatesValidator : AbstractValidator<FindDuplicates>
{
    public FindDuplicatesValidator()
    {
        RuleFor(q => q.DateOfBirth).NotNull().When(q => string.IsNullOrWhiteSpace(q.Bsn))
            .WithMessage("Geef een geboortedatum of een BSN.");
        RuleFor(q => q.Bsn).Must(b => string.IsNullOrWhiteSpace(b) || Bsn.IsValid(b)).WithMessage("Dit BSN klopt niet (elfproef).");
    }
}

public sealed class FindDuplicatesHandler(IQuerySession session, AccessLogger log) : IQueryHandler<FindDuplicates, IReadOnlyList<DuplicateDto>>
{
    public async ValueTask<IReadOnlyList<DuplicateDto>> Handle(FindDuplicates q, CancellationToken ct)
    {
        if (!q.Actor.IsProfessional) throw new NotAllowed("Alleen professionals zoeken in het register.");
        var details = new PersonDetails(new PersonName(q.GivenNames ?? "", q.Prefix, q.FamilyName ?? ""),
            q.DateOfBirth ?? DateOnly.MinValue, Bsn.Normalize(q.Bsn), null, null, null, null, null);
        var found = await Duplicates.FindAsync(session, details, null, ct);
        await log.ManyAsync(q.Actor, AccessAction.Search, "persons:duplicates", found.Select(d => new PersonId(d.PersonId)), AccessBasis.Registrant, ct);
        return found;
    }
}

public static class FindDuplicatesEndpoint
{
    public static void MapFindDuplicates(this RouteGroupBuilder persons) => persons
        .MapGet("/duplicates", async (string? givenNames, string? prefix, string? familyName, DateOnly? dateOfBirth, string? bsn,
            HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new FindDuplicates(http.User.ToActor(), givenNames, prefix, familyName, dateOfBirth, bsn), ct)))
        .WithName("FindDuplicates")
        .WithSummary("Likely duplicates of the given details: same BSN, or similar name and same date of birth.");
}
