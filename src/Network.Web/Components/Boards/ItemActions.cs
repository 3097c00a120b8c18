using Microsoft.AspNetCore.Components.Forms;

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
    Func<ItemView, Guid, Task<string?>> ShowOnBoard)
{
    /// <summary>Replies under an item (text); absent: the timeline offers no reply form.</summary>
    public Func<ItemView, string, Task<string?>>? Reply { get; init; }

    /// <summary>Uploads a new version of a document item (the file as the browser gives it).</summary>
    public Func<ItemView, IBrowserFile, Task<string?>>? UploadVersion { get; init; }

    public Func<ItemView, ChangeAppointmentRequest, Task<string?>>? ChangeAppointment { get; init; }

    /// <summary>Cancels an appointment, with an optional reason.</summary>
    public Func<ItemView, string?, Task<string?>>? CancelAppointment { get; init; }

    /// <summary>After a write from inside an item (a consultation's answer, agenda, decision): fetch it and what it made again.</summary>
    public Func<Guid, Task>? Refresh { get; init; }

    public Func<ItemView, string?, Task<string?>>? CancelConsultation { get; init; }

    /// <summary>Posts minutes for a consultation (its id).</summary>
    public Func<Guid, PostMinutesRequest, Task<string?>>? PostMinutes { get; init; }

    /// <summary>What the reader may post on this board: the categories and audiences minutes may have.</summary>
    public ComposerView? Composer { get; init; }
}
