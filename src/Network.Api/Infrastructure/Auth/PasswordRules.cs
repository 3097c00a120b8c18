using Microsoft.AspNetCore.Identity;

namespace Network.Api.Infrastructure.Auth;

/// <summary>
/// Beyond length and character classes: no password that is known from breaches or trivially
/// weak (a common word with digits and signs around it), none built from the user's own name or
/// e-mail address, and enough different characters.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<NetworkUser>
{
    public const string Weak = "PasswordKnownOrWeak";
    public const string Personal = "PasswordPersonal";

    // The most common passwords of breach corpora, and Dutch favourites; compared on their letters only.
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "wachtwoord", "welkom", "welcome", "qwerty", "qwertyuiop", "azerty", "abc", "abcdef", "letmein", "iloveyou",
        "admin", "administrator", "monkey", "dragon", "football", "voetbal", "baseball", "master", "sunshine", "princess",
        "shadow", "superman", "batman", "trustno", "passw", "secret", "geheim", "zomer", "winter", "lente", "herfst",
        "summer", "spring", "autumn", "netwerk", "network", "jeugdzorg", "gezin", "familie", "changeme", "test", "testtest",
        "hallo", "hello", "liefde", "schatje", "ajax", "feyenoord", "psv", "utrecht", "amsterdam", "rotterdam", "nederland",
        "holland", "computer", "internet", "samsung", "google", "starwars", "pokemon", "michael", "jennifer", "jordan",
        "qazwsx", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "aaaaaa", "wachtwoordje", "passwort", "motdepasse",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<NetworkUser> manager, NetworkUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var letters = new string([.. password.Where(char.IsLetter)]).ToLowerInvariant();
        var errors = new List<IdentityError>();
        if (Known.Contains(password) || Known.Contains(letters) || letters.Length == 0 || password.Distinct().Count() < 6
            || IsSequence(password))
            errors.Add(new IdentityError { Code = Weak, Description = "This password is known from breaches or too easy to guess." });
        var own = new[] { user.Email?.Split('@')[0], user.DisplayName }
            .Concat((user.DisplayName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p is { Length: >= 4 })
            .Select(p => new string([.. p!.Where(char.IsLetter)]).ToLowerInvariant())
            .Where(p => p.Length >= 4);
        if (own.Any(p => letters.Contains(p, StringComparison.Ordinal)))
            errors.Add(new IdentityError { Code = Personal, Description = "A password may not contain your name or e-mail address." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool IsSequence(string password) =>
        password.Zip(password.Skip(1)).All(p => p.Second - p.First is 0 or 1 or -1);
}
