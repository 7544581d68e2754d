using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;

namespace Avts.Live.Pipeline;

/// <summary>
/// The one place windows of all streams wait to be scored. Each stream has a small bounded queue
/// (<see cref="LiveOptions.MaxQueuedWindowsPerStream"/>): when scoring falls behind, the oldest waiting window of that
/// stream is dropped and counted, because a live monitor wants the newest picture of the stream, not a growing backlog.
/// Scoring runs on one scheduler (by default a dedicated <see cref="EventLoopScheduler"/> thread), one batch at a time:
/// up to <see cref="LiveOptions.MaxBatch"/> windows taken round-robin across streams, so a busy stream cannot starve the
/// others, scored with one <see cref="IWindowScorer.Score"/> call and published on <see cref="Scored"/> in batch order
/// (on the scoring thread).
/// <para>
/// If the scorer throws, <see cref="Scored"/> ends with that error and nothing more is scored: a broken scorer is a
/// bug to surface, not something to retry every second.
/// </para>
/// </summary>
public sealed class InferenceScheduler : IDisposable
{
    private readonly object gate = new();
    private readonly Dictionary<string, StreamQueue> queues = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly Subject<ScoredWindow> scored = new();
    private readonly CancellationTokenSource cancellation = new();
    private readonly IWindowScorer scorer;
    private readonly IScheduler scheduler;
    private readonly EventLoopScheduler? ownedScheduler;
    private readonly int maxQueued;
    private readonly int maxBatch;
    private int cursor;
    private bool drainScheduled;
    private bool stopped;

    /// <summary>
    /// Creates the scheduler; <paramref name="scheduler"/> runs the scoring (null: a dedicated event-loop thread that
    /// this object owns and disposes).
    /// </summary>
    public InferenceScheduler(IWindowScorer scorer, LiveOptions options, IScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(options);
        this.scorer = scorer;
        maxQueued = Math.Max(1, options.MaxQueuedWindowsPerStream);
        maxBatch = Math.Max(1, options.MaxBatch);
        if (scheduler is null)
        {
            ownedScheduler = new EventLoopScheduler(start => new Thread(start) { IsBackground = true, Name = "avts-inference" });
        }

        this.scheduler = scheduler ?? ownedScheduler!;
    }

    /// <summary>Every scored window with its score, in scoring order, on the scoring thread.</summary>
    public IObservable<ScoredWindow> Scored => scored.AsObservable();

    /// <summary>Batches scored so far.</summary>
    public long Batches { get; private set; }

    /// <summary>
    /// Queues <paramref name="window"/> for scoring (any thread). When its stream's queue is full the oldest waiting
    /// window is dropped and counted. Ignored after <see cref="Dispose"/> (sources may still be winding down).
    /// </summary>
    public void Enqueue(LiveWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        lock (gate)
        {
            if (stopped)
            {
                return;
            }

            if (!queues.TryGetValue(window.Stream, out var queue))
            {
                queue = new StreamQueue();
                queues.Add(window.Stream, queue);
                order.Add(window.Stream);
            }

            if (queue.Windows.Count >= maxQueued)
            {
                queue.Windows.Dequeue();
                queue.Dropped++;
            }

            queue.Windows.Enqueue(window);
            if (drainScheduled)
            {
                return;
            }

            drainScheduled = true;
        }

        scheduler.Schedule(Drain);
    }

    /// <summary>Whether nothing is waiting or being scored (every window enqueued so far has been published).</summary>
    public bool IsIdle
    {
        get
        {
            lock (gate)
            {
                // A drain stays scheduled from the first enqueue until it finds every queue empty.
                return !drainScheduled || stopped;
            }
        }
    }

    /// <summary>Windows of <paramref name="stream"/> dropped so far because its queue was full.</summary>
    public long DroppedWindows(string stream)
    {
        lock (gate)
        {
            return queues.TryGetValue(stream, out var queue) ? queue.Dropped : 0;
        }
    }

    /// <summary>Windows of <paramref name="stream"/> waiting to be scored.</summary>
    public int QueuedWindows(string stream)
    {
        lock (gate)
        {
            return queues.TryGetValue(stream, out var queue) ? queue.Windows.Count : 0;
        }
    }

    /// <summary>Forgets <paramref name="stream"/>: its waiting windows and its drop count.</summary>
    public void RemoveStream(string stream)
    {
        lock (gate)
        {
            if (queues.Remove(stream))
            {
                var index = order.IndexOf(stream);
                order.RemoveAt(index);
                cursor = index < cursor ? cursor - 1 : cursor;
                cursor = order.Count == 0 ? 0 : cursor % order.Count;
            }
        }
    }

    /// <summary>Stops scoring (a batch in flight is cancelled), completes <see cref="Scored"/> and frees the thread.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
            queues.Clear();
            order.Clear();
        }

        // The subject and the token source are completed/cancelled but not disposed: a batch still in flight on the
        // scoring thread may touch them, and neither holds anything that needs releasing.
        cancellation.Cancel();
        scored.OnCompleted();
        ownedScheduler?.Dispose();
    }

    /// <summary>Scores one batch, publishes it, and schedules the next while windows are waiting.</summary>
    private void Drain()
    {
        List<LiveWindow> batch;
        lock (gate)
        {
            batch = stopped ? [] : TakeBatch();
            if (batch.Count == 0)
            {
                drainScheduled = false;
                return;
            }
        }

        IReadOnlyList<WindowScore> scores;
        try
        {
            scores = scorer.Score(batch, cancellation.Token);
            if (scores.Count != batch.Count)
            {
                throw new InvalidOperationException(
                    $"Scorer '{scorer.Name}' returned {scores.Count} scores for {batch.Count} windows.");
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception error)
        {
            lock (gate)
            {
                if (stopped)
                {
                    return;
                }

                stopped = true;
            }

            scored.OnError(error);
            return;
        }

        lock (gate)
        {
            if (stopped)
            {
                return;
            }
        }

        Batches++;
        for (var i = 0; i < batch.Count; i++)
        {
            scored.OnNext(new ScoredWindow(batch[i], scores[i]));
        }

        scheduler.Schedule(Drain);
    }

    /// <summary>Up to <see cref="maxBatch"/> windows, one per stream in turn, resuming after the last stream served.</summary>
    private List<LiveWindow> TakeBatch()
    {
        var batch = new List<LiveWindow>();
        var emptyInRow = 0;
        while (batch.Count < maxBatch && emptyInRow < order.Count)
        {
            var queue = queues[order[cursor]];
            cursor = (cursor + 1) % order.Count;
            if (queue.Windows.TryDequeue(out var window))
            {
                batch.Add(window);
                emptyInRow = 0;
            }
            else
            {
                emptyInRow++;
            }
        }

        return batch;
    }

    /// <summary>One stream's waiting windows and its drop count.</summary>
    private sealed class StreamQueue
    {
        public Queue<LiveWindow> Windows { get; } = new();

        public long Dropped { get; set; }
    }
}
