using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Avts.Live.Sources;

namespace Avts.Tests.Live.Pipeline;

/// <summary>
/// A scripted live source: each opening (attempt 0, 1, ...) gets the observable the script returns. Records when it
/// was opened and how many openings were disposed (a real source kills its ffmpeg then).
/// </summary>
internal sealed class FakeLiveSource(string name, Func<int, IScheduler, IObservable<SourceEvent>> script) : ILiveSource
{
    private int disposals;

    public string Name => name;

    public List<DateTimeOffset> OpenedAt { get; } = [];

    public int Disposals => disposals;

    public IObservable<SourceEvent> Open(IScheduler clock) => Observable.Create<SourceEvent>(observer =>
    {
        var attempt = OpenedAt.Count;
        OpenedAt.Add(clock.Now);
        var subscription = script(attempt, clock).Subscribe(observer);
        return new CompositeDisposable(subscription, Disposable.Create(() => Interlocked.Increment(ref disposals)));
    });

    /// <summary>Fails as soon as it is opened.</summary>
    public static IObservable<SourceEvent> Fails(string why = "connection refused") =>
        Observable.Throw<SourceEvent>(new InvalidOperationException(why));

    /// <summary>
    /// Sends a steady stream on <paramref name="clock"/>: 25 fps frames and 0.1 s audio chunks for
    /// <paramref name="seconds"/> (PTS from <paramref name="pts0"/>), then <paramref name="end"/>.
    /// </summary>
    public static IObservable<SourceEvent> Media(IScheduler clock, double seconds, double pts0 = 0, Ending end = Ending.Never) =>
        Observable.Create<SourceEvent>(observer =>
        {
            var start = clock.Now;
            var timers = new CompositeDisposable();
            var ticks = (int)Math.Round(seconds / 0.02);
            for (var i = 0; i < ticks; i++)
            {
                var t = i * 0.02;
                var frame = i % 2 == 0;
                var chunk = i % 5 == 0;
                timers.Add(clock.Schedule(start.AddSeconds(t), () =>
                {
                    if (frame)
                    {
                        observer.OnNext(LiveEvents.Frame(pts0 + t) with { ArrivedAt = clock.Now });
                    }

                    if (chunk)
                    {
                        observer.OnNext(LiveEvents.Chunk(pts0 + t, 100) with { ArrivedAt = clock.Now });
                    }
                }));
            }

            timers.Add(clock.Schedule(start.AddSeconds(seconds), () =>
            {
                switch (end)
                {
                    case Ending.EndedThenComplete:
                        observer.OnNext(new SourceStatusEvent(clock.Now, SourceStatus.Ended, null));
                        observer.OnCompleted();
                        break;
                    case Ending.Complete:
                        observer.OnCompleted();
                        break;
                    case Ending.Error:
                        observer.OnError(new InvalidOperationException("broken pipe"));
                        break;
                }
            }));
            return timers;
        });

    /// <summary>What <see cref="Media"/> does after its last event.</summary>
    public enum Ending
    {
        Never,
        EndedThenComplete,
        Complete,
        Error,
    }
}
