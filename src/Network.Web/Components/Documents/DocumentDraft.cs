using Microsoft.AspNetCore.Components.Forms;

namespace Network.Web.Components.Documents;

/// <summary>A document to post: the file as the browser gives it (read once, while it is sent) and its facts.</summary>
public sealed record DocumentDraft(
    IBrowserFile File, string? Description, InformationCategory Category, IReadOnlyList<Guid> About, AudienceKind? Audience, IReadOnlyList<Guid> Named);
