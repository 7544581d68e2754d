using System.Globalization;

namespace Avts.Live.Monitor;

/// <summary>
/// CPU time and resident memory of this process and every live descendant (the ffmpeg decoders), read from /proc on
/// Linux; elsewhere only this process is counted. The CPU time of a child that already exited is not included (its
/// time goes to the waiting parent's cutime only after it is reaped), so samples are taken while the children run.
/// </summary>
/// <param name="CpuSeconds">User + system CPU seconds of this process and its live descendants.</param>
/// <param name="OwnRssBytes">Resident memory of this process.</param>
/// <param name="ChildrenRssBytes">Resident memory of the live descendants together.</param>
/// <param name="ChildCount">How many descendants were counted.</param>
public sealed record ProcessTreeUsage(double CpuSeconds, long OwnRssBytes, long ChildrenRssBytes, int ChildCount)
{
    /// <summary>Threads of this process (a leak shows as growth over a long run).</summary>
    public int OwnThreads { get; init; }

    /// <summary>Open file descriptors (handles) of this process; 0 where /proc is not there.</summary>
    public int OwnHandles { get; init; }

    /// <summary>
    /// Proportional set size of this process and its live descendants together: shared pages (the ffmpeg libraries
    /// that every decoder maps) counted once across the processes sharing them, not once per process as in RSS.
    /// 0 where /proc/PID/smaps_rollup is not there.
    /// </summary>
    public long TreePssBytes { get; init; }

    /// <summary>Samples the tree now.</summary>
    public static ProcessTreeUsage Sample()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return new(self.TotalProcessorTime.TotalSeconds, self.WorkingSet64, 0, 0);
        }

        var parents = new Dictionary<int, int>();
        var stats = new Dictionary<int, (double Cpu, long Rss)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && TryReadStat(pid, out var parent, out var cpu, out var rss))
            {
                parents[pid] = parent;
                stats[pid] = (cpu, rss);
            }
        }

        var own = stats.TryGetValue(Environment.ProcessId, out var mine) ? mine : (self.TotalProcessorTime.TotalSeconds, self.WorkingSet64);
        double cpuSeconds = own.Item1;
        long childrenRss = 0;
        var treePss = ReadPss(Environment.ProcessId);
        var children = 0;
        foreach (var (pid, usage) in stats)
        {
            if (pid != Environment.ProcessId && IsDescendant(pid, parents))
            {
                cpuSeconds += usage.Cpu;
                childrenRss += usage.Rss;
                treePss += ReadPss(pid);
                children++;
            }
        }

        return new(cpuSeconds, own.Item2, childrenRss, children)
        {
            OwnThreads = self.Threads.Count,
            OwnHandles = Directory.GetFiles("/proc/self/fd").Length,
            TreePssBytes = treePss,
        };
    }

    /// <summary>The "Pss:" line of /proc/PID/smaps_rollup in bytes; 0 when it cannot be read (exited, older kernel).</summary>
    private static long ReadPss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    var kilobytes = line.AsSpan(4).Trim().TrimEnd("kB").Trim();
                    return long.TryParse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : 0;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }

    private static bool IsDescendant(int pid, Dictionary<int, int> parents)
    {
        for (var hops = 0; hops < 64 && parents.TryGetValue(pid, out var parent) && parent > 1; hops++)
        {
            if (parent == Environment.ProcessId)
            {
                return true;
            }

            pid = parent;
        }

        return false;
    }

    // /proc/PID/stat: the command name (field 2) may contain spaces and parentheses, so split after its last ')'.
    // Fields after it (1-based in proc(5)): 4 ppid, 14 utime, 15 stime (clock ticks), 24 rss (pages).
    private static bool TryReadStat(int pid, out int parent, out double cpuSeconds, out long rssBytes)
    {
        parent = 0;
        cpuSeconds = 0;
        rssBytes = 0;
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false; // exited while we looked
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return false;
        }

        var fields = text[(close + 2)..].Split(' ');
        const double ticksPerSecond = 100; // USER_HZ is 100 on every Linux ABI .NET runs on
        if (fields.Length < 22
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out parent)
            || !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system)
            || !long.TryParse(fields[21], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pages))
        {
            return false;
        }

        cpuSeconds = (user + system) / ticksPerSecond;
        rssBytes = pages * Environment.SystemPageSize;
        return true;
    }
}
