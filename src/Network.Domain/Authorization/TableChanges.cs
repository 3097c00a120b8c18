namespace Network.Domain.Authorization;

/// <summary>A functional administrator changed one cell of the table, with a reason.</summary>
public sealed record TableCellChanged(
    InformationCategory Category, TableColumn Column, TableAccess Access, TableCondition Conditions, UserId By, string Reason, DateTimeOffset At);

/// <summary>The table as the default plus every change since, each an event: versioned and logged.</summary>
public static class TableChanges
{
    /// <summary>The one stream that holds the table's changes.</summary>
    public static readonly Guid StreamId = Guid.Parse("0193a000-0000-7000-8000-00000000a001");

    public static AuthorizationTable Evolve(AuthorizationTable table, object @event) => @event switch
    {
        TableCellChanged e => table.With(e.Category, e.Column, new TableCell(e.Access, e.Conditions)),
        _ => table,
    };

    public static IReadOnlyList<object> ChangeCell(
        AuthorizationTable table, Actor actor, InformationCategory category, TableColumn column, TableCell cell, string reason, DateTimeOffset now)
    {
        var decision = AdminPolicy.ChangeTable(actor);
        if (!decision.Allowed) throw new NotAllowed(decision.Reasons);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleViolation("table.reason-required");
        if (table[category, column] == cell) return [];
        // A change is refused with the first hard rule it would break, named by its code.
        var broken = table.With(category, column, cell).Violations();
        if (broken.Count > 0) throw new DomainRuleViolation(broken[0]);
        return [new TableCellChanged(category, column, cell.Access, cell.Conditions, actor.UserId, reason.Trim(), now)];
    }
}
