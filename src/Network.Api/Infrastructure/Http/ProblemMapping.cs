using FluentValidation;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Network.Api.Features.Registry;
using Network.Domain.Common;

namespace Network.Api.Infrastructure.Http;

/// <summary>
/// Maps every failure to an RFC 9457 problem response: 400 bad input, 403 not allowed,
/// 404 unknown or not visible, 409 domain rule or conflict, 412 stale If-Match.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ValidationException v => Validation(v),
            BadHttpRequestException b => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Het verzoek is niet leesbaar.",
                Detail = b.Message,
            },
            InvalidIfMatch i => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "De If-Match-header is ongeldig.",
                Detail = i.Message,
            },
            ResourceNotFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Niet gevonden.",
            },
            NotAllowed n => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Dit mag u niet doen.",
                Detail = n.Message,
            },
            LikelyDuplicates d => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = d.Message,
                Detail = "Controleer of het om dezelfde persoon gaat. Registreer alleen opnieuw als dat niet zo is.",
                Type = "https://network.example/problems/person.likely-duplicate",
                Extensions = { ["duplicates"] = d.Candidates },
            },
            DomainRuleViolation d => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = d.Message,
                Type = $"https://network.example/problems/{d.Code}",
            },
            StaleVersion or ConcurrencyException when http.Request.Headers.IfMatch.Count > 0 => new ProblemDetails
            {
                Status = StatusCodes.Status412PreconditionFailed,
                Title = "Iemand anders heeft dit intussen gewijzigd.",
                Detail = "Haal de nieuwste versie op en probeer het opnieuw; er is niets opgeslagen.",
            },
            ConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Iemand anders wijzigde dit tegelijk.",
                Detail = "Probeer het opnieuw; er is niets opgeslagen.",
            },
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Path}", http.Request.Path);
            return false;
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ValidationProblemDetails Validation(ValidationException v) => new(
        v.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "De invoer is niet geldig.",
    };
}
