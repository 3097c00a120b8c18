using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Documents;

/// <summary>How large a document may be (Network:Documents:MaxBytes, 25 MB by default).</summary>
public sealed class DocumentOptions
{
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;
}

/// <summary>
/// A multipart upload read as it arrives: the form fields, and the one file streamed straight into
/// the file store (never whole in memory), its type told from its content.
/// </summary>
public sealed record Upload(IReadOnlyDictionary<string, List<string>> Fields, StoredFile File, string FileName, string ContentType)
{
    private const int MaxFieldLength = 20_000;

    public string? Field(string name) => Fields.TryGetValue(name, out var values) ? values.LastOrDefault() : null;

    public IReadOnlyList<string> All(string name) => Fields.TryGetValue(name, out var values) ? values : [];

    public DocumentFile ToDocument() => new(File.Id, FileName, ContentType, File.Size, File.Sha256);

    public static async Task<Upload> ReadAsync(HttpRequest request, IFileStore files, long maxBytes, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + 1024 * 1024;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw new BadRequest("document.multipart-required");

        var reader = new MultipartReader(boundary, request.Body);
        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        StoredFile? stored = null;
        string? name = null;
        var sections = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (++sections > 100) throw new BadRequest("document.too-many-fields", ("max", 100));
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    continue;
                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (stored is not null) throw new BadRequest("document.one-file");
                    name = FileTypes.SafeName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                    stored = await files.SaveAsync(section.Body, maxBytes, ct);
                    continue;
                }
                using var text = new StreamReader(section.Body);
                var buffer = new char[MaxFieldLength + 1];
                var read = await text.ReadBlockAsync(buffer, ct);
                if (read > MaxFieldLength) throw new BadRequest("document.field-too-long", ("max", MaxFieldLength));
                if (!fields.TryGetValue(field, out var values)) fields[field] = values = [];
                values.Add(new string(buffer, 0, read));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            await DeleteAsync(files, stored);
            throw new BadRequest("document.upload-incomplete");
        }
        catch
        {
            await DeleteAsync(files, stored);
            throw;
        }
        if (stored is null) throw new BadRequest("document.file-required");
        try
        {
            return new Upload(fields, stored, name!, FileTypes.Detect(name!, stored.Head));
        }
        catch
        {
            await DeleteAsync(files, stored);
            throw;
        }
    }

    /// <summary>
    /// Reads the upload and hands it to <paramref name="use"/> (which saves its item). After a
    /// refusal, which comes before the item is saved, the stored file goes; after any other failure
    /// the item may have been saved with it, so the file stays (the sweeper takes it if not).
    /// </summary>
    public static async Task<T> UseAsync<T>(HttpRequest request, IFileStore files, long maxBytes, Func<Upload, Task<T>> use, CancellationToken ct)
    {
        var upload = await ReadAsync(request, files, maxBytes, ct);
        try
        {
            return await use(upload);
        }
        catch (Exception e) when (e is FluentValidation.ValidationException or NotAllowed or ResourceNotFound or DomainRuleViolation
            or BadRequest or StaleVersion)
        {
            await DeleteAsync(files, upload.File);
            throw;
        }
    }

    public static async Task DeleteAsync(IFileStore files, StoredFile? file)
    {
        if (file is not null) await files.DeleteAsync(file.Id, CancellationToken.None);
    }
}
