using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Table;

/// <summary>The table in force. Everyone may read it: it says what each role may see, not what is there.</summary>
[NotPersonData]
public sealed record GetTable : IQuery<TableView>;

/// <summary>A functional administrator changes one cell, with a reason; a change that breaks a hard rule is refused with the rule named.</summary>
[NotPersonData]
public sealed record ChangeTableCell(Actor Actor, InformationCategory Category, TableColumn Column, TableAccess? Access,
    IReadOnlyList<TableCondition>? Conditions, string? Reason, long? ExpectedVersion) : ICommand<TableView>;

public sealed class ChangeTableCellValidator : AbstractValidator<ChangeTableCell>
{
    public ChangeTableCellValidator()
    {
        RuleFor(c => c.Access).NotNull().IsInEnum().WithMessage("Kies W, R of geen toegang.");
        RuleForEach(c => c.Conditions).IsInEnum().Must(c => c != TableCondition.None).WithMessage("Deze voorwaarde kennen we niet.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Zeg waarom de tabel verandert.").MaximumLength(500);
    }
}

public sealed class TableHandler(IDocumentSession session, TableCache tables, TimeProvider clock) :
    IQueryHandler<GetTable, TableView>, ICommandHandler<ChangeTableCell, TableView>
{
    public async ValueTask<TableView> Handle(GetTable q, CancellationToken ct) => View(await tables.LoadAsync(session, null, ct));

    public async ValueTask<TableView> Handle(ChangeTableCell c, CancellationToken ct)
    {
        var table = await tables.LoadAsync(session, null, ct);
        var conditions = (c.Conditions ?? []).Aggregate(TableCondition.None, (all, one) => all | one);
        var events = TableChanges.ChangeCell(table, c.Actor, c.Category, c.Column, new TableCell(c.Access!.Value, conditions), c.Reason!, clock.GetUtcNow());
        Versions.Check(c.ExpectedVersion, table.Version);
        if (events.Count == 0) return View(table);
        session.Events.Append(TableChanges.StreamId, events.ToArray());
        await session.SaveChangesAsync(ct);
        return View(events.Aggregate(table, TableChanges.Evolve));
    }

    private static TableView View(AuthorizationTable table) => new(table.Version,
        [.. table.Cells.OrderBy(c => c.Key.Category).ThenBy(c => c.Key.Column).Select(c => new TableCellView(
            c.Key.Category, c.Key.Column, c.Value.Access,
            [.. Enum.GetValues<TableCondition>().Where(f => f != TableCondition.None && c.Value.Conditions.HasFlag(f))]))]);
}

public static class TableEndpoints
{
    public static IEndpointRouteBuilder MapAuthorizationTable(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/authorization/table").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Authorization table");
        group.MapGet("/", async (HttpContext http, IMediator m, CancellationToken ct) =>
        {
            var view = await m.Send(new GetTable(), ct);
            Versions.SetETag(http.Response, view.Version);
            return TypedResults.Ok(view);
        }).WithName("GetAuthorizationTable").WithSummary("The authorization table in force, with its version.");
        group.MapPut("/{category}/{column}", async (InformationCategory category, TableColumn column, ChangeCellRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            var view = await m.Send(new ChangeTableCell(http.User.ToActor(), category, column, body.Access, body.Conditions, body.Reason, Versions.ExpectedVersion(http.Request)), ct);
            Versions.SetETag(http.Response, view.Version);
            return TypedResults.Ok(view);
        })
        .WithName("ChangeAuthorizationTableCell")
        .WithSummary("Changes one cell (functional administrators). Refused with the hard rule named when it breaks one; in force for the next decision.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }
}
