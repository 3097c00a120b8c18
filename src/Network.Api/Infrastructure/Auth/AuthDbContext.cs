using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Network.Domain.Authorization;

namespace Network.Api.Infrastructure.Auth;

/// <summary>A user account: a professional, a family member or an administrator.</summary>
public sealed class NetworkUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public required ActorRole Role { get; set; }
    public string? Organisation { get; set; }
    public Guid? OrganisationId { get; set; }
    /// <summary>For family members: the registry person this account belongs to.</summary>
    public Guid? PersonId { get; set; }
    /// <summary>Set when a functional administrator deactivates the account: no login, no token works.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
    /// <summary>A ready account of the demo region: exempt from the professionals' second factor while the demo is seeded.</summary>
    public bool IsDemo { get; set; }
    public bool IsActive => DeactivatedAt is null;
}

/// <summary>ASP.NET Core Identity and OpenIddict, in their own schema of the same database.</summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options)
    : IdentityDbContext<NetworkUser, IdentityRole<Guid>, Guid>(options)
{
    public const string Schema = "identity";

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.UseOpenIddict();
        builder.Entity<NetworkUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.Property(x => x.Organisation).HasMaxLength(200);
            u.Property(x => x.Role).HasConversion<string>().HasMaxLength(40);
            u.HasIndex(x => x.PersonId).IsUnique();
            u.HasIndex(x => x.OrganisationId);
            u.Ignore(x => x.IsActive);
        });
        AccountToken.Configure(builder);
    }
}

/// <summary>Lets `dotnet ef migrations add` build the context without starting the app.</summary>
public sealed class AuthDbContextDesignFactory : IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<AuthDbContext>()
            .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable("__ef_migrations", AuthDbContext.Schema))
            .UseOpenIddict()
            .Options);
}
