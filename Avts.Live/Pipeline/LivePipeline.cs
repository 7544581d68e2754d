using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Avts.Live.Sources;

namespace Avts.Live.Pipeline;

/// <summary>
/// The live engine: every source, kept open by <see cref="SourceReconnection.Reconnecting"/>, is cut into windows by
/// its own <see cref="WindowAssembler"/>; the windows of all streams are scored by one shared
/// <see cref="InferenceScheduler"/>; each stream's <see cref="StreamTracker"/> turns scores into
/// <see cref="Results"/>. Connection changes come out on <see cref="StatusChanges"/>.
/// <para>
/// Threads: a source's frames and audio arrive on its reader threads; the reconnect operator serializes them per
/// stream (one lock per stream), so an assembler only ever sees one event at a time and streams never wait for each
/// other. Tracking and <see cref="Results"/> run on the inference scheduler (one thread). <see cref="StatusChanges"/>
/// come from the streams' threads and are serialized across streams before they are published.
/// </para>
/// <para>
/// Both observables are hot: subscribe before <see cref="Start"/> to see each stream's first
/// <see cref="StreamState.Connecting"/>. They complete on <see cref="Dispose"/>; <see cref="Results"/> errors if the
/// scorer throws.
/// </para>
/// </summary>
public sealed class LivePipeline : IDisposable
{
    private readonly object gate = new();
    private readonly object statusGate = new();
    private readonly Dictionary<string, StreamSession> sessions = new(StringComparer.Ordinal);
    private readonly Subject<LiveWindowResult> results = new();
    private readonly Subject<StreamStatusChange> statusChanges = new();
    private readonly LiveOptions options;
    private readonly IScheduler clock;
    private readonly InferenceScheduler inference;
    private readonly IDisposable scoredSubscription;
    private bool started;
    private volatile bool disposed;

    /// <summary>
    /// Creates the pipeline over <paramref name="sources"/> (more can be added with <see cref="AddStream"/>).
    /// <paramref name="clock"/> stamps arrivals, results and statuses and times reconnects and stalls;
    /// <paramref name="inferenceScheduler"/> runs the scoring (null: a dedicated thread).
    /// </summary>
    public LivePipeline(
        IEnumerable<ILiveSource> sources,
        IWindowScorer scorer,
        LiveOptions options,
        IScheduler clock,
        IScheduler? inferenceScheduler = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        this.options = options;
        this.clock = clock;
        inference = new InferenceScheduler(scorer, options, inferenceScheduler);
        scoredSubscription = inference.Scored.Subscribe(OnScored, results.OnError, () => { });
        foreach (var source in sources)
        {
            AddStream(source);
        }
    }

    /// <summary>One result per scored window of every stream (on the inference thread).</summary>
    public IObservable<LiveWindowResult> Results => results.AsObservable();

    /// <summary>Connection changes of every stream: connecting, live, reconnecting, failed.</summary>
    public IObservable<StreamStatusChange> StatusChanges => statusChanges.AsObservable();

    /// <summary>The names of the monitored streams.</summary>
    public IReadOnlyList<string> Streams
    {
        get
        {
            lock (gate)
            {
                return [.. sessions.Keys];
            }
        }
    }

    /// <summary>Whether every window cut so far has been scored and published.</summary>
    public bool IsIdle => inference.IsIdle;

    /// <summary>Windows of <paramref name="stream"/> dropped so far because scoring fell behind.</summary>
    public long DroppedWindows(string stream) => inference.DroppedWindows(stream);

    /// <summary>Adds a stream; it is opened at once when the pipeline has started.</summary>
    /// <exception cref="ArgumentException">A stream with the same name is already monitored.</exception>
    public void AddStream(ILiveSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        StreamSession session;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (sessions.ContainsKey(source.Name))
            {
                throw new ArgumentException($"A stream named '{source.Name}' is already monitored.", nameof(source));
            }

            session = new StreamSession(source, options);
            sessions.Add(source.Name, session);
            if (!started)
            {
                return;
            }
        }

