using Microsoft.EntityFrameworkCore;

namespace Network.Api.Infrastructure.Auth;

public enum AccountTokenPurpose
{
    /// <summary>A new professional sets a password (and then two-factor authentication).</summary>
    Activation,
    /// <summary>An invited family member activates their account (by link or by the code on paper).</summary>
    Invitation,
    /// <summary>Someone who forgot their password sets a new one.</summary>
    PasswordReset,
}

/// <summary>
/// A one-time, expiring secret sent by e-mail (and for invitations also handed over as a code).
/// Only SHA-256 hashes are stored: the database never holds a usable link or code.
/// </summary>
public sealed class AccountToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public AccountTokenPurpose Purpose { get; set; }
    public required string Hash { get; set; }
    public string? CodeHash { get; set; }
    public Guid? FamilyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    /// <summary>Set when a newer token of the same purpose replaced it.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public bool UsableAt(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    internal static void Configure(ModelBuilder builder) => builder.Entity<AccountToken>(t =>
    {
        t.ToTable("account_tokens");
        t.HasKey(x => x.Id);
        t.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(40);
        t.Property(x => x.Hash).HasMaxLength(64);
        t.Property(x => x.CodeHash).HasMaxLength(64);
        t.HasIndex(x => x.Hash).IsUnique();
        t.HasIndex(x => x.CodeHash);
        t.HasIndex(x => x.UserId);
    });
}
