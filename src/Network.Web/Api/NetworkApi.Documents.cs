using System.Net.Http.Headers;

namespace Network.Web.Api;

/// <summary>A file to upload: its stream is read once, as it is sent, never held whole in memory.</summary>
public sealed record UploadFile(Stream Content, string FileName, string ContentType);

public sealed partial class NetworkApi
{
    /// <summary>Posts a document on a board: the file streams through to the API as multipart/form-data.</summary>
    public Task<ApiResult<ItemPostedResponse>> PostDocumentAsync(
        Guid boardId, UploadFile file, string? description, InformationCategory category, IReadOnlyList<Guid> about,
        AudienceKind? audience, IReadOnlyList<Guid> named, CancellationToken ct = default)
    {
        var form = Form(file);
        if (!string.IsNullOrWhiteSpace(description)) form.Add(new StringContent(description), "text");
        form.Add(new StringContent(category.ToString()), "category");
        foreach (var person in about) form.Add(new StringContent(person.ToString()), "about");
        if (audience is { } a) form.Add(new StringContent(a.ToString()), "audience");
        foreach (var user in named) form.Add(new StringContent(user.ToString()), "named");
        return SendContentAsync<ItemPostedResponse>(HttpMethod.Post, $"api/boards/{boardId}/documents", form, null, ct);
    }

    /// <summary>A new version of a document; the older ones stay in its history.</summary>
    public Task<ApiResult<ItemChangedResponse>> UploadDocumentVersionAsync(Guid itemId, long itemVersion, UploadFile file, CancellationToken ct = default) =>
        SendContentAsync<ItemChangedResponse>(HttpMethod.Post, $"api/items/{itemId}/document/versions", Form(file), itemVersion, ct);

    private static MultipartFormDataContent Form(UploadFile file)
    {
        var content = new StreamContent(file.Content);
        content.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type)
            ? type : new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", file.FileName } };
    }
}
