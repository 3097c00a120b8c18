using System.Collections.Immutable;

namespace Network.Domain.Authorization;

/// <summary>The rules of docs/authorization.md that no table edit can break.</summary>
public static class HardRules
{
    public const string AdministratorsNoCaseContent = "hard-rule.administrators-no-case-content";
    public const string ContractManagersAdministrativeOnly = "hard-rule.contract-managers-administrative-only";
    public const string SecretAddressLegalBasisOnly = "hard-rule.secret-address-legal-basis-only";
}

/// <summary>The information categories of the authorization table.</summary>
public enum InformationCategory
{
    General,
    Plan,
    Observation,
    PerspectivePlan,
    Safety,
    Medical,
    CourtMeasure,
    Justice,
    ContactDetails,
    SecretAddress,
    Administrative,
}

/// <summary>The columns of the authorization table: what the actor is to the child at hand.</summary>
public enum TableColumn
{
    ParentWithAuthority,
    ParentWithoutAuthority,
    Youth,
    NetworkMember,
    NeighbourhoodTeam,
    YouthCare,
    YouthHealth,
    FamilyGuardian,
    ProbationOfficer,
    ChildProtectionBoard,
    ContractManager,
    FunctionalAdministrator,
}

/// <summary>W = create, read, correct own items; R = read; None = nothing.</summary>
public enum TableAccess
{
    None,
    Read,
    Write,
}

/// <summary>The numbered notes of the table, which narrow a cell.</summary>
[Flags]
public enum TableCondition
{
    None = 0,
    /// <summary>¹ Family members propose, comment and agree; they do not change what professionals wrote.</summary>
    ProposeOnly = 1 << 1,
    /// <summary>² Only plan actions assigned to them or marked for the network.</summary>
    AssignedOrForNetwork = 1 << 2,
    /// <summary>³ Only items whose author chose an audience that includes the family.</summary>
    AudienceIncludesFamily = 1 << 3,
    /// <summary>⁴ Only about themself.</summary>
    AboutThemself = 1 << 4,
    /// <summary>⁵ Only items the author shared with this person or organisation.</summary>
    SharedExplicitly = 1 << 5,
    /// <summary>⁶ Legal basis: only under a measure the actor's organisation executes, from its start to its end.</summary>
    LegalBasis = 1 << 6,
    /// <summary>⁷ For a child under 16; from 16 only with that youth's consent for the category.</summary>
    Under16OrYouthConsent = 1 << 7,
    /// <summary>⁸ Only that a measure exists, its type and its period, not its content.</summary>
    ExistenceOnly = 1 << 8,
    /// <summary>⁹ Only administrative facts and aggregate figures, never free text.</summary>
    AdministrativeOnly = 1 << 9,
}

public sealed record TableCell(TableAccess Access, TableCondition Conditions = TableCondition.None)
{
    public override string ToString() => Access switch
    {
        TableAccess.Write => "W",
        TableAccess.Read => "R",
        _ => "-",
    } + (Conditions == TableCondition.None ? "" : $" ({Conditions})");
}

/// <summary>
/// The authorization table: data, not code. The default ships with the product; a functional
/// administrator may change cells, within the hard rules that <see cref="Violations"/> checks.
/// </summary>
public sealed record AuthorizationTable(int Version, ImmutableDictionary<(InformationCategory Category, TableColumn Column), TableCell> Cells)
{
    public TableCell this[InformationCategory category, TableColumn column] =>
        Cells.TryGetValue((category, column), out var cell) ? cell : new TableCell(TableAccess.None);

    /// <summary>Categories that are case content: administrators and contract managers never read them.</summary>
    public static bool IsCaseContent(InformationCategory category) => category != InformationCategory.Administrative;

    public AuthorizationTable With(InformationCategory category, TableColumn column, TableCell cell) =>
        this with { Version = Version + 1, Cells = Cells.SetItem((category, column), cell) };

