using System.Collections.Immutable;
using System.Globalization;

namespace Network.Domain.Common;

/// <summary>
/// Why a decision came out as it did: a stable code with parameters. The domain never writes the
/// words; the Web renders each code in plain Dutch (B1) or English.
/// </summary>
public sealed record Reason(string Code, ImmutableSortedDictionary<string, string> Args)
{
    public Reason(string code) : this(code, ImmutableSortedDictionary<string, string>.Empty) { }

    public static Reason Of(string code, params (string Key, object? Value)[] args) => new(code,
        args.Where(a => a.Value is not null).ToImmutableSortedDictionary(a => a.Key, a => Format(a.Value!)));

    private static string Format(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public bool Equals(Reason? other) => other is not null && Code == other.Code && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Args.Aggregate(Code.GetHashCode(), (h, a) => HashCode.Combine(h, a.Key, a.Value));

    public override string ToString() => Args.Count == 0 ? Code : $"{Code}({string.Join(", ", Args.Select(a => $"{a.Key}={a.Value}"))})";
}
