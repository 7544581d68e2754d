using System.Diagnostics;
using System.Net.Http.Json;
using Avts.Tests.Fixtures;
using Avts.Tests.Web;
using Npgsql;
using Xunit.Abstractions;

namespace Avts.Tests.Cluster;

/// <summary>
/// A node whose Redis or PostgreSQL goes away reports Degraded on /healthz with the reason, comes back to Healthy
/// when the server is back, and goes on scoring (a stream added afterwards is scored and stored); pause, resume and
/// delete of that stream reach its grain.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(RealTimeStreams.Name)]
public sealed class ClusterDependencyTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ClusterServers servers = new();
    private ClusterNode? node;

    [ClusterFact]
    public async Task RedisOrPostgreSqlRestarting_DegradesHealthWithReason_AndTheNodeSurvives()
    {
        var total = Stopwatch.StartNew();
        node = ClusterNode.Start(servers, "node1", Path.Combine(servers.Directory, "shared"));
        await node.WaitReadyAsync(TimeSpan.FromSeconds(90));
        await WaitHealthAsync(h => h.Status == "Healthy", "healthy at start");

        foreach (var (server, reason) in new[] { ("redis", "redis unreachable"), ("pg", "postgresql unreachable") })
        {
            Servers("stop-one", server);
            var degraded = await WaitHealthAsync(h => h.Status == "Degraded" && h.Reasons.Any(r => r.Contains(reason, StringComparison.Ordinal)), server + " down");
            output.WriteLine($"{server} down: {string.Join("; ", degraded.Reasons)}");
            Servers("start");
            await WaitHealthAsync(h => h.Status == "Healthy", server + " back");
            Assert.True(node.Running, node.LogTail());
        }

        using var keyed = AvtsWebFactory.CreateKeyedClient(node.BaseUri);
        await AvtsWebFactory.AddStreamAsync(keyed, "after-restarts", await WebTestClip.PathAsync(), injectDelay: null);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        long stored = 0;
        while (stored == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(500);
            await using var connection = new NpgsqlConnection(servers.PostgreSql);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM windows WHERE stream = 'after-restarts'", connection);
            stored = (long)(await command.ExecuteScalarAsync())!;
        }

        Assert.True(stored > 0, "no window of a stream added after the restarts was stored: " + node.LogTail());

        // Control goes through the grain: pause takes it out of the node's pipeline, resume puts it back, delete forgets it.
        Assert.True((await keyed.PostAsync(new Uri("/api/streams/after-restarts/pause", UriKind.Relative), null)).IsSuccessStatusCode);
        await WaitStreamAsync(keyed, s => s?.Paused == true && s.Node is null, "paused with no node");
        await WaitHealthAsync(h => h.Streams.Count == 0, "paused stream out of the pipeline");
        Assert.True((await keyed.PostAsync(new Uri("/api/streams/after-restarts/resume", UriKind.Relative), null)).IsSuccessStatusCode);
        await WaitStreamAsync(keyed, s => s is { Paused: false, Node: "node1" } && s.Windows > 0, "resumed and scored on node1");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await keyed.DeleteAsync(new Uri("/api/streams/after-restarts", UriKind.Relative))).StatusCode);
        await WaitStreamAsync(keyed, s => s is null, "deleted");
        await WaitHealthAsync(h => h.Streams.Count == 0, "deleted stream out of the pipeline");
        output.WriteLine($"test took {total.Elapsed.TotalSeconds:0.0} s");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        node?.Dispose();
        servers.Dispose();
    }

    private void Servers(string command, string? which = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "cluster-servers.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(Path.Combine(servers.Directory, "servers"));
        if (command == "start")
        {
            var env = File.ReadAllLines(Path.Combine(servers.Directory, "servers", "env")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            start.ArgumentList.Add(env["AVTS_PG_PORT"]);
            start.ArgumentList.Add(env["AVTS_REDIS_PORT"]);
        }
        else if (which is not null)
        {
            start.ArgumentList.Add(which);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "cluster-servers.sh " + command + " hung");
        Assert.True(process.ExitCode == 0, $"cluster-servers.sh {command} failed: {error.Result}");
    }

    private static async Task<ClusterStreamView?> WaitStreamAsync(HttpClient client, Func<ClusterStreamView?, bool> done, string what)
    {
        var until = DateTime.UtcNow + Patience;
        ClusterStreamView? last = null;
        while (DateTime.UtcNow < until)
        {
            var streams = await client.GetFromJsonAsync<List<ClusterStreamView>>(new Uri("/api/streams", UriKind.Relative)) ?? [];
            last = streams.SingleOrDefault(s => s.Name == "after-restarts");
            if (done(last))
            {
                return last;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"{what}: not reached within {Patience.TotalSeconds:0} s; last {last}");
        return last;
    }

    private async Task<ClusterHealthView> WaitHealthAsync(Func<ClusterHealthView, bool> done, string what)
    {
        using var client = new HttpClient { BaseAddress = node!.BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + Patience;
        ClusterHealthView? last = null;
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                last = await response.Content.ReadFromJsonAsync<ClusterHealthView>();
                if (last is not null && done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        Assert.Fail($"{what}: not reached within {Patience.TotalSeconds:0} s; last {last?.Status}: {string.Join("; ", last?.Reasons ?? [])}\n{node.LogTail()}");
        return last!;
    }
}
