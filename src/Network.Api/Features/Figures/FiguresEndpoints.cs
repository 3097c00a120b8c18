using System.Globalization;
using System.Text;
using Mediator;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Figures;

namespace Network.Api.Features.Figures;

public static class FiguresEndpoints
{
    public static IServiceCollection AddFigures(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<FiguresOptions>(configuration.GetSection("Network:Figures"));

    public static IEndpointRouteBuilder MapFigures(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Figures");
        api.MapGet("/figures", async (HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetFigures(http.User.ToActor()), ct)))
            .WithName("GetFigures")
            .WithSummary("Aggregate figures per municipality of responsibility and month (contract managers); small cells suppressed.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/figures.csv", async (HttpContext http, IMediator m, CancellationToken ct) =>
                Csv(FiguresCsv(await m.Send(new GetFigures(http.User.ToActor(), AccessAction.Export), ct)), "cijfers-per-gemeente.csv"))
            .WithName("ExportFigures")
            .WithSummary("The figures as CSV (;-separated, UTF-8); a suppressed cell reads <threshold. Logged as an export.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/municipality-changes", async (HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetMunicipalityChanges(http.User.ToActor()), ct)))
            .WithName("GetMunicipalityChanges")
            .WithSummary("Children whose municipality of responsibility changed, with the day and the registry fact, per child as the table allows.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/municipality-changes.csv", async (HttpContext http, IMediator m, CancellationToken ct) =>
                Csv(ChangesCsv(await m.Send(new GetMunicipalityChanges(http.User.ToActor(), AccessAction.Export), ct)), "gemeentewisselingen.csv"))
            .WithName("ExportMunicipalityChanges")
            .WithSummary("The same list as CSV. Logged as an export per child.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Csv(string text, string name)
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", name);
    }

    private static string Field(string? value) =>
        value is null ? "" : value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    public static string FiguresCsv(FiguresReport report)
    {
        var frameworks = Enum.GetValues<Framework>();
        var types = Enum.GetValues<MeasureType>();
        string Cell(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? $"<{report.Threshold}";
        var lines = new List<string>
        {
            string.Join(';', new[] { "gemeente", "maand", "gezinnen", "kinderen" }
                .Concat(frameworks.Select(f => $"kinderen_{f}"))
                .Concat(types.Select(t => $"gestart_{t}")).Concat(types.Select(t => $"beeindigd_{t}"))
                .Concat(["gemiddeld_dagen_tot_eerste_toestemming", "casusoverleggen"])),
        };
        foreach (var r in report.Rows)
            lines.Add(string.Join(';', new[] { Field(r.Municipality), r.Month, Cell(r.Families), Cell(r.Children) }
                .Concat(frameworks.Select(f => Cell(r.ChildrenByFramework.Single(c => c.Framework == f).Count)))
                .Concat(types.Select(t => Cell(r.MeasuresStarted.Single(c => c.Type == t).Count))).Concat(types.Select(t => Cell(r.MeasuresEnded.Single(c => c.Type == t).Count)))
                .Concat([r.AverageDaysToFirstConsent?.ToString("0.0", CultureInfo.InvariantCulture) ?? $"<{report.Threshold}", Cell(r.Consultations)])));
        return string.Join("\r\n", lines) + "\r\n";
    }

    public static string ChangesCsv(MunicipalityChangesView view)
    {
        var lines = new List<string> { "gemeente;kind;geboortedatum;gezin;datum;van;naar;feit" };
        foreach (var r in view.Rows)
            lines.Add(string.Join(';', Field(r.Municipality), Field(r.ChildName), r.DateOfBirth?.ToString("yyyy-MM-dd") ?? "", Field(r.FamilyName),
                r.On.ToString("yyyy-MM-dd"), Field(r.From), Field(r.To), r.Fact.ToString()));
        return string.Join("\r\n", lines) + "\r\n";
    }
}