    /// <summary>The columns whose standing is a legal basis: the only ones that may ever read a secret address.</summary>
    public static bool IsLegalBasisColumn(TableColumn column) =>
        column is TableColumn.FamilyGuardian or TableColumn.ProbationOfficer or TableColumn.ChildProtectionBoard;

    /// <summary>The hard rules no edit may break, each named by its code; empty when the table is acceptable.</summary>
    public IReadOnlyList<Reason> Violations()
    {
        var violations = new List<Reason>();
        foreach (var ((category, column), cell) in Cells.OrderBy(c => c.Key.Category).ThenBy(c => c.Key.Column))
        {
            if (cell.Access == TableAccess.None) continue;
            Reason Rule(string code) => Reason.Of(code, ("category", category), ("column", column));
            if (column == TableColumn.FunctionalAdministrator)
                violations.Add(Rule(HardRules.AdministratorsNoCaseContent));
            else if (column == TableColumn.ContractManager && (IsCaseContent(category) || cell.Access == TableAccess.Write
                || !cell.Conditions.HasFlag(TableCondition.AdministrativeOnly)))
                violations.Add(Rule(HardRules.ContractManagersAdministrativeOnly));
            if (category == InformationCategory.SecretAddress
                && (!IsLegalBasisColumn(column) || !cell.Conditions.HasFlag(TableCondition.LegalBasis)))
                violations.Add(Rule(HardRules.SecretAddressLegalBasisOnly));
        }
        return violations;
    }

    private static readonly TableColumn[] Columns =
    [
        TableColumn.ParentWithAuthority, TableColumn.ParentWithoutAuthority, TableColumn.Youth, TableColumn.NetworkMember,
        TableColumn.NeighbourhoodTeam, TableColumn.YouthCare, TableColumn.YouthHealth, TableColumn.FamilyGuardian,
        TableColumn.ProbationOfficer, TableColumn.ChildProtectionBoard, TableColumn.ContractManager, TableColumn.FunctionalAdministrator,
    ];

    /// <summary>The default table of docs/authorization.md, row by row in its column order.</summary>
    public static AuthorizationTable Default { get; } = Build(
        (InformationCategory.General, "W R W W W W W W W R - -"),
        (InformationCategory.Plan, "W1 R W1 R2 W W W W W R - -"),
        (InformationCategory.Observation, "R3 - R3 - W W W W W R - -"),
        (InformationCategory.PerspectivePlan, "R - R4 - R5 W R5 W6 R6 R6 - -"),
        (InformationCategory.Safety, "R3 - - - W W W W6 R6 W6 - -"),
        (InformationCategory.Medical, "R7 - R4 - R5 W W R6 - R6 - -"),
        (InformationCategory.CourtMeasure, "R R8 R4 - R R R W6 R6 W6 - -"),
        (InformationCategory.Justice, "R7 - R4 - - - - R6 W6 W6 - -"),
        (InformationCategory.ContactDetails, "W4 - W4 - R R R W R R - -"),
        (InformationCategory.SecretAddress, "- - - - - - - W6 - R6 - -"),
        (InformationCategory.Administrative, "R - - - W W - W W - R9 -"));

    private static AuthorizationTable Build(params (InformationCategory Category, string Row)[] rows)
    {
        var cells = ImmutableDictionary.CreateBuilder<(InformationCategory, TableColumn), TableCell>();
        foreach (var (category, row) in rows)
        {
            var parts = row.Split(' ');
            if (parts.Length != Columns.Length) throw new InvalidOperationException($"Row {category} has {parts.Length} cells.");
            for (var i = 0; i < parts.Length; i++)
                cells[(category, Columns[i])] = Parse(parts[i]);
        }
        return new AuthorizationTable(1, cells.ToImmutable());
    }

    private static TableCell Parse(string cell)
    {
        if (cell == "-") return new TableCell(TableAccess.None);
        var access = cell[0] == 'W' ? TableAccess.Write : TableAccess.Read;
        var conditions = TableCondition.None;
        foreach (var note in cell[1..])
            conditions |= (TableCondition)(1 << (note - '0'));
        return new TableCell(access, conditions);
    }
}
