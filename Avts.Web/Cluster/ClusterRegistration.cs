using System.Net;
using Avts.Web.Engine;
using Microsoft.AspNetCore.SignalR;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Avts.Web.Cluster;

/// <summary>
/// Cluster mode's services: an Orleans silo co-hosted in the web host (membership and reminders in Redis), the
/// stream keeper, the dependency probe, the cluster-wide stream directory and control, and the SignalR Redis
/// backplane so a dashboard on any node receives every stream's windows and alerts.
/// </summary>
public static class ClusterRegistration
{
    /// <summary>Registers the cluster services for <paramref name="cluster"/> (which is enabled).</summary>
    public static void AddAvtsCluster(this IServiceCollection services, ISignalRServerBuilder signalR, Options.ClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var redis = cluster.Redis ?? string.Empty;
        signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(cluster.ClusterId + ":signalr"));
        services.AddOrleans(silo =>
        {
            silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ClusterId;
            });
            // No client gateway (port 0): the web host is the only client and lives in the silo.
            // An address that does not parse is reported by ClusterOptionsValidator at start; loopback keeps this line from throwing first.
            silo.ConfigureEndpoints(IPAddress.TryParse(cluster.AdvertisedAddress, out var address) ? address : IPAddress.Loopback, cluster.SiloPort, 0);
            silo.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(redis));
            silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisOptions(redis));
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // Fast failure detection: a killed node's streams must be scored again within seconds. One vote is
                // enough because a silo that misses two probes in a row on loopback/LAN is gone, not slow.
                o.ProbeTimeout = TimeSpan.FromSeconds(cluster.ProbeTimeoutSeconds);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            });
        });
        services.AddSingleton<IStreamDirectory, ClusterStreamDirectory>();
        services.AddSingleton<IStreamControl, ClusterStreamControl>();
        services.AddHostedService<DependencyProbe>();
        services.AddHostedService<ClusterStreamKeeper>();
    }

    private static ConfigurationOptions RedisOptions(string redis)
    {
        var options = ConfigurationOptions.Parse(redis);
        // Redis restarting must not stop the node: reconnect in the background instead of failing at start.
        options.AbortOnConnectFail = false;
        return options;
    }
}
