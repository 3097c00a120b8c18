namespace Network.Web.Components.Boards;

/// <summary>
/// What a reader can do with an item on the timeline; the board page provides it through the API.
/// Each write answers null when done, or the message to show (for a stale version: that someone
/// else changed it, after the page reloaded it).
/// </summary>
public sealed record ItemActions(
    Func<Guid, Task<string?>> Explain,
    Func<Guid, Task<ItemHistory?>> History,
    Func<ItemView, string, string?, Task<string?>> Correct,
    Func<ItemView, string, Task<string?>> MarkEnteredInError,
    Func<ItemView, Guid, Task<string?>> ShowOnBoard);
