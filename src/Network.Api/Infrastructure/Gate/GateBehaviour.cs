using Mediator;

namespace Network.Api.Infrastructure.Gate;

/// <summary>A message that touches nobody's data (the table, the directory, one's own notifications); every other one must decide.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotPersonDataAttribute : Attribute;

/// <summary>A person-data request finished without recording a decision: a path that forgot the gate.</summary>
public sealed class UngatedRequest(string message) : Exception($"{message} finished without a recorded authorization decision.");

/// <summary>
/// Around every message: after the handler, the access-log entries of reads and refusals are
/// committed before anything of the result leaves (a read fails closed when the log cannot be
/// written), and a person-data request that recorded no decision fails. A query answered over
/// HTTP starts the commit and the response waits for it just before its first byte (so the
/// commit runs while the answer is serialized); any other message waits for it here.
/// </summary>
public sealed class GateBehaviour<TMessage, TResponse>(Gate gate, IHttpContextAccessor http) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool PersonData = !typeof(TMessage).IsDefined(typeof(NotPersonDataAttribute), false);
    private static readonly bool Query = typeof(IBaseQuery).IsAssignableFrom(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        TResponse response;
        try
        {
            response = await next(message, ct);
        }
        catch
        {
            // Refusals are logged even when the caller went away.
            await gate.FlushAsync(CancellationToken.None);
            throw;
        }
        if (PersonData && !gate.Decided) throw new UngatedRequest(typeof(TMessage).Name);
        if (Query && http.HttpContext is { Response.HasStarted: false } context
            && !context.Request.Path.StartsWithSegments(Realtime.BoardHub.Path) && context.Response is var answer)
        {
            gate.BeginFlush();
            answer.OnStarting(() => gate.FlushAsync(CancellationToken.None));
            return response;
        }
        await gate.FlushAsync(CancellationToken.None);
        return response;
    }
}
