namespace Network.Domain.Authorization;

/// <summary>
/// Aggregate figures per municipality are for contract managers (table condition 9: administrative
/// facts and aggregate figures, never free text); nobody else needs them. The list of children
/// whose municipality changed names children: it is case information (Administrative, per child,
/// decided by the table), so administrators and contract managers, who never read case content,
/// do not get it at all.
/// </summary>
public static class FiguresPolicy
{
    public const string ContractManagersOnly = "figures.contract-managers-only";
    public const string ChangesByTable = "figures.changes-by-table";

    public static Decision ReadFigures(Actor actor) => actor.Role == ActorRole.ContractManager
        ? Decision.Allow([new Reason(ContractManagersOnly)], [new SubjectOutcome(null, AccessBasis.None, true)])
        : Decision.Deny([new Reason(ContractManagersOnly)], [new SubjectOutcome(null, AccessBasis.None, false)]);

    /// <summary>Whether the actor may ask for the list at all (each child in it is decided on its own).</summary>
    public static Decision ListChanges(Actor actor) => actor.IsAdministrative
        ? Decision.NoStanding([new Reason(Reasons.Administrators)], [new SubjectOutcome(null, AccessBasis.None, false)])
        : Decision.Allow([new Reason(ChangesByTable)], [new SubjectOutcome(null, AccessBasis.None, true)]);
}
