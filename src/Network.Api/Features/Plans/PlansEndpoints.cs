using Network.Api.Features.Plans.AddPlanItem;
using Network.Api.Features.Plans.Agree;
using Network.Api.Features.Plans.ChangePlanItem;
using Network.Api.Features.Plans.GetPlan;
using Network.Api.Features.Plans.MyActions;
using Network.Api.Features.Plans.PublishVersion;
using Network.Api.Infrastructure.Auth;

namespace Network.Api.Features.Plans;

public static class PlansEndpoints
{
    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Family plan");
        api.MapGetPlan();
        api.MapAddPlanItem();
        api.MapChangePlanItem();
        api.MapPublishVersion();
        api.MapAgree();
        api.MapMyActions();
        return app;
    }
}
