using System.Diagnostics;

namespace Avts.Tests.Cluster;

/// <summary>
/// A private PostgreSQL and Redis on loopback for one test class, started and stopped with
/// scripts/cluster-servers.sh (the same script run.sh --cluster uses). Failing to start throws: never a silent skip.
/// </summary>
public sealed class ClusterServers : IDisposable
{
    /// <summary>Starts both servers in a fresh temp folder.</summary>
    public ClusterServers()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("avts-cluster-test-").FullName;
        // PostgreSQL runs as 'postgres' when the tests run as root: it must be able to walk into this folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var ports = FreePorts.Take(2);
        Run("start", Path.Combine(Directory, "servers"), ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var env = File.ReadAllLines(Path.Combine(Directory, "servers", "env"))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('\''));
        PostgreSql = env["AVTS_PG"];
        Redis = env["AVTS_REDIS"];
    }

    /// <summary>The temp folder (servers' data, node logs, shared data directory).</summary>
    public string Directory { get; }

    /// <summary>Npgsql connection string of the <c>avts</c> database.</summary>
    public string PostgreSql { get; }

    /// <summary>StackExchange.Redis configuration string.</summary>
    public string Redis { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Run("stop", Path.Combine(Directory, "servers"));
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing a file: the temp folder is cleaned by the OS later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void Run(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "cluster-servers.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("cluster-servers.sh " + args[0] + " took over 90 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"cluster-servers.sh {args[0]} failed ({process.ExitCode}); install postgresql and redis-server (./scripts/ensure-deps.sh redis-server postgresql): {stderr.Result}{stdout.Result}");
        }
    }
}
