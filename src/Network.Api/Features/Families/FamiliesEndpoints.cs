using Network.Api.Features.Families.Consent;
using Network.Api.Features.Families.GetFamily;
using Network.Api.Features.Families.ListMyFamilies;
using Network.Api.Features.Families.Measures;
using Network.Api.Features.Families.Members;
using Network.Api.Features.Families.Network;
using Network.Api.Features.Families.Placements;
using Network.Api.Features.Families.RegisterFamily;
using Network.Api.Infrastructure.Auth;

namespace Network.Api.Features.Families;

public static class FamiliesEndpoints
{
    public static IEndpointRouteBuilder MapFamilies(this IEndpointRouteBuilder app)
    {
        var families = app.MapGroup("/api/families").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Families");
        families.MapListMyFamilies();
        families.MapRegisterFamily();
        families.MapGetFamily();
        families.MapMembers();
        families.MapMeasures();
        families.MapPlacements();
        families.MapNetwork();
        families.MapConsent();
        return app;
    }
}
