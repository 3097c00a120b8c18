using Network.Domain.Figures;
using Network.Web.Files;

namespace Network.Web.Components.Figures;

/// <summary>The words for the figures' enums, Dutch first; and the CSV downloads, streamed through with the user's token.</summary>
public static class FigureWords
{
    public const string FiguresCsv = "/cijfers.csv";
    public const string ChangesCsv = "/gemeentewisselingen.csv";

    public static string Framework(Framework framework) => framework switch
    {
        Domain.Figures.Framework.Voluntary => Texts.T("vrijwillig kader", "voluntary"),
        Domain.Figures.Framework.Civil => Texts.T("civiel (kinderbeschermingsmaatregel)", "civil (child protection measure)"),
        Domain.Figures.Framework.Criminal => Texts.T("strafrechtelijk (jeugdreclassering)", "criminal (youth probation)"),
        _ => Texts.T("alleen Raadsonderzoek", "only a Child Protection Board investigation"),
    };

    public static string Fact(ResponsibilityFact fact) => fact switch
    {
        ResponsibilityFact.AddressChanged => Texts.T("adres in het register gewijzigd", "registry address changed"),
        ResponsibilityFact.PlacementStarted => Texts.T("plaatsing begonnen", "placement started"),
        _ => Texts.T("plaatsing beëindigd", "placement ended"),
    };

    /// <summary>A count, or "fewer than N" when it was suppressed.</summary>
    public static string Cell(int? count, int threshold) => count?.ToString() ?? Texts.T($"minder dan {threshold}", $"fewer than {threshold}");

    public static IEndpointRouteBuilder MapFigureDownloads(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("").RequireAuthorization();
        files.MapGet(FiguresCsv, (HttpContext http) => FileDownloads.ProxyAsync(http, "api/figures.csv"));
        files.MapGet(ChangesCsv, (HttpContext http) => FileDownloads.ProxyAsync(http, "api/municipality-changes.csv"));
        return app;
    }
}
