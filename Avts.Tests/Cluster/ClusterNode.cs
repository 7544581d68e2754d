using System.Diagnostics;
using System.Globalization;

namespace Avts.Tests.Cluster;

/// <summary>
/// One Avts.Web host in cluster mode as a real process (<c>dotnet Avts.Web.dll</c>), so killing it is a real kill -9:
/// no graceful Orleans shutdown, no drained queues. Its output goes to a log file in the servers' folder.
/// </summary>
internal sealed class ClusterNode : IDisposable
{
    private readonly Process process;

    private ClusterNode(string name, Uri baseUri, Process process, string logPath)
    {
        Name = name;
        BaseUri = baseUri;
        this.process = process;
        LogPath = logPath;
    }

    /// <summary>The node name (<c>Avts:Cluster:NodeName</c>).</summary>
    public string Name { get; }

    /// <summary>http://127.0.0.1:PORT.</summary>
    public Uri BaseUri { get; }

    /// <summary>The node's stdout and stderr.</summary>
    public string LogPath { get; }

    /// <summary>Whether the process still runs.</summary>
    public bool Running => !process.HasExited;

    /// <summary>Starts node <paramref name="name"/> against <paramref name="servers"/>; shares <paramref name="dataDirectory"/>.</summary>
    public static ClusterNode Start(ClusterServers servers, string name, string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var ports = FreePorts.Take(2);
        var logPath = Path.Combine(servers.Directory, name + ".log");
        var values = new Dictionary<string, string>
        {
            ["Avts:Demo"] = "false",
            ["Avts:ApiKey"] = Web.AvtsWebFactory.Key,
            ["Avts:DataDirectory"] = dataDirectory,
            ["Avts:Locations:FileRoots:0"] = Path.GetTempPath(),
            ["Avts:DatabaseProvider"] = "PostgreSql",
            ["Avts:Database"] = servers.PostgreSql,
            ["Avts:Cluster:Enabled"] = "true",
            ["Avts:Cluster:NodeName"] = name,
            ["Avts:Cluster:Redis"] = servers.Redis,
            ["Avts:Cluster:SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        // exec: the process the test holds IS the host, so Kill() is a kill -9 of the node itself.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=$1; shift; exec \"$@\" >\"$log\" 2>&1");
        start.ArgumentList.Add("node");
        start.ArgumentList.Add(logPath);
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(RepoPaths.WebDll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "Avts.Web"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(FormattableString.Invariant($"http://127.0.0.1:{ports[0]}"));
        foreach (var (key, value) in values)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + name);
        return new ClusterNode(name, new Uri(FormattableString.Invariant($"http://127.0.0.1:{ports[0]}")), process, logPath);
    }

    /// <summary>Waits until /healthz answers; throws with the log's tail when the process exits or time runs out.</summary>
    public async Task WaitReadyAsync(TimeSpan patience)
    {
        using var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited ({process.ExitCode}): {LogTail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} not ready after {patience.TotalSeconds:0} s: {LogTail()}");
    }

    /// <summary>kill -9 (SIGKILL) and reap.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>The last lines of the node's log (for failure messages).</summary>
    public string LogTail()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n');
            return string.Join('\n', lines.TakeLast(30));
        }
        catch (IOException e)
        {
            return "(no log: " + e.Message + ")";
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}
