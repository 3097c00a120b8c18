using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Plans.AddPlanItem;

/// <summary>Adds a worry, strength, goal or action to the family's plan; a family member's becomes a proposal (condition 1).</summary>
public sealed record AddPlanItem(Actor Actor, Guid FamilyId, AddPlanItemRequest Item) : ICommand<ItemPostedResponse>;

public sealed class AddPlanItemValidator : AbstractValidator<AddPlanItem>
{
    public AddPlanItemValidator()
    {
        RuleFor(c => c.Item).NotNull().WithMessage("Stuur een onderdeel van het plan mee.");
        When(c => c.Item is not null, () =>
        {
            RuleFor(c => c.Item.Kind).NotNull().IsInEnum()
                .Must(k => k is ItemKind.Worry or ItemKind.Strength or ItemKind.Goal or ItemKind.Action)
                .WithMessage("Kies: zorg, wat goed gaat, doel of actie.").OverridePropertyName("Kind");
            RuleFor(c => c.Item.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf een tekst.")
                .Must(t => t is null || t.Trim().Length <= PlanDecisions.MaxTextLength).WithMessage($"Een tekst heeft hoogstens {PlanDecisions.MaxTextLength} tekens.")
                .OverridePropertyName("Text");
            RuleFor(c => c.Item.Scale).InclusiveBetween(0, 10).When(c => c.Item.Scale is not null).WithMessage("Een schaal loopt van 0 tot 10.")
                .OverridePropertyName("Scale");
            RuleFor(c => c.Item.GoalId).NotEmpty().When(c => c.Item.Kind == ItemKind.Action).WithMessage("Kies het doel van deze actie.")
                .OverridePropertyName("GoalId");
            RuleFor(c => c.Item.Target).MaximumLength(PlanDecisions.MaxTextLength).OverridePropertyName("Target");
            RuleFor(c => c.Item.About).Must(a => a is null || a.All(id => id != Guid.Empty)).WithMessage("Kies gezinsleden uit dit gezin.")
                .OverridePropertyName("About");
            RuleFor(c => c.Item.Owner).Must(o => o is null || (o.UserId is null) != (o.PersonId is null))
                .WithMessage("Kies één eigenaar: een professional of iemand van het gezin.").OverridePropertyName("Owner");
        });
    }
}

public sealed class AddPlanItemHandler(IDocumentSession session, FamilyContexts families, Gate gate) : ICommandHandler<AddPlanItem, ItemPostedResponse>
{
    public async ValueTask<ItemPostedResponse> Handle(AddPlanItem c, CancellationToken ct)
    {
        var f = await families.LoadAsync(new FamilyId(c.FamilyId), ct) ?? throw gate.NotFound("plan");
        gate.Guard(c.Actor, AccessAction.Create, $"plan:{c.FamilyId}", f.Id, FamilyPolicy.ReadBoard(c.Actor, f.Family, f.BirthDates, f.Table, gate.Now));
        var board = await PlanBoards.MainAsync(session, f.Id, ct) ?? throw gate.NotFound("plan");
        var r = c.Item;
        var goal = r.GoalId is { } g ? await session.Events.FetchLatest<Item>(g, ct) : null;
        if (goal is not null && !ItemPolicy.Decide(c.Actor, ItemAction.Read, goal.Facts, f.Family, f.BirthDates, f.Table, gate.Now).Allowed) goal = null;
        var owner = PlanOwners.Resolve(f, r.Owner);
        var about = (r.About ?? []).Select(id => new PersonId(id)).ToList();
        var n = new NewPlanItem(r.Kind!.Value, r.Text!, about, r.Target, r.Scale, null, goal, r.Due, owner, r.ForNetwork);

        var id = ItemId.New();
        var facts = new ItemFacts(InformationCategory.Plan, about.Count == 0 && goal is not null ? goal.Facts.About : [.. about],
            c.Actor.UserId, c.Actor.OrganisationId, Audience.Everyone);
        gate.Require(c.Actor, AccessAction.Create, $"item:{id}", f.Id,
            ItemPolicy.Decide(c.Actor, ItemAction.Create, facts, f.Family, f.BirthDates, f.Table, gate.Now));
        var events = PlanDecisions.Add(board, f.Of, f.Table, c.Actor, id, n, gate.Now);
        session.Events.StartStream<Item>(id.Value, [.. events]);
        await gate.SaveAsync(ct);
        return new ItemPostedResponse(id.Value, board.Id.Value, await gate.PositionOfAsync(id, ct), events.Count);
    }
}

/// <summary>An owner as the request names it, checked against the family: a member of it, or a professional of its network.</summary>
public static class PlanOwners
{
    public static Owner? Resolve(FamilyContext f, OwnerRequest? owner)
    {
        if (owner is null) return null;
        if (owner.PersonId is { } p && f.Family.MemberFor(new PersonId(p)) is not null)
            return new Owner(null, new PersonId(p), f.NameOf(new PersonId(p)));
        if (owner.UserId is { } u && f.Family.ProfessionalFor(new UserId(u)) is { } pro)
            return new Owner(new UserId(u), null, pro.DisplayName);
        throw new DomainRuleViolation("plan.owner-not-in-family");
    }
}

public static class AddPlanItemEndpoint
{
    public static void MapAddPlanItem(this RouteGroupBuilder api) => api
        .MapPost("/families/{familyId:guid}/plan/items", async Task<Created<ItemPostedResponse>> (
            Guid familyId, AddPlanItemRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            Versions.RefuseOnCreate(http.Request);
            var result = await m.Send(new AddPlanItem(http.User.ToActor(), familyId, body), ct);
            Versions.SetETag(http.Response, result.ItemVersion);
            return TypedResults.Created($"/api/items/{result.ItemId}", result);
        })
        .WithName("AddPlanItem")
        .WithSummary("Adds a worry, strength, goal or action to the family plan; a family member's is a proposal until a professional accepts it.")
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
