namespace Network.Api.Infrastructure.Http;

public static class RequestGuards
{
    /// <summary>
    /// An id that cannot exist (the empty GUID) answers 404 like any unknown id, before anything
    /// else looks at it.
    /// </summary>
    public static IApplicationBuilder UseEmptyIdsAsNotFound(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        foreach (var value in http.Request.RouteValues.Values)
            if (value is string s && Guid.TryParse(s, out var id) && id == Guid.Empty)
                throw new ResourceNotFound("resource");
        await next(http);
    });
}
