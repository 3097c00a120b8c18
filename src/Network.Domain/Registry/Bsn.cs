namespace Network.Domain.Registry;

/// <summary>The Dutch citizen service number (burgerservicenummer) and its eleven-test.</summary>
public static class Bsn
{
    /// <summary>
    /// Nine digits whose weighted sum (9·d1 + 8·d2 + … + 2·d8 − 1·d9) is a multiple of 11 and not 0.
    /// Eight-digit numbers are valid with a leading zero.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (value is null) return false;
        var digits = value.Trim();
        if (digits.Length == 8) digits = "0" + digits;
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (9 - i) * (digits[i] - '0');
        sum -= digits[8] - '0';
        return sum != 0 && sum % 11 == 0;
    }

    /// <summary>The nine-digit form, or null for an empty value.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var digits = value.Trim();
        return digits.Length == 8 ? "0" + digits : digits;
    }
}
