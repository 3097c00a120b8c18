using Network.Api.Features.Home;
using Network.Api.Features.YouthSay;

namespace Network.Api.Features.Voice;

/// <summary>The family's own voice (#12): the youth's say, the home, notifications. One line in Program.cs.</summary>
public static class VoiceSetup
{
    public static IEndpointRouteBuilder MapFamilyVoice(this IEndpointRouteBuilder app)
    {
        app.MapYouthSay();
        app.MapHome();
        return app;
    }
}
