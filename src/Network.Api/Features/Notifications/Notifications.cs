using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;

namespace Network.Api.Features.Notifications;

/// <summary>Something a user must know at once, such as emergency access to a family they coordinate.</summary>
public sealed record Notification(Guid Id, Guid UserId, string Kind, Guid FamilyId, string FamilyName, string Text, DateTimeOffset At);

public sealed record ListNotifications(Actor Actor) : IQuery<IReadOnlyList<Notification>>;

public sealed class ListNotificationsHandler(IQuerySession session) : IQueryHandler<ListNotifications, IReadOnlyList<Notification>>
{
    public async ValueTask<IReadOnlyList<Notification>> Handle(ListNotifications q, CancellationToken ct)
    {
        var userId = q.Actor.UserId.Value;
        return await session.Query<Notification>().Where(n => n.UserId == userId).OrderByDescending(n => n.At).Take(100).ToListAsync(ct);
    }
}

public static class NotificationsEndpoint
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notifications", async (HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListNotifications(http.User.ToActor()), ct)))
            .RequireAuthorization(AuthSetup.ApiPolicy)
            .WithTags("Notifications")
            .WithName("ListNotifications")
            .WithSummary("The caller's own notifications, newest first.");
        return app;
    }
}
