using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Families;

/// <summary>A command that changes one family; the expected version comes from If-Match.</summary>
public interface IFamilyCommand : ICommand<FamilyChanged>
{
    Guid FamilyId { get; }
}

public static class FamilyEndpoint
{
    /// <summary>Sends a family command built from the caller and If-Match, and answers the new version as ETag.</summary>
    public static async Task<IResult> SendAsync(
        HttpContext http, IMediator mediator, Func<Actor, long?, IFamilyCommand> command, CancellationToken ct)
    {
        var result = await mediator.Send(command(http.User.ToActor(), Versions.ExpectedVersion(http.Request)), ct);
        Versions.SetETag(http.Response, result.Version);
        return TypedResults.Ok(result);
    }

    public static RouteHandlerBuilder DescribeFamilyWrite(this RouteHandlerBuilder endpoint, string name, string summary) => endpoint
        .WithName(name)
        .WithSummary(summary)
        .Produces<FamilyChanged>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
