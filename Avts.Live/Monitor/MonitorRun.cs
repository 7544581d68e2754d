using System.Reactive.Concurrency;
using Avts.Live.Pipeline;
using Avts.Live.Sources;

namespace Avts.Live.Monitor;

/// <summary>
/// Runs a <see cref="LivePipeline"/> over a set of sources until it is cancelled, a time limit passes, or every
/// stream has ended (finite files) or failed, handing each result and status change to the caller. Cancellation is
/// the normal way to stop a monitor, so it ends the run cleanly rather than throwing.
/// </summary>
public sealed class MonitorRun(IReadOnlyList<ILiveSource> sources, IWindowScorer scorer, LiveOptions options, IScheduler clock)
{
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs; returns when stopped. Every ffmpeg process is gone when it returns.</summary>
    /// <param name="onResult">Called for each window result (from the inference thread).</param>
    /// <param name="onStatus">Called for each status change (from source threads).</param>
    /// <param name="runFor">Stop after this long; null = no limit.</param>
    /// <param name="cancellationToken">Stops the run (Ctrl-C).</param>
    public async Task<MonitorOutcome> RunAsync(
        Action<LiveWindowResult> onResult,
        Action<StreamStatusChange> onStatus,
        TimeSpan? runFor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onResult);
        ArgumentNullException.ThrowIfNull(onStatus);
        var finished = new Dictionary<string, StreamState>(StringComparer.Ordinal);
        var allFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failure = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var windows = 0L;
        using var pipeline = new LivePipeline(sources, scorer, options, clock);
        using var resultSubscription = pipeline.Results.Subscribe(
            r =>
            {
                Interlocked.Increment(ref windows);
                onResult(r);
            },
            ex => failure.TrySetException(ex));
        using var statusSubscription = pipeline.StatusChanges.Subscribe(change =>
        {
            onStatus(change);
            lock (finished)
            {
                if (change.State is StreamState.Ended or StreamState.Failed)
                {
                    finished[change.Stream] = change.State;
                }
                else
                {
                    finished.Remove(change.Stream);
                }

                if (finished.Count == sources.Count)
                {
                    allFinished.TrySetResult();
                }
            }
        });
        pipeline.Start();

        using var limit = runFor is { } duration ? new CancellationTokenSource(duration) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            var first = await Task.WhenAny(allFinished.Task, failure.Task).WaitAsync(stop.Token).ConfigureAwait(false);
            await first.ConfigureAwait(false); // rethrows a scoring failure

            // Every input ended: let the windows already cut be scored before stopping.
            while (!pipeline.IsIdle)
            {
                await Task.Delay(DrainPoll, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl-C or --for: a normal stop.
        }

        lock (finished)
        {
            var failed = finished.Count(f => f.Value == StreamState.Failed);
            return new MonitorOutcome(Interlocked.Read(ref windows), failed, AllFailed: failed == sources.Count);
        }
    }
}
