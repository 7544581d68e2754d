using Avts.Live.Monitor;
using Avts.Live.Sources;

namespace Avts.Web.Engine;

/// <summary>
/// The demo: one flash/beep clip (in sync, written once and cached in the data directory) replayed twice, as
/// "demo-sync" and as "demo-drift" with a cycling injected delay that leaves and re-enters the tolerance.
/// </summary>
public static class DemoStreams
{
    /// <summary>The in-sync demo stream.</summary>
    public const string SyncName = "demo-sync";

    /// <summary>The drifting demo stream.</summary>
    public const string DriftName = "demo-drift";

    /// <summary>The delay schedule of <see cref="DriftName"/>.</summary>
    public const string DriftSchedule = "cycle:0,160,-120@20";

    /// <summary>Writes the clip unless cached; returns its path.</summary>
    public static async Task<string> EnsureClipAsync(string dataDirectory, double seconds, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(dataDirectory, "demo");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FormattableString.Invariant($"demo-{seconds:0}s.mp4"));
        if (!File.Exists(path))
        {
            // Written aside and renamed, so a host killed mid-write never caches half a clip; the process id keeps
            // cluster nodes sharing a data directory from writing the same partial file.
            var partial = FormattableString.Invariant($"{path}.{Environment.ProcessId}.partial.mp4");
            await DemoClip.WriteAsync(partial, 0, seconds, 320, 240, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }

        return path;
    }

    /// <summary>The two demo streams over <paramref name="clip"/>.</summary>
    public static IReadOnlyList<StreamDefinition> Definitions(string clip, DateTimeOffset now) =>
    [
        new(SyncName, clip, Loop: true, RealTime: true, InjectDelay: null, RtspTransport.Auto, Paused: false, now),
        new(DriftName, clip, Loop: true, RealTime: true, InjectDelay: DriftSchedule, RtspTransport.Auto, Paused: false, now),
    ];
}
