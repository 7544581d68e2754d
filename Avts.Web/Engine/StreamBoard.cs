using Avts.Live.Pipeline;

namespace Avts.Web.Engine;

/// <summary>
/// The current picture of every known stream (configured, running or paused): its definition, last state, last
/// delay and alert. Updated from the engine's threads, read by the API, hub and health check; one lock, short holds.
/// </summary>
public sealed class StreamBoard
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Streams in the pipeline (not paused).</summary>
    public int ActiveCount
    {
        get
        {
            lock (gate)
            {
                return entries.Values.Count(e => !e.Definition.Paused);
            }
        }
    }

    /// <summary>Whether a stream of that name is known.</summary>
    public bool Contains(string name)
    {
        lock (gate)
        {
            return entries.ContainsKey(name);
        }
    }

    /// <summary>The definition of <paramref name="name"/>, or null.</summary>
    public StreamDefinition? Find(string name)
    {
        lock (gate)
        {
            return entries.TryGetValue(name, out var entry) ? entry.Definition : null;
        }
    }

    /// <summary>Adds a stream; false when the name is taken.</summary>
    public bool TryAdd(StreamDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (gate)
        {
            return entries.TryAdd(definition.Name, new Entry(definition, now));
        }
    }

    /// <summary>
    /// Replaces a known stream's definition (pause/resume); the state becomes paused or connecting. Returns the
    /// clearing of an alert that was raised, since a stream that is no longer watched cannot keep one open.
    /// </summary>
    public AlertTransition? Update(StreamDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (gate)
        {
            if (!entries.TryGetValue(definition.Name, out var entry))
            {
                return null;
            }

            entry.Definition = definition;
            entry.SetState(definition.Paused ? StreamState.Paused : StreamState.Connecting, now, null);
            entry.WatchedSince = now;
            return entry.CloseAlert(now, AlertClearReasons.Paused);
        }
    }

    /// <summary>Forgets a stream; returns the clearing of its raised alert, if it had one.</summary>
    public AlertTransition? Remove(string name, DateTimeOffset now)
    {
        lock (gate)
        {
            return entries.Remove(name, out var entry) ? entry.CloseAlert(now, AlertClearReasons.Removed) : null;
        }
    }

    /// <summary>Clears every raised alert with <paramref name="reason"/> (the host stops); returns the clearings.</summary>
    public IReadOnlyList<AlertTransition> CloseAllAlerts(DateTimeOffset now, string reason)
    {
        lock (gate)
        {
            return [.. entries.Values.Select(e => e.CloseAlert(now, reason)).OfType<AlertTransition>()];
        }
    }

    /// <summary>Records a connection change from the pipeline.</summary>
    public void Apply(StreamStatusChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            if (entries.TryGetValue(change.Stream, out var entry) && !entry.Definition.Paused)
            {
                entry.SetState(change.State, change.At, change.Detail);
            }
        }
    }

    /// <summary>Records a window result; returns the drops since the last one and any alert transition.</summary>
    public WindowOutcome Apply(LiveWindowResult result, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (gate)
        {
            // A result scored just before its stream was paused must not bring the stream back to life.
            if (!entries.TryGetValue(result.Stream, out var entry) || entry.Definition.Paused)
            {
                return default;
            }

            var newlyDropped = Math.Max(0, result.DroppedWindows - entry.DroppedWindows);
            entry.DroppedWindows = result.DroppedWindows;
            entry.Windows++;
            entry.LastWindowAt = at;
            entry.LastDelayMs = result.AudioDelayMs;
            if (result.Curve is { } curve)
            {
                entry.LastCurve = new WindowCurve(
                    result.Stream, result.StartSeconds, result.EndSeconds, curve.Kind, curve.DelaysMs, curve.Scores, result.RawDelayMs);
            }

            if (result.State != entry.State)
            {
                entry.SetState(result.State, at, null);
            }

            return new WindowOutcome(newlyDropped, entry.TrackAlert(result, at));
        }
    }

    /// <summary>Every stream, ordered by name.</summary>
    public IReadOnlyList<StreamSnapshot> Snapshot()
    {
        lock (gate)
        {
            return [.. entries.Values.OrderBy(e => e.Definition.Name, StringComparer.Ordinal).Select(e => e.ToSnapshot())];
        }
    }

    /// <summary>The latest score curve of <paramref name="name"/>, or null when it has none (yet).</summary>
    public WindowCurve? LatestCurve(string name)
    {
        lock (gate)
        {
            return entries.TryGetValue(name, out var entry) ? entry.LastCurve : null;
        }
    }

    /// <summary>One stream, or null.</summary>
    public StreamSnapshot? Snapshot(string name)
    {
        lock (gate)
        {
            return entries.TryGetValue(name, out var entry) ? entry.ToSnapshot() : null;
        }
    }

    private sealed class Entry(StreamDefinition definition, DateTimeOffset now)
    {
        private DateTimeOffset raisedAt;
        private double? peakDelayMs;

        public StreamDefinition Definition { get; set; } = definition;

        public StreamState State { get; private set; } = definition.Paused ? StreamState.Paused : StreamState.Connecting;

        public DateTimeOffset StateSince { get; private set; } = now;

        public string? Detail { get; private set; }

        public double? LastDelayMs { get; set; }

        public WindowCurve? LastCurve { get; set; }

        public bool Alert { get; set; }

        public DateTimeOffset? LastWindowAt { get; set; }

        public DateTimeOffset WatchedSince { get; set; } = now;

        public long Windows { get; set; }

        public long DroppedWindows { get; set; }

        public void SetState(StreamState state, DateTimeOffset at, string? detail)
        {
            State = state;
            StateSince = at;
            Detail = detail;
        }

        /// <summary>Turns the per-window alert flag into raise/clear transitions, keeping the peak delay while raised.</summary>
        /// <summary>Clears a raised alert (the stream stopped being watched); null when none was raised.</summary>
        public AlertTransition? CloseAlert(DateTimeOffset at, string reason)
        {
            if (!Alert)
            {
                return null;
            }

            Alert = false;
            return new AlertTransition(Definition.Name, Raised: false, raisedAt, at, AudioDelayMs: null, peakDelayMs, reason);
        }

        public AlertTransition? TrackAlert(LiveWindowResult result, DateTimeOffset at)
        {
            var delay = result.AudioDelayMs;
            if (Alert && delay is { } d && (peakDelayMs is not { } peak || Math.Abs(d) > Math.Abs(peak)))
            {
                peakDelayMs = d;
            }

            if (result.Alert == Alert)
            {
                return null;
            }

            Alert = result.Alert;
            if (Alert)
            {
                raisedAt = at;
                peakDelayMs = delay;
            }

            return new AlertTransition(Definition.Name, Alert, raisedAt, at, delay, peakDelayMs, Alert ? null : AlertClearReasons.Recovered);
        }

        public StreamSnapshot ToSnapshot() => new(
            Definition.Name,
            Definition.Location,
            Definition.Loop,
            Definition.RealTime,
            Definition.InjectDelay,
            Definition.TransportName,
            Definition.Paused,
            Definition.AddedAt,
            State.WireName(),
            StateSince,
            Detail,
            LastDelayMs,
            Alert,
            LastWindowAt,
            Windows,
            DroppedWindows,
            WatchedSince);
    }
}
