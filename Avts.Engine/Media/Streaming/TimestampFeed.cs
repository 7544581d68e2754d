namespace Avts.Engine.Media.Streaming;

/// <summary>
/// Frame timestamps as ffmpeg's stderr delivers them (one thread appends, another reads by frame index): frames and
/// their showinfo lines travel on two pipes, so the reader of frame <c>n</c> may have to wait for line <c>n</c>. Old
/// entries are dropped once read, so a two-hour input does not keep two hours of timestamps.
/// </summary>
internal sealed class TimestampFeed
{
    private readonly Lock gate = new();
    private readonly Queue<double> pending = new();
    private long firstIndex;
    private TaskCompletionSource changed = NewSignal();

    /// <summary>Timestamps received so far (read or not).</summary>
    public long Count
    {
        get
        {
            lock (gate)
            {
                return firstIndex + pending.Count;
            }
        }
    }

    /// <summary>Appends the next frame's timestamp (stderr thread).</summary>
    public void Add(double seconds)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            pending.Enqueue(seconds);
            signal = changed;
            changed = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>
    /// The timestamp of frame <paramref name="index"/> (frames are read in order; earlier entries are dropped), or null
    /// when <paramref name="producerDone"/> finished without delivering it.
    /// </summary>
    public async Task<double?> TakeAsync(long index, Task producerDone, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                while (firstIndex < index && pending.Count > 0)
                {
                    pending.Dequeue();
                    firstIndex++;
                }

                if (firstIndex == index && pending.Count > 0)
                {
                    firstIndex++;
                    return pending.Dequeue();
                }

                wait = changed.Task;
            }

            if (producerDone.IsCompleted)
            {
                // Every line was consumed before the producer finished: nothing more will come.
                lock (gate)
                {
                    if (firstIndex == index && pending.Count > 0)
                    {
                        continue;
                    }
                }

                return null;
            }

            await Task.WhenAny(wait, producerDone).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
