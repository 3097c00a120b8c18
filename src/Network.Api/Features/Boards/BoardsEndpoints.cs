using Network.Api.Features.Boards.CloseBoard;
using Network.Api.Features.Boards.GetTimeline;
using Network.Api.Features.Boards.ListMyBoards;
using Network.Api.Features.Boards.OpenBoard;
using Network.Api.Features.Boards.PreviewAudience;
using Network.Api.Features.Boards.Why;
using Network.Api.Features.Items.PostItem;
using Network.Api.Infrastructure.Auth;

namespace Network.Api.Features.Boards;

public static class BoardsEndpoints
{
    public static IEndpointRouteBuilder MapBoards(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/api/boards").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Boards");
        boards.MapListMyBoards();
        boards.MapGetTimeline();
        boards.MapCloseBoard();
        boards.MapPostItem();
        boards.MapPreviewAudience();
        boards.MapWhy();
        app.MapOpenBoard();
        return app;
    }
}
