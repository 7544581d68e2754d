using System.Diagnostics;
using System.Reactive.Concurrency;
using Avts.Live.Sources;

namespace Avts.Tests.Live.Sources;

/// <summary>Subscribes to a live source and records everything it emits, thread-safely, until disposed.</summary>
public sealed class SourceRecorder : IDisposable
{
    private readonly List<SourceEvent> events = [];
    private readonly TaskCompletionSource<Exception?> finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable subscription;

    /// <summary>Opens <paramref name="source"/> on the real clock.</summary>
    public SourceRecorder(ILiveSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        subscription = source.Open(Scheduler.Default).Subscribe(
            e =>
            {
                lock (events)
                {
                    events.Add(e);
                }
            },
            ex => finished.TrySetResult(ex),
            () => finished.TrySetResult(null));
    }

    /// <summary>Completes with null (OnCompleted) or the error (OnError).</summary>
    public Task<Exception?> Finished => finished.Task;

    /// <summary>A copy of what arrived so far.</summary>
    public List<SourceEvent> Events
    {
        get
        {
            lock (events)
            {
                return [.. events];
            }
        }
    }

    /// <summary>Frames so far.</summary>
    public List<VideoFrameEvent> Frames => [.. Events.OfType<VideoFrameEvent>()];

    /// <summary>Audio chunks so far.</summary>
    public List<AudioChunkEvent> Chunks => [.. Events.OfType<AudioChunkEvent>()];

    /// <summary>Waits until the sequence ends; fails after <paramref name="timeout"/>.</summary>
    public async Task<Exception?> WaitFinishedAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(Finished, Task.Delay(timeout));
        Assert.True(done == Finished, $"the source did not finish within {timeout.TotalSeconds} s");
        return await Finished;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the events so far; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<List<SourceEvent>, bool> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (!condition(Events))
        {
            if (Finished.IsCompleted && !condition(Events))
            {
                Assert.Fail($"the source ended before {what}: {(await Finished)?.Message ?? "completed"}");
            }

            Assert.True(clock.Elapsed < timeout, $"no {what} within {timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>Unsubscribes (kills ffmpeg).</summary>
    public void Dispose() => subscription.Dispose();
}
