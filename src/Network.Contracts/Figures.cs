using Network.Domain.Figures;

namespace Network.Contracts;

/// <summary>
/// One municipality of responsibility in one month. A null count is suppressed: above zero but
/// under the threshold, too few to show without pointing at a family.
/// </summary>
public sealed record FigureRow(
    string Municipality, string Month, int? Families, int? Children, IReadOnlyList<FrameworkCount> ChildrenByFramework,
    IReadOnlyList<MeasureCount> MeasuresStarted, IReadOnlyList<MeasureCount> MeasuresEnded,
    double? AverageDaysToFirstConsent, int? Consultations);

/// <summary>Children in one framework (null: suppressed).</summary>
public sealed record FrameworkCount(Framework Framework, int? Count);

/// <summary>Measures of one type (null: suppressed).</summary>
public sealed record MeasureCount(MeasureType Type, int? Count);

/// <summary>Aggregate figures for contract managers: per municipality and month, newest month first; no names, no text.</summary>
public sealed record FiguresReport(int Threshold, DateTimeOffset ComputedAt, IReadOnlyList<FigureRow> Rows);

/// <summary>A child whose municipality of responsibility changed: when, from where to where, by which registry fact.</summary>
public sealed record MunicipalityChangeRow(
    string Municipality, Guid ChildId, string ChildName, DateOnly? DateOfBirth, Guid FamilyId, string FamilyName,
    DateOnly On, string? From, string? To, ResponsibilityFact Fact);

/// <summary>The children whose municipality of responsibility changed, per new municipality, newest first.</summary>
public sealed record MunicipalityChangesView(IReadOnlyList<MunicipalityChangeRow> Rows);
