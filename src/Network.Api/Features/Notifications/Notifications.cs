using Marten;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Notifications;

/// <summary>Something a user must know at once, such as emergency access to a family they coordinate: a code with its parameters.</summary>
public sealed record Notification(Guid Id, Guid UserId, string Code, Dictionary<string, string> Args, Guid FamilyId, DateTimeOffset At)
{
    public static Notification EmergencyAccess(UserId coordinator, Family family, string childName, EmergencyAccess access, DateTimeOffset now) => new(
        Guid.CreateVersion7(), coordinator.Value, "notification.emergency-access",
        Reason.Of("notification.emergency-access", ("name", access.DisplayName), ("organisation", access.Organisation ?? ""),
            ("child", childName), ("family", family.Name), ("until", access.Until), ("reason", access.Reason)).Args.ToDictionary(),
        family.Id.Value, now);
}

/// <summary>The caller's own notifications: addressed to them, about families they coordinate.</summary>
[NotPersonData]
public sealed record ListNotifications(Actor Actor) : IQuery<IReadOnlyList<NotificationView>>;

public sealed class ListNotificationsHandler(IQuerySession session) : IQueryHandler<ListNotifications, IReadOnlyList<NotificationView>>
{
    public async ValueTask<IReadOnlyList<NotificationView>> Handle(ListNotifications q, CancellationToken ct)
    {
        var userId = q.Actor.UserId.Value;
        var found = await session.Query<Notification>().Where(n => n.UserId == userId).OrderByDescending(n => n.At).Take(100).ToListAsync(ct);
        return [.. found.Select(n => new NotificationView(n.Id, n.Code, n.Args, n.FamilyId, n.At))];
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
