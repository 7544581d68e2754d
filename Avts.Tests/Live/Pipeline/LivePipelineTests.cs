using System.Reactive.Concurrency;
using Avts.Live.Pipeline;
using static Avts.Tests.Live.Pipeline.LiveEvents;

namespace Avts.Tests.Live.Pipeline;

public sealed class LivePipelineTests
{
    private static readonly LiveOptions Options = new() { WindowSeconds = 4, HopSeconds = 1, MaxReconnectAttempts = 3 };

    /// <summary>Scores "b" 200 ms late (out of tolerance), every other stream 40 ms.</summary>
    private static RecordingScorer Scorer => new(w => new WindowScore(w.Stream == "b" ? 200 : 40, 0.9, StreamState.Live));

    [Fact]
    public void Start_TwoStreams_ReportsEachStreamsWindowsAndStatuses()
    {
        var clock = new HistoricalScheduler(T0);
        var a = new FakeLiveSource("a", (_, c) => FakeLiveSource.Media(c, 8));
        var b = new FakeLiveSource("b", (_, c) => FakeLiveSource.Media(c, 8, pts0: 1000));
        using var pipeline = new LivePipeline([a, b], Scorer, Options, clock, clock);
        var results = new List<LiveWindowResult>();
        var statuses = new List<StreamStatusChange>();
        using var resultSubscription = pipeline.Results.Subscribe(results.Add);
        using var statusSubscription = pipeline.StatusChanges.Subscribe(statuses.Add);

        pipeline.Start();
        clock.AdvanceBy(TimeSpan.FromSeconds(10));

        Assert.Equal(
            [("a", StreamState.Connecting), ("b", StreamState.Connecting), ("a", StreamState.Live), ("b", StreamState.Live)],
            statuses.Select(s => (s.Stream, s.State)));
        var resultsA = results.Where(r => r.Stream == "a").ToList();
        var resultsB = results.Where(r => r.Stream == "b").ToList();
        Assert.Equal([0.0, 1, 2, 3], resultsA.Select(r => r.StartSeconds));
        Assert.Equal([1000.0, 1001, 1002, 1003], resultsB.Select(r => r.StartSeconds));
        Assert.All(resultsA, r => Assert.Equal(40, r.AudioDelayMs));
        Assert.All(resultsB, r => Assert.Equal(200, r.AudioDelayMs));
        Assert.All(results, r => Assert.Equal(0, r.LatencyMs));
        Assert.Equal([false, false, true, true], resultsB.Select(r => r.Alert));
        Assert.All(resultsA, r => Assert.False(r.Alert));
    }

    [Fact]
    public void Start_SourceDropsAndRestartsItsClock_ReconnectsAndKeepsReporting()
    {
        var clock = new HistoricalScheduler(T0);
        var a = new FakeLiveSource(
            "a",
            (attempt, c) => attempt == 0 ? FakeLiveSource.Media(c, 6, pts0: 50, end: FakeLiveSource.Ending.Error) : FakeLiveSource.Media(c, 6));
        using var pipeline = new LivePipeline([a], Scorer, Options, clock, clock);
        var results = new List<LiveWindowResult>();
        var statuses = new List<StreamStatusChange>();
        using var resultSubscription = pipeline.Results.Subscribe(results.Add);
        using var statusSubscription = pipeline.StatusChanges.Subscribe(statuses.Add);

        pipeline.Start();
        clock.AdvanceBy(TimeSpan.FromSeconds(20));

        Assert.Equal(
            [StreamState.Connecting, StreamState.Live, StreamState.Reconnecting, StreamState.Live],
            statuses.Select(s => s.State));
        Assert.Equal("broken pipe", statuses[2].Detail);
        Assert.Equal([50.0, 51, 0, 1], results.Select(r => r.StartSeconds));
    }

    [Fact]
    public void Start_SourceThatNeverOpens_IsReportedFailed()
    {
        var clock = new HistoricalScheduler(T0);
        var a = new FakeLiveSource("a", (_, _) => FakeLiveSource.Fails("no such device"));
        using var pipeline = new LivePipeline([a], Scorer, Options, clock, clock);
        var statuses = new List<StreamStatusChange>();
        using var statusSubscription = pipeline.StatusChanges.Subscribe(statuses.Add);

        pipeline.Start();
        clock.AdvanceBy(TimeSpan.FromSeconds(60));

        Assert.Equal(
            [StreamState.Connecting, StreamState.Reconnecting, StreamState.Failed],
            statuses.Select(s => s.State));
        Assert.Equal(4, a.OpenedAt.Count);
    }

    [Fact]
    public void AddAndRemoveStream_AtRuntime_OpenAndStopStreams()
    {
        var clock = new HistoricalScheduler(T0);
        var a = new FakeLiveSource("a", (_, c) => FakeLiveSource.Media(c, 30));
        var b = new FakeLiveSource("b", (_, c) => FakeLiveSource.Media(c, 30));
        using var pipeline = new LivePipeline([a], Scorer, Options, clock, clock);
        var results = new List<LiveWindowResult>();
        using var resultSubscription = pipeline.Results.Subscribe(results.Add);
        pipeline.Start();
        clock.AdvanceBy(TimeSpan.FromSeconds(2));

        pipeline.AddStream(b);
        clock.AdvanceBy(TimeSpan.FromSeconds(8));
        Assert.True(pipeline.RemoveStream("a"));
        var countA = results.Count(r => r.Stream == "a");
        clock.AdvanceBy(TimeSpan.FromSeconds(10));

        Assert.Equal(T0.AddSeconds(2), Assert.Single(b.OpenedAt));
        Assert.Equal(1, a.Disposals);
        Assert.Equal(countA, results.Count(r => r.Stream == "a"));
        Assert.True(results.Count(r => r.Stream == "b") > 10);
        Assert.Equal(["b"], pipeline.Streams);
        Assert.False(pipeline.RemoveStream("a"));
        Assert.Throws<ArgumentException>(() => pipeline.AddStream(b));
    }

    [Fact]
    public void Dispose_StopsSourcesAndCompletesBothObservables()
    {
        var clock = new HistoricalScheduler(T0);
        var a = new FakeLiveSource("a", (_, c) => FakeLiveSource.Media(c, 30));
        var pipeline = new LivePipeline([a], Scorer, Options, clock, clock);
        var completed = 0;
        using var resultSubscription = pipeline.Results.Subscribe(_ => { }, () => completed++);
        using var statusSubscription = pipeline.StatusChanges.Subscribe(_ => { }, () => completed++);
        pipeline.Start();
        clock.AdvanceBy(TimeSpan.FromSeconds(5));

        pipeline.Dispose();
        clock.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal(2, completed);
        Assert.Equal(1, a.Disposals);
    }
}
