using FluentValidation;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Network.Api.Features.Registry;
using Network.Contracts.Texts;
using Serilog;

namespace Network.Api.Infrastructure.Http;

/// <summary>
/// Maps every failure to an RFC 9457 problem response: 400 bad input, 401 an account no longer
/// current, 403 not allowed, 404 unknown or not visible, 409 domain rule or conflict, 412 stale
/// If-Match. Each carries the rule's code (and its parameters) so a client can word it; the title
/// is the Dutch text, or English when the request asks for it. An expected refusal is one log
/// line: the request's own (Serilog's request logging), with the refusal's code on it; anything
/// else is an error with its trace.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, IDiagnosticContext request, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var english = http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault()?.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
        ProblemDetails Problem(int status, string code, IReadOnlyDictionary<string, string>? args = null, string? detail = null)
        {
            var problem = new ProblemDetails
            {
                Status = status,
                Title = Catalog.Text(code, args, english),
                Detail = detail,
                Type = $"https://network.example/problems/{code}",
                Extensions = { ["code"] = code },
            };
            if (args is { Count: > 0 }) problem.Extensions["args"] = args;
            return problem;
        }

        var problem = exception switch
        {
            ValidationException v => Validation(v, english),
            BadHttpRequestException b => Problem(StatusCodes.Status400BadRequest, "request.unreadable", detail: Readable(b)),
            BadRequest b => Problem(StatusCodes.Status400BadRequest, b.Code, b.Args),
            ResourceNotFound => Problem(StatusCodes.Status404NotFound, "request.not-found"),
            NotAllowed n => Reasons(Problem(StatusCodes.Status403Forbidden, "request.not-allowed",
                detail: string.Join(" ", n.Reasons.Select(r => Catalog.Text(r.Code, r.Args, english)))), n.Reasons),
            LikelyDuplicates d => WithDuplicates(Problem(StatusCodes.Status409Conflict, "person.likely-duplicate",
                detail: english ? "Check whether it is the same person; link to that record, or register again only if it is not."
                    : "Controleer of het om dezelfde persoon gaat: koppel aan dat record, of registreer alleen opnieuw als het iemand anders is."), d),
            DomainRuleViolation d => Problem(StatusCodes.Status409Conflict, d.Code, d.Reason.Args),
            StaleVersion or ConcurrencyException when http.Request.Headers.IfMatch.Count > 0 => Problem(StatusCodes.Status412PreconditionFailed, "request.stale"),
            ConcurrencyException => Problem(StatusCodes.Status409Conflict, "request.conflict"),
            Auth.AccountNotCurrent => Problem(StatusCodes.Status401Unauthorized, "request.account-not-current"),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
            return false;
        }

        request.Set("Refused", problem.Extensions.TryGetValue("code", out var code) ? code : null);
        http.Response.StatusCode = problem.Status!.Value;
        // As the token's own check answers (OpenIddict's validation): the client logs in again.
        if (exception is Auth.AccountNotCurrent)
            http.Response.Headers.WWWAuthenticate = Auth.AccountNotCurrent.Challenge;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = null,
        });
    }

    private static ProblemDetails Validation(ValidationException v, bool english)
    {
        var problem = new ValidationProblemDetails(
            v.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Catalog.Text("request.invalid", null, english),
            Type = "https://network.example/problems/request.invalid",
        };
        problem.Extensions["code"] = "request.invalid";
        return problem;
    }

    /// <summary>What was unreadable, without echoing the input or naming our types.</summary>
    private static string Readable(BadHttpRequestException b) =>
        b.InnerException is System.Text.Json.JsonException json
            ? $"JSON: {json.Path ?? "$"}"
            : b.Message.Split(" from ")[0];

    private static ProblemDetails Reasons(ProblemDetails problem, IReadOnlyList<Reason> reasons)
    {
        problem.Extensions["reasons"] = reasons.Select(r => new { code = r.Code, args = r.Args }).ToList();
        return problem;
    }

    private static ProblemDetails WithDuplicates(ProblemDetails problem, LikelyDuplicates d)
    {
        problem.Extensions["duplicates"] = d.Candidates;
        return problem;
    }
}
