using System.Reactive.Concurrency;
using Avts.Live.Pipeline;
using static Avts.Tests.Live.Pipeline.LiveEvents;

namespace Avts.Tests.Live.Pipeline;

public sealed class InferenceSchedulerTests
{
    private static readonly LiveOptions Options = new() { MaxQueuedWindowsPerStream = 2, MaxBatch = 16 };

    [Fact]
    public void Enqueue_FasterThanScoring_DropsTheOldestAndCountsThem()
    {
        var clock = new HistoricalScheduler(T0);
        var scorer = new RecordingScorer();
        using var inference = new InferenceScheduler(scorer, Options, clock);
        var scored = new List<ScoredWindow>();
        using var subscription = inference.Scored.Subscribe(scored.Add);

        for (var k = 0; k < 5; k++)
        {
            inference.Enqueue(Window("a", k));
        }

        Assert.Equal(3, inference.DroppedWindows("a"));
        Assert.Equal(2, inference.QueuedWindows("a"));
        clock.RunDue();
        Assert.Equal([3L, 4], scored.Select(s => s.Window.Sequence));
        Assert.Equal(0, inference.DroppedWindows("b"));
    }

    [Fact]
    public void Enqueue_WhileTheScorerIsBusy_KeepsOnlyTheNewestWindowsForTheNextBatch()
    {
        var clock = new HistoricalScheduler(T0);
        InferenceScheduler? inference = null;

        // While the first batch is being scored, five more windows of "a" arrive.
        var scorer = new RecordingScorer(whileScoring: call =>
        {
            for (var k = 1; call == 1 && k <= 5; k++)
            {
                inference!.Enqueue(Window("a", k));
            }
        });
        using var owned = inference = new InferenceScheduler(scorer, Options, clock);
        inference.Enqueue(Window("a", 0));

        clock.RunDue();

        Assert.Equal([["a0"], ["a4", "a5"]], scorer.Labels);
        Assert.Equal(3, inference.DroppedWindows("a"));
        Assert.Equal(2, inference.Batches);
    }

    [Fact]
    public void Drain_WindowsOfSeveralStreams_AreScoredInOneBatchRoundRobin()
    {
        var clock = new HistoricalScheduler(T0);
        var scorer = new RecordingScorer();
        using var inference = new InferenceScheduler(scorer, Options, clock);
        var scored = new List<ScoredWindow>();
        using var subscription = inference.Scored.Subscribe(scored.Add);

        foreach (var (stream, k) in new[] { ("a", 0), ("a", 1), ("b", 0), ("b", 1), ("c", 0) })
        {
            inference.Enqueue(Window(stream, k));
        }

        clock.RunDue();

        Assert.Equal([["a0", "b0", "c0", "a1", "b1"]], scorer.Labels);
        Assert.Equal(scorer.Batches[0], scored.Select(s => s.Window));
        Assert.All(scored, s => Assert.Equal(StreamState.Live, s.Score.State));
    }

    [Fact]
    public void Drain_SmallBatches_TakeStreamsInTurnResumingAfterTheLastServed()
    {
        var clock = new HistoricalScheduler(T0);
        var scorer = new RecordingScorer();
        using var inference = new InferenceScheduler(scorer, Options with { MaxBatch = 2, MaxQueuedWindowsPerStream = 3 }, clock);

        foreach (var (stream, k) in new[] { ("a", 0), ("a", 1), ("a", 2), ("b", 0), ("c", 0), ("c", 1) })
        {
            inference.Enqueue(Window(stream, k));
        }

        clock.RunDue();

        Assert.Equal([["a0", "b0"], ["c0", "a1"], ["c1", "a2"]], scorer.Labels);
    }

    [Fact]
    public void Drain_ScorerThrows_EndsScoredWithTheError()
    {
        var clock = new HistoricalScheduler(T0);
        var scorer = new RecordingScorer(_ => throw new InvalidOperationException("model fell over"));
        using var inference = new InferenceScheduler(scorer, Options, clock);
        Exception? error = null;
        using var subscription = inference.Scored.Subscribe(_ => { }, e => error = e);

        inference.Enqueue(Window("a", 0));
        clock.RunDue();
        inference.Enqueue(Window("a", 1));
        clock.RunDue();

        Assert.Equal("model fell over", error?.Message);
        Assert.Single(scorer.Batches);
    }

    [Fact]
    public void Dispose_CompletesScoredAndIgnoresLaterWindows()
    {
        var clock = new HistoricalScheduler(T0);
        var scorer = new RecordingScorer();
        var inference = new InferenceScheduler(scorer, Options, clock);
        var completed = false;
        using var subscription = inference.Scored.Subscribe(_ => { }, () => completed = true);
        inference.Enqueue(Window("a", 0));

        inference.Dispose();
        inference.Enqueue(Window("a", 1));
        clock.RunDue();

        Assert.True(completed);
        Assert.Empty(scorer.Batches);
    }

    [Fact]
    public void RemoveStream_ForgetsItsWaitingWindows()
    {
        var clock = new HistoricalScheduler(T0);
        var scorer = new RecordingScorer();
        using var inference = new InferenceScheduler(scorer, Options, clock);
        inference.Enqueue(Window("a", 0));
        inference.Enqueue(Window("b", 0));

        inference.RemoveStream("a");
        clock.RunDue();

        Assert.Equal([["b0"]], scorer.Labels);
    }

    [Fact]
    public void DefaultScheduler_ScoresOnItsOwnThread()
    {
        var scorer = new RecordingScorer();
        using var inference = new InferenceScheduler(scorer, Options);
        using var done = new ManualResetEventSlim();
        var thread = "";
        using var subscription = inference.Scored.Subscribe(_ =>
        {
            thread = Thread.CurrentThread.Name ?? "";
            done.Set();
        });

        inference.Enqueue(Window("a", 0));

        Assert.True(done.Wait(TimeSpan.FromSeconds(10)));
        Assert.Equal("avts-inference", thread);
    }
}
