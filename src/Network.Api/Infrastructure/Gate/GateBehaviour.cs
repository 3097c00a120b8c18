using Mediator;

namespace Network.Api.Infrastructure.Gate;

/// <summary>A message that touches nobody's data (the table, the directory, one's own notifications); every other one must decide.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotPersonDataAttribute : Attribute;

/// <summary>A person-data request finished without recording a decision: a path that forgot the gate.</summary>
public sealed class UngatedRequest(string message) : Exception($"{message} finished without a recorded authorization decision.");

/// <summary>
/// Around every message: after the handler, the access-log entries of reads and refusals are
/// committed before the result is returned (a read fails closed when the log cannot be written),
/// and a person-data request that recorded no decision fails.
/// </summary>
public sealed class GateBehaviour<TMessage, TResponse>(Gate gate) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool PersonData = !typeof(TMessage).IsDefined(typeof(NotPersonDataAttribute), false);

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
        await gate.FlushAsync(CancellationToken.None);
        return response;
    }
}
