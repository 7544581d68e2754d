using System.Diagnostics;
using System.Globalization;

namespace Avts.Engine.Reports;

/// <summary>
/// Progress of a long command on stderr: on a terminal one bar redrawn in place (at most ten times a second), elsewhere
/// (a log, a pipe, CI) a plain line at every tenth. Nothing is shown until <see cref="Delay"/> has passed, so short
/// runs print nothing extra. Thread-safe: parallel workers may report.
/// </summary>
/// <param name="error">Where it goes (stderr).</param>
/// <param name="label">What is progressing, e.g. "avts: bench shift".</param>
/// <param name="terminal">Whether <paramref name="error"/> is a terminal.</param>
public sealed class ProgressLine(TextWriter error, string label, bool terminal) : IProgress<double>, IDisposable
{
    private const int BarWidth = 30;
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastDrawMs = -1000;
    private int lastTenth = -1;
    private bool drawn;

    /// <summary>How long a run must last before any progress is shown.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Shows <paramref name="value"/> (0..1) when due.</summary>
    public void Report(double value)
    {
        var fraction = Math.Clamp(double.IsFinite(value) ? value : 0, 0, 1);
        lock (gate)
        {
            var elapsed = clock.Elapsed;
            if (elapsed < Delay)
            {
                return;
            }

            if (terminal)
            {
                if (elapsed.TotalMilliseconds - lastDrawMs < 100 && fraction < 1)
                {
                    return;
                }

                lastDrawMs = (long)elapsed.TotalMilliseconds;
                var filled = (int)Math.Round(fraction * BarWidth);
                error.Write(string.Create(
                    CultureInfo.InvariantCulture,
                    $"\r{label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction * 100,3:0} %  {elapsed.TotalSeconds:0} s "));
                drawn = true;
                return;
            }

            var tenth = (int)Math.Floor(fraction * 10);
            if (tenth > lastTenth)
            {
                lastTenth = tenth;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {tenth * 10} % ({elapsed.TotalSeconds:0} s)"));
            }
        }
    }

    /// <summary>Ends the bar's line, so what follows starts on a new one.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (drawn)
            {
                error.WriteLine();
                drawn = false;
            }
        }
    }
}
