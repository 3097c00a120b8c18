using Hl7.Fhir.Model;

namespace Network.Api.Features.Fhir;

/// <summary>What this FHIR server serves: read and search of each type, the search parameters, Patient/$everything.</summary>
internal static class CapabilityStatementMapping
{
    public static CapabilityStatement Build(string baseUrl)
    {
        var statement = new CapabilityStatement
        {
            Id = "network",
            Url = $"{baseUrl}/metadata",
            Name = "Network",
            Title = "Network FHIR R4 export",
            Status = PublicationStatus.Active,
            Date = "2026-11-24",
            Publisher = "Network",
            Description = new Markdown("Read-only export of what the caller may see of the families they work with, under the authorization table; every call is logged as an export."),
            Kind = CapabilityStatementKind.Instance,
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Network", Url = baseUrl },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["json", "xml"],
        };
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Security = new CapabilityStatement.SecurityComponent
            {
                Description = new Markdown("OAuth 2.0 bearer access token from this server's OpenID Connect endpoint (/connect/token)."),
            },
        };
        foreach (var type in FhirExportHandler.Types)
        {
            var resource = new CapabilityStatement.ResourceComponent
            {
                TypeElement = new Code<ResourceType>(Enum.Parse<ResourceType>(type)),
                Interaction =
                [
                    new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                    new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
                ],
                SearchParam =
                [
                    new CapabilityStatement.SearchParamComponent { Name = "_id", Type = SearchParamType.Token },
                    new CapabilityStatement.SearchParamComponent { Name = "_lastUpdated", Type = SearchParamType.Date },
                    new CapabilityStatement.SearchParamComponent { Name = "patient", Type = SearchParamType.Reference },
                    new CapabilityStatement.SearchParamComponent { Name = "subject", Type = SearchParamType.Reference },
                ],
            };
            if (type == "Patient")
                resource.Operation.Add(new CapabilityStatement.OperationComponent
                {
                    Name = "everything",
                    Definition = "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                });
            rest.Resource.Add(resource);
        }
        statement.Rest.Add(rest);
        return statement;
    }
}
