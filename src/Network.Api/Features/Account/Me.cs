using Network.Api.Infrastructure.Auth;

namespace Network.Api.Features.Account;

/// <summary>
/// Who the caller is, from the access token alone: the lightest authorized request (no one
/// else's data, nothing read from the database), which the benchmarks use as their floor.
/// </summary>
public static class MeEndpoint
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (HttpContext http) =>
            {
                var a = http.User.ToActor();
                return TypedResults.Ok(new MeView(a.UserId.Value, a.DisplayName, a.Role.ToString(),
                    a.OrganisationId?.Value, a.Organisation, a.PersonId?.Value));
            })
            .RequireAuthorization(AuthSetup.ApiPolicy)
            .WithTags("Account")
            .WithName("Me")
            .WithSummary("The caller's own account, as the access token states it.");
        return app;
    }
}
