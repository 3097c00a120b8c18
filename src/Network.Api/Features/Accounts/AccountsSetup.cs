using Microsoft.AspNetCore.Identity;
using Network.Api.Features.Organisations;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Mail;

namespace Network.Api.Features.Accounts;

/// <summary>Who must log in with a second factor.</summary>
public static class AccountPolicyForLogin
{
    /// <summary>Everyone who is not a family member: professionals (NEN 7510), administrators and contract managers.</summary>
    public static bool TwoFactorRequiredFor(ActorRole role) => role is not (ActorRole.Parent or ActorRole.Youth or ActorRole.NetworkMember);

    /// <summary>
    /// Whether this user must set up an authenticator before any token is issued. The demo region's
    /// ready accounts (created only by Network:SeedDemo) are exempt outside Production, so the demo
    /// and its tests log in as before; in Production nobody is.
    /// </summary>
    public static bool MustSetUpTwoFactor(NetworkUser user, IHostEnvironment environment) =>
        TwoFactorRequiredFor(user.Role) && !user.TwoFactorEnabled && !(user.IsDemo && !environment.IsProduction());
}

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.Configure<MailOptions>(configuration.GetSection("Network:Mail"));
        services.Configure<AccountOptions>(configuration.GetSection("Network:Accounts"));
        services.AddSingleton<Mailer>();
        services.AddScoped<AccountMail>();
        services.AddScoped<AccountTokens>();
        services.AddSingleton<AccountGuard>();
        services.AddScoped<AccountCheck>();
        services.AddScoped<IPasswordValidator<NetworkUser>, PasswordRules>();
        // The login cookie of the authorization server is checked against the account on every use.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapCredentialPages();
        app.MapAccountAdministration();
        app.MapOrganisationAdministration();
        app.MapInvitations();
        app.MapMyAccount();
        app.MapImportRegion();
        Families.Consent.RecordConsentOnBehalfEndpoint.MapConsentOnBehalf(app);
        return app;
    }
}
