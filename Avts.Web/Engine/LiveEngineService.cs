using System.Reactive.Concurrency;
using Avts.Live.Pipeline;
using Avts.Web.Cluster;
using Avts.Web.Diagnostics;
using Avts.Web.Hubs;
using Avts.Web.Options;
using Avts.Web.Persistence;
using Microsoft.Extensions.Options;

namespace Avts.Web.Engine;

/// <summary>
/// Owns the one <see cref="LivePipeline"/>: restores stored streams, adds configured and demo streams, applies
/// control operations (add, remove, pause, resume; one at a time) and fans every result and status change out to the
/// board, metrics, hub queue and history queue. The fan-out runs on the engine's threads and never waits: both queues
/// drop their oldest items when full. In cluster mode the pipeline holds only the streams whose grains are active on
/// this node (<see cref="StartOwnedAsync"/>, <see cref="StopOwnedAsync"/>); configured and demo streams go to the
/// shared store, and the grains decide where each one runs.
/// </summary>
public sealed class LiveEngineService(
    IOptions<AvtsWebOptions> options,
    IOptions<LiveEngineOptions> liveOptions,
    IWindowScorer scorer,
    ILiveSourceFactory sources,
    StreamLocationPolicy locations,
    StreamBoard board,
    StreamStore store,
    HistoryStore historyStore,
    NodeIdentity node,
    BroadcastChannel broadcast,
    HistoryChannel history,
    AvtsMetrics metrics,
    ScoringHealth scoringHealth,
    PipelineHealth health,
    DataPaths paths,
    TimeProvider time,
    ILogger<LiveEngineService> logger) : BackgroundService, IStreamControl
{
    private readonly SemaphoreSlim control = new(1, 1);
    private readonly List<IDisposable> subscriptions = [];
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LivePipeline? pipeline;

    /// <summary>Starts the pipeline and restores stored and configured streams before the server takes requests.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var live = liveOptions.Value.ToLiveOptions();
        pipeline = new LivePipeline([], scorer, live, Scheduler.Default);
        subscriptions.Add(pipeline.StatusChanges.Subscribe(OnStatus, e => logger.LogError(e, "Status stream failed")));
        subscriptions.Add(pipeline.Results.Subscribe(OnResult, OnScoringFault));
        metrics.ObserveActiveStreams(() => board.ActiveCount);
        metrics.ObserveHealth(() =>
        {
            var report = health.Evaluate();
            return (PipelineHealth.Level(report), report.Streams.Count(s => s.Reason is not null));
        });
        pipeline.Start();
        logger.LogInformation(
            "Live engine started: scorer {Scorer}, tolerance {Tolerance} [{Min}, {Max}] ms, data in {DataDirectory}",
            scorer.Name, live.Tolerance.Name, live.Tolerance.MinMs, live.Tolerance.MaxMs, paths.Directory);

        if (node.Clustered)
        {
            await ShareStreamsAsync(cancellationToken);
            started.TrySetResult();
            await base.StartAsync(cancellationToken);
            return;
        }

        foreach (var stored in await store.ListAsync(cancellationToken))
        {
            // Added through the API under an older policy: checked again, so tightening the policy takes effect.
            if (locations.Check(stored.Location, out var refusal) is null)
            {
                logger.LogWarning("Stored stream {Stream} not started: {Reason}", stored.Name, refusal);
                continue;
            }

            AddCore(stored);
        }

        var now = time.GetUtcNow();
        foreach (var configured in options.Value.Streams)
        {
            if (!board.Contains(configured.Name) && StreamConfigParser.TryParse(configured, now, out _) is { } definition)
            {
                AddCore(definition);
            }
        }

        if (options.Value.Demo)
        {
            await AddDemoStreamsAsync(cancellationToken);
        }

        started.TrySetResult();
        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Cluster mode, called by the stream's grain on activation: puts a stored stream into this node's pipeline.
    /// <paramref name="takeover"/>: the stream had an owner that was lost, so its open alert is closed as node_lost
    /// and dashboards are told it is reconnecting here (the gap shows as an outage, not as healthy silence).
    /// </summary>
    public async Task StartOwnedAsync(StreamDefinition stream, bool takeover, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await started.Task.WaitAsync(cancellationToken);
        await control.WaitAsync(cancellationToken);
        try
        {
            if (board.Contains(stream.Name))
            {
                return;
            }

            // As for stored streams on one machine: this node's location policy is checked again.
            if (locations.Check(stream.Location, out var refusal) is null)
            {
                logger.LogWarning("Stream {Stream} not started on {Node}: {Reason}", stream.Name, node.Name, refusal);
                return;
            }

            if (takeover)
            {
                await historyStore.CloseOpenAlertsAsync(stream.Name, AlertClearReasons.NodeLost, cancellationToken);
                broadcast.Queue.Write(new StatusMessage(
                    stream.Name, StreamState.Reconnecting.WireName(), $"node lost; moved to {node.Name}", time.GetUtcNow().ToUnixTimeMilliseconds()));
            }

            AddCore(stream);
            logger.LogInformation("Stream {Stream} now scored on {Node}{Takeover}", stream.Name, node.Name, takeover ? " (taken over)" : string.Empty);
        }
        finally
        {
            control.Release();
        }
    }

    /// <summary>Cluster mode, called by the stream's grain on deactivation (paused, removed, or the node stops).</summary>
    public async Task StopOwnedAsync(string name, CancellationToken cancellationToken)
    {
        await control.WaitAsync(cancellationToken);
        try
        {
            if (!board.Contains(name))
            {
                return;
            }

            pipeline?.RemoveStream(name);
            Publish(board.Remove(name, time.GetUtcNow()));
            logger.LogInformation("Stream {Stream} no longer scored on {Node}", name, node.Name);
        }
        finally
        {
            control.Release();
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        pipeline?.Dispose();
        // No more results: an alert still open would stay open for ever in the history. The writer stops after the
        // engine and drains its queue, so these clearings are stored.
        foreach (var cleared in board.CloseAllAlerts(time.GetUtcNow(), AlertClearReasons.HostStopped))
        {
            Publish(cleared);
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        logger.LogInformation("Live engine stopped after {Windows} windows", metrics.Windows);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        pipeline?.Dispose();
        control.Dispose();
        base.Dispose();
    }

    /// <summary>Adds a stream to the pipeline and stores it; <see cref="StreamChange.Conflict"/> when the name is taken.</summary>
    public async Task<StreamChange> AddAsync(StreamDefinition stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await control.WaitAsync(cancellationToken);
        try
        {
            if (board.Contains(stream.Name))
            {
                return StreamChange.Conflict;
            }

            await store.SaveAsync(stream, cancellationToken);
            AddCore(stream);
            logger.LogInformation("Stream {Stream} added: {Location}", stream.Name, stream.Location);
            return StreamChange.Done;
        }
        finally
        {
            control.Release();
        }
    }

    /// <summary>Stops and forgets a stream (its history stays).</summary>
    public Task<StreamChange> RemoveAsync(string name, CancellationToken cancellationToken) =>
        ControlAsync(name, async stream =>
        {
            pipeline?.RemoveStream(name);
            Publish(board.Remove(name, time.GetUtcNow()));
            await store.DeleteAsync(name, cancellationToken);
            Announce(name, StreamState.Removed);
            logger.LogInformation("Stream {Stream} removed", name);
        }, cancellationToken);

    /// <summary>Takes a stream out of the pipeline but keeps (and stores) its configuration, marked paused.</summary>
    public Task<StreamChange> PauseAsync(string name, CancellationToken cancellationToken) =>
        ControlAsync(name, async stream =>
        {
            if (stream.Paused)
            {
                return;
            }

            pipeline?.RemoveStream(name);
            var paused = stream with { Paused = true };
            Publish(board.Update(paused, time.GetUtcNow()));
            await store.SaveAsync(paused, cancellationToken);
            Announce(name, StreamState.Paused);
            logger.LogInformation("Stream {Stream} paused", name);
        }, cancellationToken);

    /// <summary>Puts a paused stream back into the pipeline.</summary>
    public Task<StreamChange> ResumeAsync(string name, CancellationToken cancellationToken) =>
        ControlAsync(name, async stream =>
        {
            if (!stream.Paused)
            {
                return;
            }

            var resumed = stream with { Paused = false };
            Publish(board.Update(resumed, time.GetUtcNow()));
            await store.SaveAsync(resumed, cancellationToken);
            pipeline?.AddStream(sources.Create(resumed));
            logger.LogInformation("Stream {Stream} resumed", name);
        }, cancellationToken);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>
    /// Cluster mode: configured and demo streams are written to the shared store unless a stream of that name is there
    /// (the first node to start wins; a paused one stays paused). As on one machine, a configured or demo stream deleted
    /// through the API comes back at the next start (here: of any node).
    /// </summary>
    private async Task ShareStreamsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var wanted = options.Value.Streams
            .Select(c => StreamConfigParser.TryParse(c, now, out _))
            .OfType<StreamDefinition>()
            .ToList();
        if (options.Value.Demo)
        {
            var clip = await DemoStreams.EnsureClipAsync(paths.Directory, options.Value.DemoClipSeconds, cancellationToken);
            wanted.AddRange(DemoStreams.Definitions(clip, now));
        }

        var known = (await store.ListAsync(cancellationToken)).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var stream in wanted.Where(s => !known.Contains(s.Name)))
        {
            await store.InsertIfMissingAsync(stream, cancellationToken);
        }
    }

    /// <summary>
    /// In demo mode (at start, before the server takes requests, so the tiles show up right after /healthz answers),
    /// writes the demo clip unless cached (a few seconds, once) and adds the demo streams that are not there yet.
    /// </summary>
    private async Task AddDemoStreamsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var clip = await DemoStreams.EnsureClipAsync(paths.Directory, options.Value.DemoClipSeconds, cancellationToken);
            foreach (var demo in DemoStreams.Definitions(clip, time.GetUtcNow()))
            {
                if (!board.Contains(demo.Name))
                {
                    AddCore(demo);
                    logger.LogInformation("Demo stream {Stream} added", demo.Name);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not start the demo streams");
        }
    }

    private async Task<StreamChange> ControlAsync(string name, Func<StreamDefinition, Task> change, CancellationToken cancellationToken)
    {
        await control.WaitAsync(cancellationToken);
        try
        {
            if (board.Find(name) is not { } stream)
            {
                return StreamChange.NotFound;
            }

            await change(stream);
            return StreamChange.Done;
        }
        finally
        {
            control.Release();
        }
    }

    /// <summary>Adds to the board, and to the pipeline unless paused (callers hold the control lock or are starting).</summary>
    private void AddCore(StreamDefinition stream)
    {
        if (!board.TryAdd(stream, time.GetUtcNow()))
        {
            return;
        }

        if (stream.Paused)
        {
            Announce(stream.Name, StreamState.Paused);
            return;
        }

        try
        {
            pipeline?.AddStream(sources.Create(stream));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            logger.LogError(e, "Stream {Stream} cannot be opened", stream.Name);
        }
    }

    private void OnScoringFault(Exception error)
    {
        scoringHealth.Fault(error, time.GetUtcNow());
        logger.LogCritical(error, "Scoring failed; no more results (/healthz reports Unhealthy)");
    }

    private void Announce(string stream, StreamState state) =>
        broadcast.Queue.Write(new StatusMessage(stream, state.WireName(), null, time.GetUtcNow().ToUnixTimeMilliseconds()));

    /// <summary>On the inference thread: must not block.</summary>
    private void OnResult(LiveWindowResult result)
    {
        var at = time.GetUtcNow();
        var outcome = board.Apply(result, at);
        metrics.Window(result.Stream, result.LatencyMs, outcome.NewlyDropped);
        broadcast.Queue.Write(WindowResultMessage.From(result, at));
        history.Queue.Write(new HistoryItem(result, null, at));
        Publish(outcome.Alert);
    }

    /// <summary>Sends an alert transition to the hub and the history (no-op for null).</summary>
    private void Publish(AlertTransition? alert)
    {
        if (alert is null)
        {
            return;
        }

        broadcast.Queue.Write(new AlertMessage(
            alert.Stream, alert.Raised, alert.AudioDelayMs, alert.PeakDelayMs, alert.At.ToUnixTimeMilliseconds(), alert.ClearReason));
        history.Queue.Write(new HistoryItem(null, alert, alert.At));
        logger.LogWarning(
            "Alert {Transition} on {Stream}: delay {DelayMs} ms (peak {PeakMs} ms){Reason}",
            alert.Raised ? "raised" : "cleared", alert.Stream, alert.AudioDelayMs, alert.PeakDelayMs, alert.ClearReason is { } r ? ", " + r : string.Empty);
    }

    /// <summary>On a stream's thread (serialized across streams by the pipeline): must not block.</summary>
    private void OnStatus(StreamStatusChange change)
    {
        board.Apply(change);
        var state = change.State.WireName();
        broadcast.Queue.Write(new StatusMessage(change.Stream, state, change.Detail, change.At.ToUnixTimeMilliseconds()));
        var level = change.State is StreamState.Reconnecting or StreamState.Failed ? LogLevel.Warning : LogLevel.Information;
        logger.Log(level, "Stream {Stream} is {State}{Detail}", change.Stream, state, change.Detail is null ? string.Empty : ": " + change.Detail);
    }
}
