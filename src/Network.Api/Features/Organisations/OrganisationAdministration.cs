using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Domain.Accounts;

namespace Network.Api.Features.Organisations;

public sealed record CreateOrganisation(Actor Actor, string? Name, OrganisationType? Type, string? Reason) : ICommand<OrganisationAdminView>;
public sealed record RenameOrganisation(Actor Actor, Guid OrganisationId, string? Name, string? Reason) : ICommand<OrganisationAdminView>;
public sealed record DeactivateOrganisation(Actor Actor, Guid OrganisationId, string? Reason) : ICommand<OrganisationAdminView>;
public sealed record ListOrganisationsForAdmin(Actor Actor) : IQuery<IReadOnlyList<OrganisationAdminView>>;

/// <summary>
/// Functional administrators keep the region's organisations: each change an event with who and
/// why, and an access-log entry (no person's data: the region's chain).
/// </summary>
public sealed class OrganisationAdministrationHandler(IDocumentSession session, Gate gate) :
    ICommandHandler<CreateOrganisation, OrganisationAdminView>,
    ICommandHandler<RenameOrganisation, OrganisationAdminView>,
    ICommandHandler<DeactivateOrganisation, OrganisationAdminView>,
    IQueryHandler<ListOrganisationsForAdmin, IReadOnlyList<OrganisationAdminView>>
{
    public async ValueTask<OrganisationAdminView> Handle(CreateOrganisation c, CancellationToken ct)
    {
        var id = OrganisationId.New();
        Allow(c.Actor, AccessAction.Create, id.Value);
        if (c.Type is not { } type) throw new DomainRuleViolation("organisation.type-required");
        var name = c.Name?.Trim() ?? "";
        if (await session.Query<Organisation>().AnyAsync(o => o.Name == name, ct)) throw new DomainRuleViolation("organisation.name-taken");
        var events = Organisation.Register(id, name, type, gate.Now).Select(e => e is OrganisationRegistered r
            ? r with { By = c.Actor.UserId, Reason = c.Reason?.Trim() } : e).ToList();
        session.Events.StartStream<Organisation>(id.Value, events);
        await gate.SaveAsync(ct);
        return new OrganisationAdminView(id.Value, name, type, true);
    }

    public async ValueTask<OrganisationAdminView> Handle(RenameOrganisation c, CancellationToken ct) =>
        await ChangeAsync(c.Actor, c.OrganisationId, o => Organisation.Rename(o, c.Name ?? "", c.Actor.UserId, AccountPolicy.RequireReason(c.Reason), gate.Now), ct);

    public async ValueTask<OrganisationAdminView> Handle(DeactivateOrganisation c, CancellationToken ct) =>
        await ChangeAsync(c.Actor, c.OrganisationId, o => Organisation.Deactivate(o, c.Actor.UserId, AccountPolicy.RequireReason(c.Reason), gate.Now), ct);

    public async ValueTask<IReadOnlyList<OrganisationAdminView>> Handle(ListOrganisationsForAdmin q, CancellationToken ct)
    {
        gate.NothingShown();
        if (!AccountPolicy.Administer(q.Actor).Allowed) throw new NotAllowed(AccountPolicy.Administer(q.Actor).Reasons);
        var all = await session.Query<Organisation>().ToListAsync(ct);
        return [.. all.OrderBy(o => o.Name).Select(View)];
    }

    private async Task<OrganisationAdminView> ChangeAsync(Actor actor, Guid id, Func<Organisation, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        Allow(actor, AccessAction.Update, id);
        var stream = await session.Events.FetchForWriting<Organisation>(id, ct);
        if (stream.Aggregate is not { } organisation) throw new ResourceNotFound("organisation");
        var events = decide(organisation);
        if (events.Count == 0) return View(organisation);
        stream.AppendMany(events);
        await gate.SaveAsync(ct);
        return View(events.Aggregate(organisation, (o, e) => Organisation.Evolve(o, e)!));
    }

    private void Allow(Actor actor, AccessAction action, Guid organisation)
    {
        var decision = AccountPolicy.Administer(actor);
        gate.Require(actor, action, $"organisation:{organisation}", null,
            decision.About([new SubjectOutcome(null, AccessBasis.None, decision.Allowed)]));
    }

    private static OrganisationAdminView View(Organisation o) => new(o.Id.Value, o.Name, o.Type, o.Active);
}

public static class OrganisationAdministrationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationAdministration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/organisations").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Administration");
        group.MapGet("", async (HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListOrganisationsForAdmin(http.User.ToActor()), ct))).WithName("AdminListOrganisations");
        group.MapPost("", async (CreateOrganisationRequest r, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(new CreateOrganisation(http.User.ToActor(), r.Name, r.Type, r.Reason), ct);
            return TypedResults.Created($"/api/admin/organisations/{created.OrganisationId}", created);
        }).WithName("CreateOrganisation").WithSummary("Creates an organisation of a type (functional administrators).");
        group.MapPut("/{id:guid}/name", async (Guid id, RenameOrganisationRequest r, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RenameOrganisation(http.User.ToActor(), id, r.Name, r.Reason), ct))).WithName("RenameOrganisation");
        group.MapPost("/{id:guid}/deactivate", async (Guid id, ReasonRequest r, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DeactivateOrganisation(http.User.ToActor(), id, r.Reason), ct))).WithName("DeactivateOrganisation");
        return app;
    }
}
