using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace Network.Web.Auth;

/// <summary>
/// With several Web instances (sticky sessions at the load balancer keep a circuit on its
/// instance), the data protection keys are shared through Redis when Network:Redis is set, so
/// every instance reads the session cookie, the sign-in's state and correlation cookies and the
/// antiforgery tokens any other instance made. Without it the keys stay local, as for one instance.
/// </summary>
public static class SharedKeys
{
    public const string RedisKey = "network:web:data-protection-keys";

    public static IServiceCollection AddNetworkDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration["Network:Redis"];
        if (string.IsNullOrWhiteSpace(redis)) return services;

        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddDataProtection().SetApplicationName("network-web");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, connection) =>
            o.XmlRepository = new RedisXmlRepository(() => connection.GetDatabase(), RedisKey));
        return services;
    }
}
