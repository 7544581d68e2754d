using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Avts.Live.Pipeline;
using Avts.Live.Sources;
using static Avts.Tests.Live.Pipeline.LiveEvents;

namespace Avts.Tests.Live.Pipeline;

/// <summary>The reconnect operator with listening sources (udp, srt listener): waiting for the sender is not a stall.</summary>
public sealed class ListeningReconnectionTests
{
    private static readonly LiveOptions Options = new()
    {
        ReconnectInitialDelay = TimeSpan.FromSeconds(0.5),
        ReconnectMaxDelay = TimeSpan.FromSeconds(2),
        StallTimeout = TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    [Fact]
    public void Reconnecting_ListenerWaitingLongerThanTheConnectTimeout_IsKeptOpenAndGoesLiveWhenDataArrives()
    {
        var clock = new HistoricalScheduler(T0);

        // Opening 0: 2 s of media, then the sender stops. Opening 1 listens, and the sender is back 60 s later.
        var source = new FakeLiveSource("udp", (attempt, c) => attempt == 0 ? Listening(c).Concat(FakeLiveSource.Media(c, 2)) : ListenThenMedia(c, 60, 5));
        var statuses = new List<SourceStatusEvent>();

        using var subscription = source.Reconnecting(Options, clock).OfType<SourceStatusEvent>().Subscribe(statuses.Add);
        clock.AdvanceBy(TimeSpan.FromSeconds(12.5));

        // The stall after media still restarts the opening (a new sender starts a new timeline).
        Assert.Equal(2, source.OpenedAt.Count);
        Assert.Equal(1, source.Disposals);
        Assert.Equal("no data for 10 s", Assert.Single(statuses, s => s.Status == SourceStatus.Reconnecting).Detail);

        // Four connect timeouts later the listening opening is still the same one...
        clock.AdvanceBy(TimeSpan.FromSeconds(59.9));
        Assert.Equal(2, source.OpenedAt.Count);
        Assert.Equal(1, source.Disposals);

        // ...and it is the one that goes live when the sender is back (12.46 + 60 s).
        clock.AdvanceBy(TimeSpan.FromSeconds(1));
        var connected = statuses.Where(s => s.Status == SourceStatus.Connected).ToList();
        Assert.Equal(2, connected.Count);
        Assert.Equal(72.46, (connected[1].ArrivedAt - T0).TotalSeconds, 6);
        Assert.Equal(2, statuses.Count(s => s.Status == SourceStatus.Listening));
    }

    [Fact]
    public void Reconnecting_ListenerWhoseMediaStopsAgain_StallsAfterTheStallTimeout()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new FakeLiveSource("udp", (attempt, c) => attempt == 0 ? ListenThenMedia(c, 30, 2) : Listening(c));
        var statuses = new List<SourceStatusEvent>();

        using var subscription = source.Reconnecting(Options, clock).OfType<SourceStatusEvent>().Subscribe(statuses.Add);
        clock.AdvanceBy(TimeSpan.FromSeconds(41.9));
        Assert.Single(source.OpenedAt);
        clock.AdvanceBy(TimeSpan.FromSeconds(0.2));

        // Media 30-32 s (last frame at 31.96 s): stalled at 41.96 s although the opening had said Listening.
        var reconnecting = Assert.Single(statuses, s => s.Status == SourceStatus.Reconnecting);
        Assert.Equal(41.96, (reconnecting.ArrivedAt - T0).TotalSeconds, 6);
    }

    [Fact]
    public void Reconnecting_ListenerThatFails_BacksOffLikeAnyOpening()
    {
        var clock = new HistoricalScheduler(T0);
        var source = new FakeLiveSource(
            "udp", (_, c) => Listening(c).Concat(Observable.Throw<SourceEvent>(new InvalidOperationException("bind failed: Address already in use"))));

        using var subscription = source.Reconnecting(Options, clock).Subscribe(_ => { });
        clock.AdvanceBy(TimeSpan.FromSeconds(8));

        Assert.Equal([0.0, 0.5, 1.5, 3.5, 5.5, 7.5], source.OpenedAt.Select(t => Math.Round((t - T0).TotalSeconds, 6)));
    }

    private static IObservable<SourceEvent> Listening(IScheduler clock) =>
        Observable.Defer(() => Observable.Return<SourceEvent>(new SourceStatusEvent(clock.Now, SourceStatus.Listening, "waiting for the sender")));

    private static IObservable<SourceEvent> ListenThenMedia(IScheduler clock, double waitSeconds, double mediaSeconds) =>
        Listening(clock)
            .Concat(Observable.Never<SourceEvent>().TakeUntil(Observable.Timer(TimeSpan.FromSeconds(waitSeconds), clock)))
            .Concat(Observable.Defer(() => FakeLiveSource.Media(clock, mediaSeconds)));
}
