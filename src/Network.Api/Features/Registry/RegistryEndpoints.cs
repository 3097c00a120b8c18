using Network.Api.Features.Registry.CorrectPerson;
using Network.Api.Features.Registry.FindDuplicates;
using Network.Api.Features.Registry.GetPerson;
using Network.Api.Features.Registry.MergePersons;
using Network.Api.Features.Registry.RegisterPerson;
using Network.Api.Features.Registry.SearchPersons;
using Network.Api.Infrastructure.Auth;

namespace Network.Api.Features.Registry;

public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        var persons = app.MapGroup("/api/persons").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Registry");
        persons.MapSearchPersons();
        persons.MapFindDuplicates();
        persons.MapRegisterPerson();
        persons.MapGetPerson();
        persons.MapCorrectPerson();
        persons.MapMergePersons();
        return app;
    }
}
