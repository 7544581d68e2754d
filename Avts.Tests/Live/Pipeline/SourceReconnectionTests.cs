using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Avts.Live.Pipeline;
using Avts.Live.Sources;
using static Avts.Tests.Live.Pipeline.LiveEvents;

namespace Avts.Tests.Live.Pipeline;

public sealed class SourceReconnectionTests
{
    private static readonly LiveOptions Options = new()
    {
        ReconnectInitialDelay = TimeSpan.FromSeconds(0.5),
        ReconnectMaxDelay = TimeSpan.FromSeconds(10),
        StallTimeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public void Reconnecting_SourceFailingTwiceThenWorking_RetriesAfterHalfASecondThenOneSecond()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new FakeLiveSource("cam", (attempt, c) => attempt < 2 ? FakeLiveSource.Fails() : FakeLiveSource.Media(c, 1));
        var events = new List<SourceEvent>();

        using var subscription = source.Reconnecting(Options, clock).Subscribe(events.Add);
        clock.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal([0.0, 0.5, 1.5], source.OpenedAt.Select(t => (t - T0).TotalSeconds));
        var statuses = events.OfType<SourceStatusEvent>().Select(s => (s.Status, (s.ArrivedAt - T0).TotalSeconds)).ToList();
        Assert.Equal([(SourceStatus.Reconnecting, 0.0), (SourceStatus.Reconnecting, 0.5), (SourceStatus.Connected, 1.5)], statuses);
        Assert.Equal("connection refused", events.OfType<SourceStatusEvent>().First().Detail);
        Assert.Equal(25 + 10, events.Count(e => e is VideoFrameEvent or AudioChunkEvent));
    }

    [Fact]
    public void Reconnecting_Backoff_DoublesUpToTheMaximumAndStartsOverOnceMediaFlows()
    {
        var clock = new HistoricalScheduler(T0);
        var options = Options with { ReconnectMaxDelay = TimeSpan.FromSeconds(1.5) };

        // Four failures, then one second of media that breaks, then failures again.
        var source = new FakeLiveSource(
            "cam",
            (attempt, c) => attempt == 4 ? FakeLiveSource.Media(c, 1, end: FakeLiveSource.Ending.Error) : FakeLiveSource.Fails());

        using var subscription = source.Reconnecting(options, clock).Subscribe(_ => { });
        clock.AdvanceBy(TimeSpan.FromSeconds(10));

        var gaps = source.OpenedAt.Zip(source.OpenedAt.Skip(1), (a, b) => Math.Round((b - a).TotalSeconds, 6)).Take(6);
        Assert.Equal([0.5, 1, 1.5, 1.5, 1 + 0.5, 1], gaps);
    }

    [Fact]
    public void Reconnecting_NoDataForTheStallTimeout_DisposesTheSourceAndOpensItAgain()
    {
        var clock = new HistoricalScheduler(T0);

        // The first opening sends 2 s of media and then nothing, without ending.
        var source = new FakeLiveSource("cam", (attempt, c) => FakeLiveSource.Media(c, attempt == 0 ? 2 : 100));
        var statuses = new List<SourceStatusEvent>();

        using var subscription = source.Reconnecting(Options, clock).OfType<SourceStatusEvent>().Subscribe(statuses.Add);
        clock.AdvanceBy(TimeSpan.FromSeconds(11.9));
        Assert.Single(source.OpenedAt);
        clock.AdvanceBy(TimeSpan.FromSeconds(0.2));

        // The last event (a frame) arrived at 1.96 s: stalled at 11.96 s, reopened 0.5 s later.
        Assert.Equal(1, source.Disposals);
        var reconnecting = Assert.Single(statuses, s => s.Status == SourceStatus.Reconnecting);
        Assert.Equal(11.96, (reconnecting.ArrivedAt - T0).TotalSeconds, 6);
        Assert.Equal("no data for 10 s", reconnecting.Detail);
        clock.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Equal(12.46, (source.OpenedAt[1] - T0).TotalSeconds, 6);
    }

