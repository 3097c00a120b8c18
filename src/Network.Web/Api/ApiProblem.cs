using System.Text.Json;

namespace Network.Web.Api;

/// <summary>
/// An RFC 9457 problem as the API answers it: <see cref="Code"/> names the rule (with
/// <see cref="Args"/>), <see cref="Reasons"/> say why something was refused, <see cref="Errors"/>
/// name the bad fields and <see cref="Duplicates"/> the likely duplicates of a new person.
/// </summary>
public sealed record ApiProblem(
    int Status, string? Title, string? Detail = null, string? Code = null, IReadOnlyDictionary<string, string>? Args = null,
    IReadOnlyList<ReasonView>? Reasons = null, IDictionary<string, string[]>? Errors = null, IReadOnlyList<DuplicateView>? Duplicates = null)
{
    /// <summary>What to tell the user, in their language: the rule's words from the catalog, else the API's title.</summary>
    public string Message
    {
        get
        {
            if (Errors is { Count: > 0 })
                return string.Join(" ", Errors.Values.SelectMany(v => v).Select(m => Catalog.Knows(m) ? Texts.Say(m) : m).Distinct());
            var main = Code is not null && Catalog.Knows(Code) ? Texts.Say(Code, Args)
                : !string.IsNullOrWhiteSpace(Title) ? Title
                : Texts.T("Er ging iets mis. Probeer het opnieuw.", "Something went wrong. Please try again.");
            return Reasons is { Count: > 0 } ? $"{main} {string.Join(" ", Reasons.Select(Texts.Say))}" : main;
        }
    }

    /// <summary>Reads a problem body; anything unreadable becomes a problem with only the status.</summary>
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
            return new ApiProblem(status, null);
        try
        {
            return await response.Content.ReadFromJsonAsync<ApiProblem>(ApiJson.Options, ct) is { } problem
                ? problem with { Status = status }
                : new ApiProblem(status, null);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, null);
        }
    }

    /// <summary>The API could not be reached or answered something unreadable.</summary>
    public static ApiProblem Unreachable() =>
        new(503, Texts.T("De server is niet bereikbaar. Probeer het later opnieuw.", "The server cannot be reached. Please try again later."));
}
