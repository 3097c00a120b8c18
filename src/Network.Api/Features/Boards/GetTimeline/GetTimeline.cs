using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Network.Api.Features.Items;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Boards.GetTimeline;

/// <summary>
/// The board's timeline; with <see cref="SinceVersion"/> only what changed after that version,
/// otherwise the newest <see cref="Limit"/> items before <see cref="Before"/> (a position).
/// </summary>
public sealed record GetTimeline(Actor Actor, Guid BoardId, long? SinceVersion, long? Before = null, int? Limit = null) : IQuery<TimelineView>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

public sealed class GetTimelineValidator : AbstractValidator<GetTimeline>
{
    public GetTimelineValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, GetTimeline.MaxLimit).WithMessage($"Vraag 1 tot {GetTimeline.MaxLimit} berichten tegelijk.");
        RuleFor(q => q.Before).GreaterThan(0).WithMessage("Geef een positie op de tijdlijn.");
        RuleFor(q => q.SinceVersion).GreaterThanOrEqualTo(0).WithMessage("Geef een positie op de tijdlijn.");
    }
}

public sealed class GetTimelineHandler(FamilyContexts families, Gate gate) : IQueryHandler<GetTimeline, TimelineView>
{
    public async ValueTask<TimelineView> Handle(GetTimeline q, CancellationToken ct)
    {
        var since = q.SinceVersion ?? 0;
        var (board, read) = await gate.ReadBoardAsync(q.Actor, new BoardId(q.BoardId), families, since, ct, q.Before, q.Limit ?? GetTimeline.DefaultLimit);
        var f = board.Family;
        var sight = FamilyPolicy.See(q.Actor, f.Family, f.BirthDates, f.Table, gate.Now);
        var memo = gate.Memo(q.Actor, f);
        var replies = new ReplyRights(q.Actor, f, gate.Now, memo);
        return new TimelineView(
            q.BoardId, f.Id.Value, f.Family.Name, board.Board.Title, read.Position,
            [.. sight.Children.Where(c => c.Full).Select(c => new PersonRef(c.Child.Value, f.NameOf(c.Child)))],
            [.. read.Items.Select(i => i.Row.ToView(q.Actor, f, gate.Now, memo, replies, sight))],
            read.OtherBoards, board.Board.Themed, board.Board.Closed, read.MoreBefore,
            since == 0 && q.Before is null ? Composer.For(q.Actor, board, sight, gate.Now, memo) : null);
    }
}

public static class GetTimelineEndpoint
{
    public static void MapGetTimeline(this RouteGroupBuilder boards) => AccountCheckInFirstBatch.On(boards
        .MapGet("/{boardId:guid}/timeline", async Task<WholeJson<TimelineView>> (
            Guid boardId, long? since, long? before, int? limit, HttpContext http, IMediator mediator,
            IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var view = await mediator.Send(new GetTimeline(http.User.ToActor(), boardId, since, before, limit), ct);
            Versions.SetETag(http.Response, view.Version);
            return new WholeJson<TimelineView>(view, json.Value.SerializerOptions, TimelineJson.Default.TimelineView);
        }))
        .Produces<TimelineView>()
        .WithName("GetTimeline")
        .WithSummary("A board's timeline: the newest items (?limit=, default 50; ?before=position pages back), or what changed since a version (?since=N): only the items the caller may read. The family's main board shows the items of all its boards.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
