using Network.Api.Features.Home;
using Network.Api.Features.YouthSay;

namespace Network.Api.Features.Voice;

/// <summary>The family's own voice (#12): the youth's say, the home, notifications. One line in Program.cs.</summary>
public static class VoiceSetup
{
    /// <summary>The notifications (made after commit, pushed live) and the daily digest. One line in Program.cs.</summary>
    public static IServiceCollection AddFamilyVoice(this IServiceCollection services)
    {
        services.AddSingleton<Notifications.NotificationListener>();
        services.AddHostedService<Notifications.NotificationMaker>();
        services.AddSingleton<Notifications.DigestSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Notifications.DigestSender>());
        return services;
    }

    public static IEndpointRouteBuilder MapFamilyVoice(this IEndpointRouteBuilder app)
    {
        app.MapYouthSay();
        app.MapHome();
        Notifications.DigestEndpoints.MapDigest(app);
        return app;
    }
}
