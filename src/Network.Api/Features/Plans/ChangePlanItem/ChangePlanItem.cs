using FluentValidation;
using Mediator;
using Network.Api.Features.Items;
using Network.Api.Features.Plans.AddPlanItem;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Plans.ChangePlanItem;

/// <summary>The author revises their own plan item.</summary>
public sealed record RevisePlanItem(Actor Actor, Guid ItemId, RevisePlanItemRequest Change, long? ExpectedVersion) : ICommand<ItemChangedResponse>;

/// <summary>A new reading on a goal's scale.</summary>
public sealed record ScaleGoal(Actor Actor, Guid ItemId, int? Score, DateOnly? On, long? ExpectedVersion) : ICommand<ItemChangedResponse>;

/// <summary>An action's status: open, in progress, done, or dropped with a reason.</summary>
public sealed record SetActionStatus(Actor Actor, Guid ItemId, ActionStatus? Status, string? Reason, long? ExpectedVersion) : ICommand<ItemChangedResponse>;

/// <summary>A professional accepts or declines a family member's proposal.</summary>
public sealed record DecideProposal(Actor Actor, Guid ItemId, bool Accept, string? Reason, long? ExpectedVersion) : ICommand<ItemChangedResponse>;

public sealed class RevisePlanItemValidator : AbstractValidator<RevisePlanItem>
{
    public RevisePlanItemValidator()
    {
        RuleFor(c => c.Change).NotNull();
        RuleFor(c => c.Change.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf een tekst.")
            .MaximumLength(PlanDecisions.MaxTextLength).OverridePropertyName("Text").When(c => c.Change is not null);
        RuleFor(c => c.Change.Owner).Must(o => o is null || (o.UserId is null) != (o.PersonId is null))
            .WithMessage("Kies één eigenaar: een professional of iemand van het gezin.").OverridePropertyName("Owner").When(c => c.Change is not null);
    }
}

public sealed class ScaleGoalValidator : AbstractValidator<ScaleGoal>
{
    public ScaleGoalValidator()
    {
        RuleFor(c => c.Score).NotNull().InclusiveBetween(0, 10).WithMessage("Een schaal loopt van 0 tot 10.");
        RuleFor(c => c.On).NotNull().WithMessage("Op welke dag gaat deze stand?");
    }
}

public sealed class SetActionStatusValidator : AbstractValidator<SetActionStatus>
{
    public SetActionStatusValidator()
    {
        RuleFor(c => c.Status).NotNull().IsInEnum().WithMessage("Kies de stand van de actie.");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Status == ActionStatus.Dropped).WithMessage("Zeg waarom de actie vervalt.")
            .MaximumLength(PlanDecisions.MaxTextLength);
    }
}

public sealed class DecideProposalValidator : AbstractValidator<DecideProposal>
{
    public DecideProposalValidator() =>
        RuleFor(c => c.Reason).NotEmpty().When(c => !c.Accept).WithMessage("Zeg waarom het voorstel niet in het plan komt.")
            .MaximumLength(PlanDecisions.MaxTextLength);
}

public sealed class ChangePlanItemHandler(ItemWrites items) :
    ICommandHandler<RevisePlanItem, ItemChangedResponse>, ICommandHandler<ScaleGoal, ItemChangedResponse>,
    ICommandHandler<SetActionStatus, ItemChangedResponse>, ICommandHandler<DecideProposal, ItemChangedResponse>
{
    public ValueTask<ItemChangedResponse> Handle(RevisePlanItem c, CancellationToken ct) => new(items.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
        (item, f, now) => PlanDecisions.Revise(item, f.Of, f.Table, c.Actor, c.Change.Text!, c.Change.Target, c.Change.Due,
            PlanOwners.Resolve(f, c.Change.Owner), c.Change.ForNetwork, now), ct));

    public ValueTask<ItemChangedResponse> Handle(ScaleGoal c, CancellationToken ct) => new(items.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
        (item, f, now) => PlanDecisions.Scale(item, f.Of, f.Table, c.Actor, c.Score!.Value, c.On!.Value, now), ct));

    public ValueTask<ItemChangedResponse> Handle(SetActionStatus c, CancellationToken ct) => new(items.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
        (item, f, now) => PlanDecisions.SetStatus(item, f.Of, f.Table, c.Actor, c.Status!.Value, c.Reason, now), ct));

    public ValueTask<ItemChangedResponse> Handle(DecideProposal c, CancellationToken ct) => new(items.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
        (item, f, now) => c.Accept
            ? PlanDecisions.Accept(item, f.Of, f.Table, c.Actor, c.Reason, now)
            : PlanDecisions.Decline(item, f.Of, f.Table, c.Actor, c.Reason!, now), ct));
}

public static class ChangePlanItemEndpoints
{
    public static void MapChangePlanItem(this RouteGroupBuilder api)
    {
        api.MapPut("/plan/items/{itemId:guid}", (Guid itemId, RevisePlanItemRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                Send(http, m, new RevisePlanItem(http.User.ToActor(), itemId, body, Versions.ExpectedVersion(http.Request)), ct))
            .Describe("RevisePlanItem", "Revises one's own plan item (condition 1: never what someone else wrote). Send If-Match.");
        api.MapPost("/plan/items/{itemId:guid}/scale", (Guid itemId, ScaleRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                Send(http, m, new ScaleGoal(http.User.ToActor(), itemId, body.Score, body.On, Versions.ExpectedVersion(http.Request)), ct))
            .Describe("ScaleGoal", "A new 'where are we now' reading (0-10) on a goal, with its day.");
        api.MapPost("/plan/items/{itemId:guid}/status", (Guid itemId, ActionStatusRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                Send(http, m, new SetActionStatus(http.User.ToActor(), itemId, body.Status, body.Reason, Versions.ExpectedVersion(http.Request)), ct))
            .Describe("SetActionStatus", "An action's status, by its owner, its author or a professional who writes the plan; dropping takes a reason.");
        api.MapPost("/plan/items/{itemId:guid}/accept", (Guid itemId, ProposalDecisionRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                Send(http, m, new DecideProposal(http.User.ToActor(), itemId, true, body.Reason, Versions.ExpectedVersion(http.Request)), ct))
            .Describe("AcceptProposal", "A professional takes a family member's proposal into the plan.");
        api.MapPost("/plan/items/{itemId:guid}/decline", (Guid itemId, ProposalDecisionRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                Send(http, m, new DecideProposal(http.User.ToActor(), itemId, false, body.Reason, Versions.ExpectedVersion(http.Request)), ct))
            .Describe("DeclineProposal", "A professional declines a proposal, with a reason the proposer sees.");
    }

    private static async Task<IResult> Send(HttpContext http, IMediator m, ICommand<ItemChangedResponse> command, CancellationToken ct)
    {
        var result = await m.Send(command, ct);
        Versions.SetETag(http.Response, result.ItemVersion);
        return TypedResults.Ok(result);
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, string name, string summary) => endpoint
        .WithName(name).WithSummary(summary).Produces<ItemChangedResponse>()
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
