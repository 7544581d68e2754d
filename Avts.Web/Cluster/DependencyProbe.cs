using Avts.Web.Hosting;
using Avts.Web.Options;
using Avts.Web.Persistence;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Avts.Web.Cluster;

/// <summary>
/// Cluster mode: pings Redis and PostgreSQL every <see cref="ClusterOptions.DependencyProbeSeconds"/> and records
/// what fails in <see cref="DependencyHealth"/>, so <c>/healthz</c> turns Degraded with the reason while either is down
/// (the node keeps scoring its streams; history rows wait in the bounded queue and are retried).
/// </summary>
public sealed partial class DependencyProbe(
    AvtsDatabase database,
    DependencyHealth health,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<DependencyProbe> logger) : BackgroundService
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var redisOptions = ConfigurationOptions.Parse(options.Value.Redis ?? string.Empty);
        redisOptions.AbortOnConnectFail = false;
        redisOptions.ConnectTimeout = (int)ProbeTimeout.TotalMilliseconds;
        using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DependencyProbeSeconds), time);
        do
        {
            var reasons = new List<string>();
            if (await ProbeRedisAsync(redis, stoppingToken) is { } redisProblem)
            {
                reasons.Add("redis unreachable: " + redisProblem);
            }

            if (await ProbeDatabaseAsync(stoppingToken) is { } databaseProblem)
            {
                reasons.Add("postgresql unreachable: " + databaseProblem);
            }

            if (reasons.Count != health.Reasons.Count)
            {
                LogChanged(reasons.Count == 0 ? "both reachable" : string.Join("; ", reasons));
            }

            health.Report(reasons);
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }

    private static async Task<string?> ProbeRedisAsync(ConnectionMultiplexer redis, CancellationToken stoppingToken)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(ProbeTimeout, stoppingToken);
            return null;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            return FirstLine(e);
        }
    }

    private async Task<string?> ProbeDatabaseAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(ProbeTimeout);
            await using var connection = await database.OpenAsync(timeout.Token);
            await using var command = AvtsDatabase.Command(connection, "SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return null;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            return e is OperationCanceledException ? "no answer within 2 s" : FirstLine(e);
        }
    }

    private static string FirstLine(Exception e) => e.Message.Split('\n', 2)[0].Trim();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster dependencies: {State}")]
    private partial void LogChanged(string state);
}
