using FluentValidation;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Registry.FindDuplicates;

/// <summary>Checks, before registering, whether someone with these details is already in the registry.</summary>
public sealed record FindDuplicates(Actor Actor, string? GivenNames, string? Prefix, string? FamilyName, DateOnly? DateOfBirth, string? Bsn)
    : IQuery<IReadOnlyList<DuplicateView>>;

public sealed class FindDuplicatesValidator : AbstractValidator<FindDuplicates>
{
    public FindDuplicatesValidator()
    {
        RuleFor(q => q.DateOfBirth).NotNull().When(q => string.IsNullOrWhiteSpace(q.Bsn))
            .WithMessage("Geef een geboortedatum of een BSN.");
        RuleFor(q => q.Bsn).Must(b => string.IsNullOrWhiteSpace(b) || Bsn.IsValid(b)).WithMessage("Dit BSN klopt niet (elfproef).");
    }
}

public sealed class FindDuplicatesHandler(Duplicates duplicates, Gate gate) : IQueryHandler<FindDuplicates, IReadOnlyList<DuplicateView>>
{
    public async ValueTask<IReadOnlyList<DuplicateView>> Handle(FindDuplicates q, CancellationToken ct)
    {
        gate.Require(q.Actor, AccessAction.Search, "persons:duplicates", null, AdminPolicy.Register(q.Actor));
        var details = new PersonDetails(new PersonName(q.GivenNames ?? "", q.Prefix, q.FamilyName ?? ""),
            q.DateOfBirth ?? DateOnly.MinValue, Bsn.Normalize(q.Bsn), null, null, null, null, null);
        return await duplicates.FindAsync(q.Actor, details, null, ct);
    }
}

public static class FindDuplicatesEndpoint
{
    public static void MapFindDuplicates(this RouteGroupBuilder persons) => persons
        .MapGet("/duplicates", async (string? givenNames, string? prefix, string? familyName, DateOnly? dateOfBirth, string? bsn,
            HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new FindDuplicates(http.User.ToActor(), givenNames, prefix, familyName, dateOfBirth, bsn), ct)))
        .WithName("FindDuplicates")
        .WithSummary("Likely duplicates over the whole region; one the caller may not see is only said to exist, with an id to link to.");
}