        Open(session);
    }

    /// <summary>Stops and forgets the stream named <paramref name="name"/>; false when there is none.</summary>
    public bool RemoveStream(string name)
    {
        StreamSession? session;
        lock (gate)
        {
            if (!sessions.Remove(name, out session))
            {
                return false;
            }
        }

        session.Subscription.Dispose();
        inference.RemoveStream(name);
        return true;
    }

    /// <summary>Opens every stream added so far (later ones open as they are added).</summary>
    public void Start()
    {
        List<StreamSession> toOpen;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (started)
            {
                return;
            }

            started = true;
            toOpen = [.. sessions.Values];
        }

        foreach (var session in toOpen)
        {
            Open(session);
        }
    }

    /// <summary>Closes every source (killing their processes), stops scoring and completes both observables.</summary>
    public void Dispose()
    {
        List<StreamSession> toClose;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            toClose = [.. sessions.Values];
            sessions.Clear();
        }

        foreach (var session in toClose)
        {
            session.Subscription.Dispose();
        }

        scoredSubscription.Dispose();
        inference.Dispose();
        lock (statusGate)
        {
            statusChanges.OnCompleted();
        }

        results.OnCompleted();
    }

    private void Open(StreamSession session)
    {
        Publish(session, StreamState.Connecting, clock.Now, null);
        session.Subscription.Disposable = session.Source.Reconnecting(options, clock).Subscribe(
            e => OnSourceEvent(session, e),
            error => Publish(session, StreamState.Failed, clock.Now, error.Message),
            () => { });
    }

    /// <summary>Runs under the stream's reconnect lock: one event of this stream at a time.</summary>
    private void OnSourceEvent(StreamSession session, SourceEvent sourceEvent)
    {
        if (sourceEvent is SourceStatusEvent status)
        {
            if (status.Status == SourceStatus.Reconnecting)
            {
                // The next connection may restart its timestamps; a half-filled window must not mix the two.
                session.Assembler.Reset();
            }

            StreamState? state = status.Status switch
            {
                SourceStatus.Connecting => StreamState.Connecting,
                SourceStatus.Connected => StreamState.Live,
                SourceStatus.Reconnecting => StreamState.Reconnecting,
                SourceStatus.Failed => StreamState.Failed,
                SourceStatus.Ended => StreamState.Ended,
                _ => null,
            };
            if (state is { } changed)
            {
                Publish(session, changed, status.ArrivedAt, status.Detail);
            }

            return;
        }

        foreach (var window in session.Assembler.Add(sourceEvent))
        {
            inference.Enqueue(window);
        }
    }

    /// <summary>Runs on the inference scheduler.</summary>
    private void OnScored(ScoredWindow scored)
    {
        StreamSession? session;
        lock (gate)
        {
            sessions.TryGetValue(scored.Window.Stream, out session);
        }

        // A stream removed while its last windows were being scored is not reported any more.
        if (session is null)
        {
            return;
        }

        var stream = scored.Window.Stream;
        results.OnNext(session.Tracker.Track(scored.Window, scored.Score, clock.Now, inference.DroppedWindows(stream)));
    }

    private void Publish(StreamSession session, StreamState state, DateTimeOffset at, string? detail)
    {
        lock (statusGate)
        {
            if (session.State == state || disposed)
            {
                return;
            }

            session.State = state;
            statusChanges.OnNext(new StreamStatusChange(session.Source.Name, at, state, detail));
        }
    }

    /// <summary>One monitored stream: its source, windowing, tracking and subscription.</summary>
    private sealed class StreamSession(ILiveSource source, LiveOptions options)
    {
        public ILiveSource Source { get; } = source;

        public WindowAssembler Assembler { get; } = new(source.Name, options);

        public StreamTracker Tracker { get; } = new(options);

        public SerialDisposable Subscription { get; } = new();

        /// <summary>The last published state (guarded by the status lock); null before the first.</summary>
        public StreamState? State { get; set; }
    }
}
