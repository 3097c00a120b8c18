using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Mediator;
using Network.Api.Infrastructure.Auth;

namespace Network.Api.Features.Fhir;

/// <summary>
/// The FHIR R4 API at <c>/fhir</c>: read-only, JSON (default) or XML by <c>_format</c> or
/// <c>Accept</c>. What is unknown or not visible to the caller answers 404 with an
/// OperationOutcome, like an id that does not exist; a search parameter it does not support, 400.
/// </summary>
public static class FhirEndpoints
{
    public const string Json = "application/fhir+json";
    public const string Xml = "application/fhir+xml";

    public static IEndpointRouteBuilder MapFhir(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").WithTags("FHIR R4");
        fhir.MapGet("/metadata", (HttpContext http) => Write(http, CapabilityStatementMapping.Build($"{http.Request.Scheme}://{http.Request.Host}/fhir")))
            .AllowAnonymous()
            .WithName("FhirMetadata")
            .WithSummary("The CapabilityStatement: what this FHIR R4 server serves.");

        var data = fhir.MapGroup("").RequireAuthorization(AuthSetup.ApiPolicy);
        data.MapGet("/{type}", (string type, HttpContext http, IMediator m, CancellationToken ct) =>
                SendAsync(http, m, type, null, everything: false, ct))
            .WithName("FhirSearch")
            .WithSummary("Searches a resource type among what the caller may see: _id, patient or subject, _lastUpdated. Logged as an export.");
        data.MapGet("/{type}/{id}", (string type, string id, HttpContext http, IMediator m, CancellationToken ct) =>
                SendAsync(http, m, type, id, everything: false, ct))
            .WithName("FhirRead")
            .WithSummary("Reads one resource the caller may see (404 otherwise). Logged as an export.");
        data.MapGet("/Patient/{id}/$everything", (string id, HttpContext http, IMediator m, CancellationToken ct) =>
                SendAsync(http, m, "Patient", id, everything: true, ct))
            .WithName("FhirPatientEverything")
            .WithSummary("Everything about one child that the caller may see, as a Bundle. Logged as an export.");
        return app;
    }

    private static async Task<IResult> SendAsync(HttpContext http, IMediator mediator, string type, string? id, bool everything, CancellationToken ct)
    {
        if (Format(http) is null) return Write(http, Outcome(OperationOutcome.IssueType.NotSupported, "_format: json of xml / json or xml"), 415);
        if (!FhirExportHandler.Types.Contains(type))
            return Write(http, Outcome(OperationOutcome.IssueType.NotSupported, $"Onbekend resourcetype / unknown resource type: {type}"), 404);
        var (search, error) = FhirSearch.Parse(http.Request.Query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString())));
        if (search is null)
            return Write(http, Outcome(OperationOutcome.IssueType.NotSupported, $"Zoekparameter niet ondersteund of onleesbaar / unsupported or unreadable search parameter: {error}"), 400);
        if (id is not null && (search.Ids.Count > 0 || search.Patients.Count > 0 || search.LastUpdated.Count > 0) && !everything)
            search = FhirSearch.None;
        try
        {
            var resource = await mediator.Send(new FhirExport(http.User.ToActor(), type, id, search, everything), ct);
            return Write(http, resource);
        }
        catch (Exception e) when (e is ResourceNotFound or NotAllowed)
        {
            return Write(http, Outcome(OperationOutcome.IssueType.NotFound, "Niet gevonden / not found"), 404);
        }
    }

    private static OperationOutcome Outcome(OperationOutcome.IssueType code, string text) => new()
    {
        Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = text }],
    };

    /// <summary>json or xml from <c>_format</c>, else from Accept; null for a format this server does not write.</summary>
    private static string? Format(HttpContext http)
    {
        var format = http.Request.Query["_format"].ToString();
        if (format.Length > 0)
            return format switch
            {
                "json" or "application/json" or Json => Json,
                "xml" or "text/xml" or "application/xml" or Xml => Xml,
                _ => null,
            };
        var accept = http.Request.Headers.Accept.ToString();
        return accept.Contains("xml", StringComparison.OrdinalIgnoreCase) && !accept.Contains("json", StringComparison.OrdinalIgnoreCase) ? Xml : Json;
    }

    private static IResult Write(HttpContext http, Resource resource, int status = 200)
    {
        var xml = Format(http) == Xml;
        var text = xml ? resource.ToXml() : resource.ToJson();
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(text, (xml ? Xml : Json) + "; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
