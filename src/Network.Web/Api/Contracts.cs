namespace Network.Web.Api;

// The API's response shapes, as this app reads them.

public sealed record BoardSummary(Guid Id, Guid FamilyId, string FamilyName, string Title, long Version);

public sealed record TimelineEntry(
    Guid ItemId, long Version, string Kind, Guid AuthorId, string AuthorName, string AuthorRole, string Text, DateTimeOffset At,
    string Category = "General", IReadOnlyList<Guid>? About = null, string Audience = "Everyone");

public sealed record ChildRef(Guid PersonId, string Name);

/// <summary>What the author writes and chooses: category, subjects (empty: the whole family) and audience (null: the category's default).</summary>
public sealed record NoteDraft(string Text, string Category, IReadOnlyList<Guid> About, string? Audience);

public sealed record Reader(Guid UserId, string Name, string Role);

public sealed record AudiencePreview(bool MayPost, IReadOnlyList<string> Reasons, IReadOnlyList<Reader> Readers);

public sealed record Explanation(bool Allowed, IReadOnlyList<string> Reasons);

public sealed record TimelineView(
    Guid BoardId, Guid FamilyId, string FamilyName, string Title, long Version, IReadOnlyList<ChildRef> Children, IReadOnlyList<TimelineEntry> Entries);

public sealed record NotePosted(Guid ItemId, Guid BoardId, long Version);

/// <summary>An RFC 9457 problem answered by the API.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, IDictionary<string, string[]>? Errors, IReadOnlyList<Duplicate>? Duplicates = null)
{
    public string Message => Errors is { Count: > 0 }
        ? string.Join(" ", Errors.Values.SelectMany(v => v))
        : Detail ?? Title ?? $"HTTP {Status}";
}

/// <summary>The result of a call: a value or the API's problem.</summary>
public sealed record ApiResult<T>(T? Value, Problem? Problem)
{
    public bool Ok => Problem is null;
}

public sealed record FamilySummary(Guid FamilyId, string Name, bool IsCoordinator);

public sealed record FamilyRegistered(Guid FamilyId, Guid BoardId, long Version);

public sealed record FamilyChanged(Guid FamilyId, long Version);

public sealed record MeasureView(Guid MeasureId, string Type, string Organisation, DateOnly Start, DateOnly? End, bool Active);

public sealed record PlacementView(Guid PlacementId, DateOnly From, DateOnly? Until, bool SecretAddress, string? Address);

public sealed record ChildView(
    Guid PersonId, string Name, string Access, string? Standing, DateOnly? DateOfBirth, int? Age, string? School,
    string? MunicipalityOfResponsibility, IReadOnlyList<Guid> ParentsWithAuthority,
    IReadOnlyList<MeasureView> Measures, IReadOnlyList<PlacementView> Placements);

public sealed record AdultView(Guid PersonId, string Name, string Relation);

public sealed record ChildConsentView(Guid ChildId, string ChildName, bool HasStanding, IReadOnlyList<Guid> ConsentGivenBy);

public sealed record ProfessionalInNetwork(
    Guid UserId, string Name, string Role, string? Organisation, string Basis, bool IsCoordinator, IReadOnlyList<ChildConsentView> Children);

public sealed record ConsentTask(Guid ProfessionalId, string ProfessionalName, string? Organisation, Guid ChildId, string ChildName, bool GivenByMe, bool InForce);

public sealed record FamilyView(
    Guid FamilyId, string Name, long Version, Guid? BoardId, bool CanManage, Guid? CoordinatorId,
    IReadOnlyList<ChildView> Children, IReadOnlyList<AdultView> Adults, IReadOnlyList<ProfessionalInNetwork> Professionals,
    IReadOnlyList<ConsentTask> MyConsentTasks, DateOnly AsOf);

public sealed record PersonHit(Guid PersonId, string Name, DateOnly DateOfBirth);

public sealed record Duplicate(Guid PersonId, string Name, DateOnly DateOfBirth, string Reason);

public sealed record AddressInput(string Street, string HouseNumber, string Postcode, string City, string Municipality);

public sealed record PersonInput(
    string? GivenNames, string? Prefix, string? FamilyName, DateOnly? DateOfBirth, string? Bsn, AddressInput? Address,
    string? Phone, string? Email, string? School, string? GeneralPractitioner);

public sealed record PersonRegistered(Guid PersonId, long Version);

public sealed record Professional(Guid UserId, string Name, string Role, string? Organisation);

public sealed record OrganisationSummary(Guid OrganisationId, string Name, string Type);

public sealed record AccessLogLine(
    long Sequence, DateTimeOffset At, string Action, Guid? PersonId, string? PersonName, string Resource,
    string UserName, string Role, string? Organisation, string Basis, bool Allowed);

public sealed record TableCellView(string Category, string Column, string Access, IReadOnlyList<string> Conditions);

public sealed record TableView(int Version, IReadOnlyList<TableCellView> Cells);

public sealed record Notification(Guid Id, Guid UserId, string Kind, Guid FamilyId, string FamilyName, string Text, DateTimeOffset At);

public sealed record EmergencyAccessGranted(Guid FamilyId, string FamilyName, DateTimeOffset Until);
