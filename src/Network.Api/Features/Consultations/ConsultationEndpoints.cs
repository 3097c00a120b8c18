using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Consultations;

public static class ConsultationEndpoints
{
    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/boards/{boardId:guid}/consultations", async (Guid boardId, ScheduleConsultationRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                Versions.RefuseOnCreate(http.Request);
                var result = await m.Send(new ScheduleConsultation(http.User.ToActor(), boardId, body), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Created($"/api/items/{result.ItemId}", result);
            })
            .RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Consultations")
            .WithName("ScheduleConsultation")
            .WithSummary("Schedules a case consultation on a board; every participant gets an invitation by e-mail with an .ics (METHOD:REQUEST).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var items = app.MapGroup("/api/consultations/{itemId:guid}").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Consultations");
        items.MapPut("", async (Guid itemId, ScheduleConsultationRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                Changed(http, await m.Send(new ChangeConsultation(http.User.ToActor(), itemId, Versions.ExpectedVersion(http.Request), body), ct)))
            .WithName("ChangeConsultation").WithSummary("Moves or changes a consultation (If-Match): the same UID, a higher SEQUENCE; participants are mailed again.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        items.MapPost("/cancel", async (Guid itemId, CancelAppointmentRequest? body, HttpContext http, IMediator m, CancellationToken ct) =>
                Changed(http, await m.Send(new CancelConsultation(http.User.ToActor(), itemId, Versions.ExpectedVersion(http.Request), body?.Reason), ct)))
            .WithName("CancelConsultation").WithSummary("Cancels a consultation (If-Match); participants get METHOD:CANCEL.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        items.MapPost("/response", async (Guid itemId, RespondToConsultationRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                Changed(http, await m.Send(new RespondToConsultation(http.User.ToActor(), itemId, body), ct)))
            .WithName("RespondToConsultation").WithSummary("A participant accepts or declines.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        items.MapPost("/agenda", async (Guid itemId, AddAgendaPointRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                Changed(http, await m.Send(new AddAgendaPoint(http.User.ToActor(), itemId, body), ct)))
            .WithName("AddAgendaPoint").WithSummary("Anyone invited (the family included) adds a point to the agenda, within the table.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        items.MapPost("/agenda/from-plan", async (Guid itemId, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(new AgendaFromPlan(http.User.ToActor(), itemId), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Ok(result);
            })
            .WithName("AgendaFromPlan").WithSummary("Puts the open goals and overdue actions about the consultation's children on the agenda, each once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        items.MapPost("/held", async (Guid itemId, HoldConsultationRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                Changed(http, await m.Send(new HoldConsultation(http.User.ToActor(), itemId, Versions.ExpectedVersion(http.Request), body), ct)))
            .WithName("HoldConsultation").WithSummary("Records that the consultation took place, and who was there.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        items.MapPost("/decisions", async (Guid itemId, RecordDecisionRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(new RecordDecision(http.User.ToActor(), itemId, body), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Ok(result);
            })
            .WithName("RecordDecision").WithSummary("Records a decision; it can make a plan action or goal, or change an action, linked both ways.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        items.MapPost("/minutes", async (Guid itemId, PostMinutesRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(new PostMinutes(http.User.ToActor(), itemId, body), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Created($"/api/items/{result.ItemId}", result);
            })
            .WithName("PostMinutes").WithSummary("Minutes for the consultation or one agenda point: an item with a category, children and audience within the table.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<ItemChangedResponse> Changed(HttpContext http, ItemChangedResponse result)
    {
        Versions.SetETag(http.Response, result.ItemVersion);
        return TypedResults.Ok(result);
    }
}
