using Marten;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;

namespace Network.Api.Features.Organisations;

public sealed record OrganisationView(Guid OrganisationId, string Name, string Type);

public sealed record ProfessionalView(Guid UserId, string Name, string Role, string? Organisation);

/// <summary>The region's organisations (to pick the executor of a measure).</summary>
public sealed record ListOrganisations(Actor Actor) : IQuery<IReadOnlyList<OrganisationView>>;

/// <summary>The region's professionals (to invite into a network): names, roles and organisations only.</summary>
public sealed record ListProfessionals(Actor Actor, string? Query) : IQuery<IReadOnlyList<ProfessionalView>>;

public sealed class DirectoryHandler(IQuerySession session, UserManager<NetworkUser> users) :
    IQueryHandler<ListOrganisations, IReadOnlyList<OrganisationView>>,
    IQueryHandler<ListProfessionals, IReadOnlyList<ProfessionalView>>
{
    public async ValueTask<IReadOnlyList<OrganisationView>> Handle(ListOrganisations q, CancellationToken ct)
    {
        if (!q.Actor.IsProfessional && q.Actor.Role != ActorRole.FunctionalAdministrator) throw new NotAllowed("Alleen voor professionals.");
        var organisations = await global::Marten.QueryableExtensions.ToListAsync(session.Query<Organisation>(), ct);
        return [.. organisations.OrderBy(o => o.Name).Select(o => new OrganisationView(o.Id.Value, o.Name, o.Type.ToString()))];
    }

    public async ValueTask<IReadOnlyList<ProfessionalView>> Handle(ListProfessionals q, CancellationToken ct)
    {
        if (!q.Actor.IsProfessional) throw new NotAllowed("Alleen voor professionals.");
        ActorRole[] roles = [ActorRole.NeighbourhoodTeam, ActorRole.YouthCare, ActorRole.YouthHealth, ActorRole.FamilyGuardian, ActorRole.ProbationOfficer, ActorRole.ChildProtectionBoard];
        var query = users.Users.Where(u => roles.Contains(u.Role));
        if (!string.IsNullOrWhiteSpace(q.Query))
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, $"%{q.Query.Trim()}%") || EF.Functions.ILike(u.Organisation!, $"%{q.Query.Trim()}%"));
        var found = await EntityFrameworkQueryableExtensions.ToListAsync(query.OrderBy(u => u.DisplayName).Take(50), ct);
        return [.. found.Select(u => new ProfessionalView(u.Id, u.DisplayName, u.Role.ToString(), u.Organisation))];
    }
}

public static class DirectoryEndpoints
{
    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Directory");
        group.MapGet("/organisations", async (HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListOrganisations(http.User.ToActor()), ct))).WithName("ListOrganisations");
        group.MapGet("/professionals", async (string? q, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListProfessionals(http.User.ToActor(), q), ct))).WithName("ListProfessionals");
        return app;
    }
}
