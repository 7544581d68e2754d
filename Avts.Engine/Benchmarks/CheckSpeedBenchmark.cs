using System.Diagnostics;
using Avts.Engine.Checking;
using Avts.Engine.Dsp;
using Avts.Engine.Media;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;

namespace Avts.Engine.Benchmarks;

/// <summary>
/// Offline check speed of one file against ffmpeg's decode-only time for it: ffmpeg <c>-f null</c> at full size, the
/// decode <c>avts check</c> asks for with the method (<see cref="SyncCheckService.OpenAsync(string, CheckSettings, CancellationToken)"/>:
/// 320 px grey frames + 16 kHz mono, wider where a lips method needs bigger faces, read span by span as a check reads
/// them), and the whole check in process (<see cref="SyncCheckService"/> with the defaults of <c>avts check</c>: decode,
/// analysis, report). The first decode (which reads the duration) warms the file cache and the decoder's JIT; the check runs once
/// untimed first for its own JIT; then each step runs <c>runs</c> times.
/// </summary>
public sealed class CheckSpeedBenchmark(SyncCheckService checker)
{
    /// <summary>
    /// Times the three steps on <paramref name="mediaPath"/> with <paramref name="method"/> (null: the default method);
    /// returns the rows and the file's duration.
    /// </summary>
    /// <exception cref="MediaInputException">ffmpeg fails on the file, or the file lacks video or audio.</exception>
    public async Task<(IReadOnlyList<CheckTimingRow> Rows, DecodedMedia Probe)> RunAsync(string mediaPath, string? method, int runs, CancellationToken cancellationToken)
    {
        var probe = await MediaDecoder.DecodeAsync(mediaPath, new DecodeOptions(), cancellationToken).ConfigureAwait(false);
        var seconds = probe.Info.DurationSeconds is > 0 ? probe.Info.DurationSeconds.Value
            : throw new MediaInputException($"'{mediaPath}' has no known duration; bench speed needs a file.");
        var settings = new CheckSettings(method ?? checker.Estimators.DefaultName, new AnalysisOptions(), new DecodeOptions(), ToleranceProfiles.DefaultName, null);

        var rows = new List<CheckTimingRow>
        {
            await TimeAsync("ffmpeg_decode", "ffmpeg decode only, full size (ffmpeg -i FILE -f null -)", seconds, runs, ct => FfmpegNullAsync(mediaPath, ct), warmUp: false, cancellationToken).ConfigureAwait(false),
            await TimeAsync("avts_decode", $"decode avts check asks for with {settings.Method} (grey frames + 16 kHz mono, span by span)", seconds, runs, ct => DecodeSpansAsync(mediaPath, settings, ct), warmUp: false, cancellationToken).ConfigureAwait(false),
            await TimeAsync("avts_check", $"whole avts check in process (decode + {settings.Method} analysis + report)", seconds, runs, ct => checker.CheckAsync(mediaPath, settings, progress: null, ct), warmUp: true, cancellationToken).ConfigureAwait(false),
        };
        return (rows, probe);
    }

    // Reads every span the way a check does, without analysing them.
    private async Task DecodeSpansAsync(string mediaPath, CheckSettings settings, CancellationToken cancellationToken)
    {
        await using var spans = await checker.OpenAsync(mediaPath, settings, cancellationToken).ConfigureAwait(false);
        await foreach (var span in spans.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            GC.KeepAlive(span);
        }
    }

    private static async Task<CheckTimingRow> TimeAsync(
        string step, string description, double mediaSeconds, int runs, Func<CancellationToken, Task> body, bool warmUp, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        for (var r = warmUp ? -1 : 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            await body(cancellationToken).ConfigureAwait(false);
            if (r >= 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
            }
        }

        var median = SampleStatistics.Median(times);
        return new CheckTimingRow(step, description, Timings.Round(mediaSeconds, 2), runs, Timings.Round(median), Timings.Round(Timings.Min(times)), Timings.Round(mediaSeconds / median, 1));
    }

    private static async Task FfmpegNullAsync(string mediaPath, CancellationToken cancellationToken)
    {
        string[] arguments = ["-hide_banner", "-nostdin", "-v", "error", "-i", mediaPath, "-f", "null", "-"];
        var result = await FfmpegProcess.RunAsync("ffmpeg", arguments, readStdout: null, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new MediaInputException($"ffmpeg could not decode '{mediaPath}': {result.LastErrorLine}");
        }
    }
}
