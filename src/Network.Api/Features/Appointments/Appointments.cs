using System.Linq.Expressions;
using FluentValidation;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Mediator;
using Network.Api.Features.Items;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Appointments;

public sealed record PostAppointment(Actor Actor, Guid BoardId, PostAppointmentRequest Appointment) : ICommand<ItemPostedResponse>;

public sealed record ChangeAppointment(Actor Actor, Guid ItemId, long? ExpectedVersion, ChangeAppointmentRequest Appointment) : ICommand<ItemChangedResponse>;

public sealed record CancelAppointment(Actor Actor, Guid ItemId, long? ExpectedVersion, CancelAppointmentRequest Cancel) : ICommand<ItemChangedResponse>;

/// <summary>An appointment as an iCalendar file: one stable UID per appointment, its SEQUENCE growing with each change; logged as an export.</summary>
public sealed record AppointmentCalendar(Actor Actor, Guid ItemId) : IQuery<string>;

/// <summary>The appointments coming up that the caller takes part in and may read.</summary>
public sealed record UpcomingAppointments(Actor Actor) : IQuery<IReadOnlyList<UpcomingAppointment>>;

public sealed class PostAppointmentValidator : AbstractValidator<PostAppointment>
{
    public PostAppointmentValidator()
    {
        RuleFor(c => c.Appointment).NotNull().WithMessage("Stuur een afspraak mee.");
        When(c => c.Appointment is not null, () =>
        {
            AppointmentRules.Apply(this, c => c.Appointment.Title, c => c.Appointment.Start, c => c.Appointment.DurationMinutes);
            RuleFor(c => c.Appointment.Category).IsInEnum().OverridePropertyName("Category");
            RuleFor(c => c.Appointment.Audience).IsInEnum().OverridePropertyName("Audience");
        });
    }
}

public sealed class ChangeAppointmentValidator : AbstractValidator<ChangeAppointment>
{
    public ChangeAppointmentValidator()
    {
        RuleFor(c => c.Appointment).NotNull().WithMessage("Stuur een afspraak mee.");
        When(c => c.Appointment is not null,
            () => AppointmentRules.Apply(this, c => c.Appointment.Title, c => c.Appointment.Start, c => c.Appointment.DurationMinutes));
    }
}

/// <summary>The title, start and duration of an appointment, new or changed: the domain's bounds, as a 400 per field.</summary>
internal static class AppointmentRules
{
    public static void Apply<T>(
        AbstractValidator<T> v, Expression<Func<T, string?>> title, Expression<Func<T, DateTimeOffset?>> start, Expression<Func<T, int?>> minutes)
    {
        v.RuleFor(title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Geef de afspraak een titel.")
            .Must(t => t is null || t.Trim().Length <= Item.MaxTextLength).WithMessage($"Een titel heeft hoogstens {Item.MaxTextLength} tekens.")
            .OverridePropertyName("Title");
        v.RuleFor(start).NotNull().WithMessage("Kies een datum en tijd.")
            .Must(s => s is null || s.Value.UtcDateTime.Year is >= Domain.Items.Appointments.FirstYear and <= Domain.Items.Appointments.LastYear)
            .WithMessage($"Kies een datum tussen {Domain.Items.Appointments.FirstYear} en {Domain.Items.Appointments.LastYear}.")
            .OverridePropertyName("Start");
        v.RuleFor(minutes).NotNull().WithMessage("Kies hoe lang de afspraak duurt.")
            .InclusiveBetween(Domain.Items.Appointments.MinMinutes, Domain.Items.Appointments.MaxMinutes).WithMessage("Een afspraak duurt 5 minuten tot 24 uur.")
            .OverridePropertyName("DurationMinutes");
    }
}

public sealed class AppointmentHandlers(ItemWrites writes, FamilyContexts families, Gate gate) :
    ICommandHandler<PostAppointment, ItemPostedResponse>, ICommandHandler<ChangeAppointment, ItemChangedResponse>,
    ICommandHandler<CancelAppointment, ItemChangedResponse>, IQueryHandler<AppointmentCalendar, string>,
    IQueryHandler<UpcomingAppointments, IReadOnlyList<UpcomingAppointment>>
{
    public async ValueTask<ItemPostedResponse> Handle(PostAppointment c, CancellationToken ct)
    {
        var a = c.Appointment;
        var choices = new PostItemRequest(a.Title, a.Category, a.About, a.Audience, a.Named).ToChoices();
        return await writes.PostAsync(c.Actor, c.BoardId, a.Title!, choices, ct,
            appointment: Fields(a.Start!.Value, a.DurationMinutes!.Value, a.Place, a.VideoLink, a.ParticipantPersons, a.ParticipantUsers));
    }

    public async ValueTask<ItemChangedResponse> Handle(ChangeAppointment c, CancellationToken ct)
    {
        var a = c.Appointment;
        var fields = Fields(a.Start!.Value, a.DurationMinutes!.Value, a.Place, a.VideoLink, a.ParticipantPersons, a.ParticipantUsers);
        return await writes.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
            (item, f, now) => Domain.Items.Appointments.Change(item, f.Of, f.Table, c.Actor, a.Title!, fields, now), ct);
    }

