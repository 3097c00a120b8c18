using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Network.Api.Features.Boards.JoinBoard;
using Network.Api.Infrastructure.Auth;

namespace Network.Api.Infrastructure.Realtime;

/// <summary>What the server pushes: thin notices, never case content.</summary>
public interface IBoardClient
{
    /// <summary>The board changed; fetch what is new since the version you hold.</summary>
    Task BoardChanged(Guid boardId, long version);

    /// <summary>A new notification for you (for instance emergency access to a family you coordinate); fetch it.</summary>
    Task Notified(string kind, Guid familyId);
}

[Authorize(Policy = AuthSetup.ApiPolicy)]
public sealed class BoardHub(IMediator mediator) : Hub<IBoardClient>
{
    public const string Path = "/hubs/boards";

    /// <summary>Each user has their own group per board: pushes go only to those who may read the change.</summary>
    public static string GroupFor(Guid boardId, Guid userId) => $"board:{boardId}:user:{userId}";

    /// <summary>Every connection of a user, for notifications meant for them only.</summary>
    public static string UserGroup(Guid userId) => $"user:{userId}";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(Context.User!.ToActor().UserId.Value));
        await base.OnConnectedAsync();
    }

    /// <summary>Joins the board's group after the same decision as reading the board (through the gate, logged).</summary>
    public async Task<long> JoinBoard(Guid boardId)
    {
        var actor = Context.User!.ToActor();
        try
        {
            var version = await mediator.Send(new JoinBoard(actor, boardId), Context.ConnectionAborted);
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(boardId, actor.UserId.Value), Context.ConnectionAborted);
            return version;
        }
        catch (Exception e) when (e is ResourceNotFound or NotAllowed)
        {
            throw new HubException("Bord niet gevonden.");
        }
    }

    public Task LeaveBoard(Guid boardId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(boardId, Context.User!.ToActor().UserId.Value), Context.ConnectionAborted);
}
