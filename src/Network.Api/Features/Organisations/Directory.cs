using Marten;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Organisations;

/// <summary>The region's organisations (to pick the executor of a measure).</summary>
[NotPersonData]
public sealed record ListOrganisations(Actor Actor) : IQuery<IReadOnlyList<OrganisationView>>;

/// <summary>The region's professionals (to invite into a network): names, roles and organisations only.</summary>
[NotPersonData]
public sealed record ListProfessionals(Actor Actor, string? Query) : IQuery<IReadOnlyList<DirectoryEntry>>;

public sealed class DirectoryHandler(IQuerySession session, UserManager<NetworkUser> users) :
    IQueryHandler<ListOrganisations, IReadOnlyList<OrganisationView>>,
    IQueryHandler<ListProfessionals, IReadOnlyList<DirectoryEntry>>
{
    public async ValueTask<IReadOnlyList<OrganisationView>> Handle(ListOrganisations q, CancellationToken ct)
    {
        Require(AdminPolicy.ListOrganisations(q.Actor));
        var organisations = await global::Marten.QueryableExtensions.ToListAsync(session.Query<Organisation>(), ct);
        return [.. organisations.OrderBy(o => o.Name).Select(o => new OrganisationView(o.Id.Value, o.Name, o.Type))];
    }

    public async ValueTask<IReadOnlyList<DirectoryEntry>> Handle(ListProfessionals q, CancellationToken ct)
    {
        Require(AdminPolicy.ListProfessionals(q.Actor));
        ActorRole[] roles = [ActorRole.NeighbourhoodTeam, ActorRole.YouthCare, ActorRole.YouthHealth, ActorRole.FamilyGuardian, ActorRole.ProbationOfficer, ActorRole.ChildProtectionBoard];
        var query = users.Users.AsNoTracking().Where(u => roles.Contains(u.Role));
        if (!string.IsNullOrWhiteSpace(q.Query))
        {
            var like = $"%{q.Query.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, like) || EF.Functions.ILike(u.Organisation!, like));
        }
        var found = await EntityFrameworkQueryableExtensions.ToListAsync(query.OrderBy(u => u.DisplayName).Take(50), ct);
        return [.. found.Select(u => new DirectoryEntry(u.Id, u.DisplayName, u.Role, u.Organisation))];
    }

    private static void Require(Decision decision)
    {
        if (!decision.Allowed) throw new NotAllowed(decision.Reasons);
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
