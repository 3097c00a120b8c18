using Network.Api.Features.Items.Reply;
using Network.Api.Features.Items.CorrectItem;
using Network.Api.Features.Items.GetItem;
using Network.Api.Features.Items.ShowOnBoard;
using Network.Api.Infrastructure.Auth;

namespace Network.Api.Features.Items;

public static class ItemsEndpoints
{
    public static IEndpointRouteBuilder MapItems(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/items").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Items");
        items.MapGetItem();
        items.MapCorrectItem();
        items.MapShowOnBoard();
        items.MapPostReply();
        return app;
    }
}
