using Marten;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Api.Infrastructure.Setup;

/// <summary>
/// Before the server accepts requests: applies the schema (EF Core migrations for identity,
/// Marten's tables for events and read models), registers the OpenID Connect clients from
/// configuration, and seeds the demo region when Network:SeedDemo is true.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;

        await sp.GetRequiredService<AuthDbContext>().Database.MigrateAsync(ct);
        await sp.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await sp.GetRequiredService<AccessLogStore>().EnsureSchemaAsync(ct);
        await using (var items = sp.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(Gate.ItemRows.Schema))
            await items.ExecuteNonQueryAsync(ct);
        await using (var files = sp.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(Features.Documents.PostgresFileStore.Schema))
            await files.ExecuteNonQueryAsync(ct);
        await RegisterClientAsync(sp.GetRequiredService<IOpenIddictApplicationManager>(),
            sp.GetRequiredService<IOptions<OidcClientOptions>>().Value, ct);

        if (configuration.GetValue<bool>("Network:SeedDemo"))
            await ActivatorUtilities.CreateInstance<DemoRegion>(sp).EnsureAsync(ct);

        logger.LogInformation("Database ready");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static async Task RegisterClientAsync(IOpenIddictApplicationManager apps, OidcClientOptions client, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(client.ClientSecret))
            throw new InvalidOperationException("Network:WebClient:ClientSecret is not configured.");

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client.DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
                Permissions.Prefixes.Scope + AuthSetup.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
        foreach (var uri in client.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri));

        var existing = await apps.FindByClientIdAsync(client.ClientId, ct);
        if (existing is null) await apps.CreateAsync(descriptor, ct);
        else await apps.UpdateAsync(existing, descriptor, ct);
    }
}
