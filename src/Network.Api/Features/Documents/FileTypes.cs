using System.Text;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.Documents;

/// <summary>
/// The files a document may be: the type follows from the name's extension and must match what
/// the content's first bytes say it is (a renamed program or a PNG called .pdf is refused).
/// </summary>
public static class FileTypes
{
    private enum Signature { Pdf, Png, Jpeg, Gif, Webp, Zip, Ole, Text }

    private static readonly Dictionary<string, (string ContentType, Signature Signature)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Signature.Pdf),
        [".png"] = ("image/png", Signature.Png),
        [".jpg"] = ("image/jpeg", Signature.Jpeg),
        [".jpeg"] = ("image/jpeg", Signature.Jpeg),
        [".gif"] = ("image/gif", Signature.Gif),
        [".webp"] = ("image/webp", Signature.Webp),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Signature.Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Signature.Zip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Signature.Zip),
        [".odt"] = ("application/vnd.oasis.opendocument.text", Signature.Zip),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", Signature.Zip),
        [".doc"] = ("application/msword", Signature.Ole),
        [".xls"] = ("application/vnd.ms-excel", Signature.Ole),
        [".ppt"] = ("application/vnd.ms-powerpoint", Signature.Ole),
        [".txt"] = ("text/plain", Signature.Text),
        [".csv"] = ("text/csv", Signature.Text),
    };

    public static IEnumerable<string> Extensions => ByExtension.Keys;

    /// <summary>The content type of a file, from its name and checked against its first bytes.</summary>
    public static string Detect(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName);
        if (!ByExtension.TryGetValue(extension, out var type))
            throw new BadRequest("document.type-not-allowed", ("types", string.Join(", ", ByExtension.Keys)));
        if (!Matches(type.Signature, head)) throw new BadRequest("document.content-does-not-match", ("type", extension.TrimStart('.').ToUpperInvariant()));
        return type.ContentType;
    }

    private static bool Matches(Signature signature, ReadOnlySpan<byte> b) => signature switch
    {
        Signature.Pdf => b.StartsWith("%PDF-"u8),
        Signature.Png => b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        Signature.Jpeg => b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        Signature.Gif => b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8),
        Signature.Webp => b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8),
        Signature.Zip => b.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]),
        Signature.Ole => b.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        Signature.Text => IsText(b),
        _ => false,
    };

    /// <summary>UTF-8 without control characters other than tab and line ends (a sequence cut off at the end of the head is fine).</summary>
    private static bool IsText(ReadOnlySpan<byte> b)
    {
        if (b.IndexOfAnyInRange((byte)0, (byte)8) >= 0 || b.IndexOfAnyInRange((byte)14, (byte)31) >= 0 || b.Contains((byte)11) || b.Contains((byte)12))
            return false;
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        try
        {
            Span<char> chars = new char[b.Length];
            decoder.Convert(b, chars, flush: false, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// A file name safe to show and to send back: no folders, no control or reserved characters,
    /// valid Unicode, an extension of at most 10 characters, at most 150 characters in all.
    /// </summary>
    public static string SafeName(string? name)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/').Split('/')[^1]).Trim();
        // Lone surrogates become U+FFFD: the name is stored as JSON and sent back in a header.
        file = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(file));
        var cleaned = new string([.. file.Select(c => char.IsControl(c) || "<>:\"|?*".Contains(c) ? '_' : c)]).Trim('.', ' ');
        var extension = Path.GetExtension(cleaned);
        if (extension.Length > 10) extension = "";
        var stem = cleaned[..^Path.GetExtension(cleaned).Length];
        var elements = new System.Globalization.StringInfo(stem);
        if (elements.LengthInTextElements > 150 - extension.Length) stem = elements.SubstringByTextElements(0, 150 - extension.Length);
        cleaned = (stem + extension).Trim('.', ' ');
        return cleaned.Length == 0 ? "document" : cleaned;
    }
}
