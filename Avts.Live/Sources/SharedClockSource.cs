using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Avts.Live.Sources;

/// <summary>
/// One live source made of parts whose timestamps are on one clock (a camera read by ffmpeg with its device
/// timestamps kept, and a WASAPI microphone, both on the Windows performance-counter timeline): their events are
/// merged, serialized, and every pts is moved by the same amount so that the first media event of either is at 0
/// (as a single ffmpeg capture does). Statuses pass through (the reconnect operator ignores repeats); the first
/// part to error or complete ends the whole (the others are stopped), so a reconnect reopens them together and the
/// shared origin is chosen again.
/// </summary>
public sealed class SharedClockSource : ILiveSource
{
    private readonly IReadOnlyList<ILiveSource> parts;

    /// <summary>Combines <paramref name="parts"/> under <paramref name="name"/>.</summary>
    public SharedClockSource(string name, IReadOnlyList<ILiveSource> parts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        Name = name;
        this.parts = parts;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public IObservable<SourceEvent> Open(IScheduler clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Observable.Create<SourceEvent>(observer =>
        {
            var gate = new Lock();
            var origin = double.NaN;
            var ended = false;
            var subscriptions = new CompositeDisposable();

            void End(Action notify)
            {
                lock (gate)
                {
                    if (ended)
                    {
                        return;
                    }

                    ended = true;
                    notify();
                }

                subscriptions.Dispose();
            }

            foreach (var part in parts)
            {
                subscriptions.Add(part.Open(clock).Subscribe(
                    e =>
                    {
                        lock (gate)
                        {
                            if (ended)
                            {
                                return;
                            }

                            observer.OnNext(Rebase(e, ref origin));
                        }
                    },
                    error => End(() => observer.OnError(error)),
                    () => End(observer.OnCompleted)));
            }

            return Disposable.Create(() =>
            {
                lock (gate)
                {
                    ended = true;
                }

                subscriptions.Dispose();
            });
        });
    }

    private static SourceEvent Rebase(SourceEvent sourceEvent, ref double origin)
    {
        switch (sourceEvent)
        {
            case VideoFrameEvent frame:
                origin = double.IsNaN(origin) ? frame.PtsSeconds : origin;
                return frame with { PtsSeconds = frame.PtsSeconds - origin };
            case AudioChunkEvent chunk:
                origin = double.IsNaN(origin) ? chunk.PtsSeconds : origin;
                return chunk with { PtsSeconds = chunk.PtsSeconds - origin };
            default:
                return sourceEvent;
        }
    }
}
