using Network.Domain.Figures;

namespace Network.Contracts;

/// <summary>
/// One municipality of responsibility in one month. A null count is suppressed: above zero but
/// under the threshold, too few to show without pointing at a family.
/// </summary>
public sealed record FigureRow(
    string Municipality, string Month, int? Families, int? Children, IReadOnlyDictionary<Framework, int?> ChildrenByFramework,
    IReadOnlyDictionary<MeasureType, int?> MeasuresStarted, IReadOnlyDictionary<MeasureType, int?> MeasuresEnded,
    double? AverageDaysToFirstConsent, int? Consultations);

/// <summary>Aggregate figures for contract managers: per municipality and month, newest month first; no names, no text.</summary>
public sealed record FiguresReport(int Threshold, DateTimeOffset ComputedAt, IReadOnlyList<FigureRow> Rows);

/// <summary>A child whose municipality of responsibility changed: when, from where to where, by which registry fact.</summary>
public sealed record MunicipalityChangeRow(
    string Municipality, Guid ChildId, string ChildName, DateOnly? DateOfBirth, Guid FamilyId, string FamilyName,
    DateOnly On, string? From, string? To, ResponsibilityFact Fact);

/// <summary>The children whose municipality of responsibility changed, per new municipality, newest first.</summary>
public sealed record MunicipalityChangesView(IReadOnlyList<MunicipalityChangeRow> Rows);
