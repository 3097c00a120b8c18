using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Network.Api.Infrastructure.Auth;

/// <summary>A token just issued: the link's secret and, for invitations, the code to hand over. Never stored, never logged.</summary>
public sealed record IssuedToken(string Token, string? Code, DateTimeOffset ExpiresAt);

/// <summary>Why a link or code was refused.</summary>
public enum TokenRefusal { Unknown, Used, Expired }

/// <summary>Issues and redeems one-time, expiring account tokens (stored hashed; see <see cref="AccountToken"/>).</summary>
public sealed class AccountTokens(AuthDbContext db, TimeProvider clock)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A new token for the user; earlier unused tokens of the same purpose stop working.</summary>
    public async Task<IssuedToken> IssueAsync(Guid userId, AccountTokenPurpose purpose, TimeSpan lifetime, Guid? familyId, bool withCode, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.AccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), ct);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var code = withCode ? NewCode() : null;
        db.AccountTokens.Add(new AccountToken
        {
            UserId = userId, Purpose = purpose, Hash = Hash(token), CodeHash = code is null ? null : Hash(Normalise(code)),
            FamilyId = familyId, CreatedAt = now, ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(ct);
        return new IssuedToken(token, code, now + lifetime);
    }

    /// <summary>The usable token behind a link or a code, or why it is refused. Does not use it up.</summary>
    public async Task<(AccountToken? Token, TokenRefusal Refusal)> FindAsync(string? secret, AccountTokenPurpose purpose, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200) return (null, TokenRefusal.Unknown);
        var hash = Hash(secret.Trim());
        var codeHash = Hash(Normalise(secret));
        var found = await db.AccountTokens.FirstOrDefaultAsync(
            t => t.Purpose == purpose && (t.Hash == hash || t.CodeHash == codeHash), ct);
        if (found is null) return (null, TokenRefusal.Unknown);
        if (found.UsedAt is not null || found.RevokedAt is not null) return (null, TokenRefusal.Used);
        if (clock.GetUtcNow() >= found.ExpiresAt) return (null, TokenRefusal.Expired);
        return (found, TokenRefusal.Unknown);
    }

    /// <summary>Uses the token up, once: a second request racing this one finds it used.</summary>
    public async Task<bool> UseAsync(AccountToken token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var updated = await db.AccountTokens.Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct);
        return updated == 1;
    }

    private static string NewCode()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++) chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    private static string Normalise(string code) =>
        new([.. code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
