using static Network.Web.Texts;

namespace Network.Web.Components.Documents;

/// <summary>Words for files: what kind of file it is (from its content type), and the upload limit.</summary>
public static class DocumentWords
{
    /// <summary>The default upload limit (the API's default too): 25 MB.</summary>
    public const long DefaultMaxBytes = 25L * 1024 * 1024;

    /// <summary>What the file chooser offers: PDF, images, Office documents and plain text.</summary>
    public const string Accept = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,"
        + "application/pdf,image/*,text/plain";

    public static string TypeName(string contentType) => contentType.ToLowerInvariant() switch
    {
        "application/pdf" => "PDF",
        var t when t.StartsWith("image/", StringComparison.Ordinal) => T("afbeelding", "image"),
        "text/plain" => T("tekst", "text"),
        var t when t.Contains("wordprocessing", StringComparison.Ordinal) || t == "application/msword"
            || t.Contains("opendocument.text", StringComparison.Ordinal) => T("tekstdocument", "text document"),
        var t when t.Contains("spreadsheet", StringComparison.Ordinal) || t.Contains("ms-excel", StringComparison.Ordinal) => T("rekenblad", "spreadsheet"),
        var t when t.Contains("presentation", StringComparison.Ordinal) || t.Contains("ms-powerpoint", StringComparison.Ordinal) => T("presentatie", "presentation"),
        _ => T("bestand", "file"),
    };

    /// <summary>The content type to send for a file the browser could not type.</summary>
    public static string ContentType(string? browserType) =>
        string.IsNullOrWhiteSpace(browserType) ? "application/octet-stream" : browserType;

    public static string TooLarge(long maxBytes) =>
        T($"Dit bestand is te groot. Het mag hoogstens {FileSize(maxBytes)} zijn.", $"This file is too large. It may be at most {FileSize(maxBytes)}.");
}
