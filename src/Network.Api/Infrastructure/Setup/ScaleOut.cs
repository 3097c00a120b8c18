using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Network.Api.Infrastructure.Setup;

/// <summary>
/// What several API instances behind a load balancer share through Redis when Network:Redis (a
/// StackExchange.Redis connection string) is set: SignalR's backplane, so a push sent by one
/// instance reaches the connections on every instance, and the data protection keys, so the login
/// form's antiforgery token and the login cookie made by one instance are read by another.
/// Without it one instance works on its own. The OpenID Connect keys are shared separately
/// (Network:KeysPath, see <see cref="Auth.ServerKeys"/>).
/// </summary>
public static class ScaleOut
{
    public const string ChannelPrefix = "network";
    public const string DataProtectionKey = "network:api:data-protection-keys";

    public static IServiceCollection AddNetworkScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration["Network:Redis"];
        if (string.IsNullOrWhiteSpace(redis)) return services;

        services.AddSignalR().AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix));

        // Reconnects on its own when Redis restarts, rather than failing the instance's start.
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddDataProtection().SetApplicationName("network-api");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, connection) =>
            o.XmlRepository = new RedisXmlRepository(() => connection.GetDatabase(), DataProtectionKey));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
}

/// <summary>An instance that cannot reach Redis would miss pushes from the others and logins made elsewhere.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