    public async ValueTask<ItemChangedResponse> Handle(CancelAppointment c, CancellationToken ct) =>
        await writes.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
            (item, f, now) => Domain.Items.Appointments.Cancel(item, f.Of, f.Table, c.Actor, c.Cancel?.Reason, now), ct);

    public async ValueTask<string> Handle(AppointmentCalendar q, CancellationToken ct)
    {
        var (row, family, _) = await gate.ReadItemAsync(q.Actor, new ItemId(q.ItemId), families, ct, AccessAction.Export);
        var sight = FamilyPolicy.See(q.Actor, family.Family, family.BirthDates, family.Table, gate.Now);
        var view = ItemViews.AppointmentOf(row.Details, family, sight) ?? throw gate.NotFound("appointment");
        return Ics(row, view);
    }

    public async ValueTask<IReadOnlyList<UpcomingAppointment>> Handle(UpcomingAppointments q, CancellationToken ct)
    {
        var mine = await gate.MyAppointmentsAsync(q.Actor, families, ct);
        var sights = mine.Select(m => m.Family).DistinctBy(f => f.Id)
            .ToDictionary(f => f.Id, f => FamilyPolicy.See(q.Actor, f.Family, f.BirthDates, f.Table, gate.Now));
        return [.. mine.Select(m => new UpcomingAppointment(
            m.Row.Id, m.Row.FamilyId, m.Family.Family.Name, m.Row.Boards[0], m.Row.Text, ItemViews.AppointmentOf(m.Row.Details, m.Family, sights[m.Family.Id])!, m.Row.Kind))];
    }

    private static AppointmentFields Fields(
        DateTimeOffset start, int minutes, string? place, string? link, IReadOnlyList<Guid>? persons, IReadOnlyList<Guid>? users) => new(
        start.ToUniversalTime(), minutes, string.IsNullOrWhiteSpace(place) ? null : place.Trim(), string.IsNullOrWhiteSpace(link) ? null : link.Trim(),
        [.. (persons ?? []).Distinct().Select(p => new PersonId(p))], [.. (users ?? []).Distinct().Select(u => new UserId(u))]);

    private static string Ics(ItemRow row, AppointmentView a)
    {
        var e = new CalendarEvent
        {
            Uid = $"{row.Id}@network",
            Summary = row.Text,
            Start = new CalDateTime(a.Start.UtcDateTime),
            End = new CalDateTime(a.Start.AddMinutes(a.DurationMinutes).UtcDateTime),
            Location = a.Place ?? a.VideoLink,
            Sequence = a.Sequence,
            Status = a.Cancelled ? "CANCELLED" : "CONFIRMED",
            DtStamp = new CalDateTime(row.ChangedAt.UtcDateTime),
            Description = string.Join("\n", new[] { a.VideoLink, a.Participants.Count > 0 ? string.Join(", ", a.Participants.Select(p => p.Name)) : null }.OfType<string>()),
        };
        if (a.VideoLink is { } link) e.Url = new Uri(link);
        var calendar = new Ical.Net.Calendar { Method = a.Cancelled ? "CANCEL" : "PUBLISH", ProductId = "-//Network//Network//NL" };
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}

public static class AppointmentEndpoints
{
    public static IEndpointRouteBuilder MapAppointments(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/api/boards").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Appointments");
        boards.MapPost("/{boardId:guid}/appointments", async (Guid boardId, PostAppointmentRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                Versions.RefuseOnCreate(http.Request);
                var result = await m.Send(new PostAppointment(http.User.ToActor(), boardId, body), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Created($"/api/items/{result.ItemId}", result);
            })
            .WithName("PostAppointment").WithSummary("Schedules an appointment on a board: title, start, duration, place or video link, participants.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var items = app.MapGroup("/api/items").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Appointments");
        items.MapPut("/{itemId:guid}/appointment", async (Guid itemId, ChangeAppointmentRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(new ChangeAppointment(http.User.ToActor(), itemId, Versions.ExpectedVersion(http.Request), body), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Ok(result);
            })
            .WithName("ChangeAppointment").WithSummary("Moves or changes an appointment (If-Match): the same UID, a higher SEQUENCE.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        items.MapPost("/{itemId:guid}/appointment/cancel", async (Guid itemId, CancelAppointmentRequest? body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(new CancelAppointment(http.User.ToActor(), itemId, Versions.ExpectedVersion(http.Request), body ?? new(null)), ct);
                Versions.SetETag(http.Response, result.ItemVersion);
                return TypedResults.Ok(result);
            })
            .WithName("CancelAppointment").WithSummary("Cancels an appointment (If-Match); it stays on the timeline, marked as cancelled.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        items.MapGet("/{itemId:guid}/appointment.ics", async (Guid itemId, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var ics = await m.Send(new AppointmentCalendar(http.User.ToActor(), itemId), ct);
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"afspraak-{itemId:N}.ics\"";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.Text(ics, "text/calendar; charset=utf-8");
            })
            .WithName("AppointmentCalendar").WithSummary("The appointment as an .ics file (one stable UID); logged as an export.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/appointments/upcoming", async (HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new UpcomingAppointments(http.User.ToActor()), ct)))
            .RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Appointments")
            .WithName("UpcomingAppointments").WithSummary("The appointments coming up that the caller takes part in (and may read).");
        return app;
    }
}
