using System.Globalization;

namespace Network.Web.Components.Consultations;

/// <summary>How a plan item says where it was decided: "Besloten in casusoverleg van 12 maart 2027".</summary>
public static class DecidedInWords
{
    public static string Line(IReadOnlyList<DecidedInView> decided) =>
        string.Join(" · ", decided.Select(d => Texts.T($"Besloten in casusoverleg van {Day(d.On, "nl-NL")}", $"Decided in the case consultation of {Day(d.On, "en-GB")}")));

    private static string Day(DateOnly on, string culture) => on.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(culture));
}
