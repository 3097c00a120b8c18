namespace Network.Web.Api;

// The API's response shapes, as this app reads them.

public sealed record BoardSummary(Guid Id, Guid FamilyId, string FamilyName, string Title, long Version);

public sealed record TimelineEntry(
    Guid ItemId, long Version, string Kind, Guid AuthorId, string AuthorName, string AuthorRole, string Text, DateTimeOffset At);

public sealed record TimelineView(
    Guid BoardId, Guid FamilyId, string FamilyName, string Title, long Version, IReadOnlyList<TimelineEntry> Entries);

public sealed record NotePosted(Guid ItemId, Guid BoardId, long Version);

/// <summary>An RFC 9457 problem answered by the API.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, IDictionary<string, string[]>? Errors)
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
