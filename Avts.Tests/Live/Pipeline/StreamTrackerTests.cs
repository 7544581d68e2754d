using Avts.Engine.Reports;
using Avts.Live.Pipeline;
using static Avts.Tests.Live.Pipeline.LiveEvents;

namespace Avts.Tests.Live.Pipeline;

public sealed class StreamTrackerTests
{
    private static readonly LiveOptions Options = new()
    {
        WindowSeconds = 4,
        HopSeconds = 1,
        SmoothingWindows = 3,
        AlertAfterBadWindows = 3,
        ClearAfterGoodWindows = 2,
        Tolerance = new ToleranceProfile("test", -50, 50, "test range"),
    };

    [Fact]
    public void Track_StepFromPlus100ToMinus200_IsReportedWithinTwoWindows()
    {
        var results = Run(new StreamTracker(Options), [100, 100, 100, -200, -200, -200]);

        Assert.Equal([100.0, 100, 100, 100, -200, -200], results.Select(r => r.AudioDelayMs!.Value));
    }

    [Fact]
    public void Track_StepWithLongSmoothing_StillShowsWithinTwoWindows()
    {
        var results = Run(new StreamTracker(Options with { SmoothingWindows = 9 }), [.. Enumerable.Repeat<double?>(100, 9), -200, -200]);

        Assert.Equal(100, results[^2].AudioDelayMs);
        Assert.Equal(-200, results[^1].AudioDelayMs);
    }

    [Fact]
    public void Track_SingleOutlier_IsIgnored()
    {
        var results = Run(new StreamTracker(Options), [100, 102, 98, -300, 101, 99]);

        Assert.All(results.Skip(2), r => Assert.InRange(r.AudioDelayMs!.Value, 98, 102));
        Assert.Equal(-300, results[3].RawDelayMs);
    }

    [Fact]
    public void Track_NonCommittedWindows_KeepTheSmoothedDelayAndReportNoRawDelay()
    {
        var results = Run(new StreamTracker(Options), [null, 20, null]);

        Assert.Null(results[0].AudioDelayMs);
        Assert.Equal(StreamState.Silent, results[0].State);
        Assert.Equal(20, results[2].AudioDelayMs);
        Assert.Null(results[2].RawDelayMs);
    }

    [Fact]
    public void Track_RampOf10MsPerMinute_GivesDriftOf10OnceThePointsSpanHalfAMinute()
    {
        // One window a second, delay 40 ms + 10 ms per minute of window centre.
        var delays = Enumerable.Range(0, 90).Select(k => (double?)(40 + (10.0 * (k + 2) / 60))).ToList();

        var results = Run(new StreamTracker(Options), delays);

        Assert.All(results.Take(30), r => Assert.Null(r.DriftMsPerMinute));
        Assert.All(results.Skip(30), r => Assert.Equal(10, r.DriftMsPerMinute!.Value, 6));
    }

    [Fact]
    public void Track_Hysteresis_RaisesAfterThreeBadAndClearsAfterTwoGood_IgnoringUncommittedWindows()
    {
        // Bad = outside +-50 ms. Null = a silent window: counts neither way.
        double?[] delays = [200, 200, null, 200, 0, null, 200, 0, 0, 0];

        var alerts = Run(new StreamTracker(Options), delays).Select(r => r.Alert).ToArray();

        Assert.Equal([false, false, false, true, true, true, true, true, false, false], alerts);
    }

    [Fact]
    public void Track_ReportsLatencyFromCompletionAndTheDropCount()
    {
        var tracker = new StreamTracker(Options);
        var window = Window("cam", 0);

        var result = tracker.Track(window, new WindowScore(10, 0.9, StreamState.Live), window.CompletedAt.AddMilliseconds(250), 7);

        Assert.Equal(250, result.LatencyMs, 6);
        Assert.Equal(7, result.DroppedWindows);
        Assert.Equal(0.9, result.Confidence);
        Assert.Equal("cam", result.Stream);
    }

    /// <summary>One window per hop; a null delay is a silent (uncommitted) window.</summary>
    [Fact]
    public void Track_DelaysOutsideTheToleranceByLessThanTheMethodsUncertainty_RaiseNoAlert()
    {
        // Tolerance ±50 ms; a method measured to ±40 ms: 80 ms could be its own error, 100 ms could not.
        var within = Run(new StreamTracker(Options), [80, 80, 80, 80, 80], uncertaintyMs: 40);
        var beyond = Run(new StreamTracker(Options), [100, 100, 100, 100, 100], uncertaintyMs: 40);
        var exact = Run(new StreamTracker(Options), [80, 80, 80, 80, 80]);

        Assert.All(within, r => Assert.False(r.Alert));
        Assert.True(beyond[^1].Alert);
        Assert.True(exact[^1].Alert);
    }

    private static List<LiveWindowResult> Run(StreamTracker tracker, IReadOnlyList<double?> delays, double uncertaintyMs = 0) =>
        [.. delays.Select((d, k) =>
        {
            var window = Window("cam", k, start: k);
            var score = d is { } delay
                ? new WindowScore(delay, 0.8, StreamState.Live) { UncertaintyMs = uncertaintyMs }
                : new WindowScore(null, 0, StreamState.Silent);
            return tracker.Track(window, score, window.CompletedAt, 0);
        })];
}
