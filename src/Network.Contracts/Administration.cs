namespace Network.Contracts;

public sealed record TableCellView(InformationCategory Category, TableColumn Column, TableAccess Access, IReadOnlyList<TableCondition> Conditions);

public sealed record TableView(int Version, IReadOnlyList<TableCellView> Cells);

public sealed record ChangeCellRequest(TableAccess? Access, IReadOnlyList<TableCondition>? Conditions, string? Reason);

public sealed record OrganisationView(Guid OrganisationId, string Name, OrganisationType Type);

public sealed record DirectoryEntry(Guid UserId, string Name, ActorRole Role, string? Organisation);

/// <summary>Something a user must know at once; <see cref="Code"/> and <see cref="Args"/> say what, the Web renders it.</summary>
public sealed record NotificationView(Guid Id, string Code, IReadOnlyDictionary<string, string> Args, Guid FamilyId, DateTimeOffset At);

/// <summary>
/// Emergency access to one child: by id, or identified by BSN, or by name and date of birth
/// (the registry search shows only people one already has standing on).
/// </summary>
public sealed record BreakTheGlassRequest(
    Guid? ChildId, string? Bsn, string? GivenNames, string? FamilyName, DateOnly? DateOfBirth, string? Reason, int Minutes = 60);

public sealed record EmergencyAccessResponse(Guid FamilyId, string FamilyName, Guid ChildId, string ChildName, DateTimeOffset Until, Guid? BoardId);