    [Fact]
    public void Reconnecting_OpeningWithoutMediaYet_GetsTheConnectTimeoutNotTheStallTimeout()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new FakeLiveSource("cam", (_, _) => Observable.Never<SourceEvent>());
        var statuses = new List<SourceStatusEvent>();

        using var subscription = source.Reconnecting(Options, clock).OfType<SourceStatusEvent>().Subscribe(statuses.Add);
        clock.AdvanceBy(TimeSpan.FromSeconds(14.9));
        Assert.Equal(0, source.Disposals);
        clock.AdvanceBy(TimeSpan.FromSeconds(0.2));

        Assert.Equal(1, source.Disposals);
        Assert.Equal("no media for 15 s", Assert.Single(statuses, s => s.Status == SourceStatus.Reconnecting).Detail);
    }

    [Fact]
    public void Reconnecting_SteadySource_NeverStalls()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new FakeLiveSource("cam", (_, c) => FakeLiveSource.Media(c, 120));

        using var subscription = source.Reconnecting(Options, clock).Subscribe(_ => { });
        clock.AdvanceBy(TimeSpan.FromSeconds(100));

        Assert.Single(source.OpenedAt);
        Assert.Equal(0, source.Disposals);
    }

    [Fact]
    public void Reconnecting_AfterMaxAttemptsWithoutMedia_FailsAndCompletes()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new FakeLiveSource("cam", (_, _) => FakeLiveSource.Fails("404"));
        var statuses = new List<SourceStatusEvent>();
        var completed = false;

        using var subscription = source.Reconnecting(Options with { MaxReconnectAttempts = 2 }, clock)
            .OfType<SourceStatusEvent>()
            .Subscribe(statuses.Add, () => completed = true);
        clock.AdvanceBy(TimeSpan.FromSeconds(30));

        Assert.Equal([0.0, 0.5, 1.5], source.OpenedAt.Select(t => (t - T0).TotalSeconds));
        Assert.Equal([SourceStatus.Reconnecting, SourceStatus.Reconnecting, SourceStatus.Failed], statuses.Select(s => s.Status));
        Assert.Contains("404", statuses[^1].Detail, StringComparison.Ordinal);
        Assert.True(completed);
    }

    [Fact]
    public void Reconnecting_FiniteInputThatEnded_Completes()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new FakeLiveSource("file", (_, c) => FakeLiveSource.Media(c, 2, end: FakeLiveSource.Ending.EndedThenComplete));
        var completed = false;
        var statuses = new List<SourceStatus>();

        using var subscription = source.Reconnecting(Options, clock).OfType<SourceStatusEvent>().Subscribe(s => statuses.Add(s.Status), () => completed = true);
        clock.AdvanceBy(TimeSpan.FromSeconds(30));

        Assert.True(completed);
        Assert.Single(source.OpenedAt);
        Assert.Equal([SourceStatus.Connected, SourceStatus.Ended], statuses);
    }

    [Fact]
    public void Reconnecting_CompletionWithoutEnded_IsTreatedAsADrop()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new FakeLiveSource("cam", (attempt, c) => FakeLiveSource.Media(c, 2, end: attempt == 0 ? FakeLiveSource.Ending.Complete : FakeLiveSource.Ending.Never));

        using var subscription = source.Reconnecting(Options, clock).Subscribe(_ => { });
        clock.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal([0.0, 2.5], source.OpenedAt.Select(t => Math.Round((t - T0).TotalSeconds, 6)));
    }

    [Fact]
    public void Dispose_StopsTheSourceAndAnyPendingReconnect()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new FakeLiveSource("cam", (_, _) => FakeLiveSource.Fails());

        var subscription = source.Reconnecting(Options, clock).Subscribe(_ => { });
        subscription.Dispose();
        clock.AdvanceBy(TimeSpan.FromSeconds(30));

        Assert.Single(source.OpenedAt);
    }
}
