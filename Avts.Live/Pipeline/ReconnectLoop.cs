using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Avts.Live.Sources;

namespace Avts.Live.Pipeline;

/// <summary>One subscription of <see cref="SourceReconnection.Reconnecting"/>: the connect, fail, wait, reconnect loop.</summary>
internal sealed class ReconnectLoop : IDisposable
{
    private readonly object gate = new();
    private readonly ILiveSource source;
    private readonly LiveOptions options;
    private readonly IScheduler scheduler;
    private readonly IObserver<SourceEvent> observer;
    private readonly SerialDisposable pendingReconnect = new();
    private Connection? current;
    private TimeSpan nextDelay;
    private int failuresInRow;
    private bool disposed;

    public ReconnectLoop(ILiveSource source, LiveOptions options, IScheduler scheduler, IObserver<SourceEvent> observer)
    {
        this.source = source;
        this.options = options;
        this.scheduler = scheduler;
        this.observer = observer;
        nextDelay = options.ReconnectInitialDelay;
    }

    public void Start() => Connect();

    public void Dispose()
    {
        Connection? connection;
        lock (gate)
        {
            disposed = true;
            connection = current;
            if (connection is not null)
            {
                connection.Active = false;
            }
        }

        // Outside the lock: disposing the source may wait for its reader threads, which may be waiting for the lock.
        connection?.Dispose();
        pendingReconnect.Dispose();
    }

    private void Connect()
    {
        var connection = new Connection();
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            current = connection;
            connection.LastEventAt = scheduler.Now;
        }

        ArmStallCheck(connection, Timeout(connection));
        try
        {
            connection.Subscription.Disposable = source.Open(scheduler).Subscribe(
                e => OnEvent(connection, e),
                error => OnEnded(connection, error.Message, completed: false),
                () => OnEnded(connection, null, completed: true));
        }
        catch (Exception error)
        {
            OnEnded(connection, error.Message, completed: false);
        }
    }

    private void OnEvent(Connection connection, SourceEvent sourceEvent)
    {
        lock (gate)
        {
            if (!connection.Active)
            {
                return;
            }

            connection.LastEventAt = scheduler.Now;
            switch (sourceEvent)
            {
                case VideoFrameEvent or AudioChunkEvent when !connection.SawMedia:
                    connection.SawMedia = true;
                    ArmStallCheck(connection, options.StallTimeout); // from now on the (shorter) stall timeout applies
                    failuresInRow = 0;
                    nextDelay = options.ReconnectInitialDelay;
                    if (!connection.SawConnected)
                    {
                        connection.SawConnected = true;
                        observer.OnNext(new SourceStatusEvent(sourceEvent.ArrivedAt, SourceStatus.Connected, null));
                    }

                    break;
                case SourceStatusEvent { Status: SourceStatus.Connected }:
                    connection.SawConnected = true;
                    break;
                case SourceStatusEvent { Status: SourceStatus.Listening } when !connection.SawMedia:
                    // Nothing yet is not a stall: a listener waits for its sender as long as it takes.
                    connection.Listening = true;
                    connection.StallCheck.Disposable = null;
                    break;
                case SourceStatusEvent { Status: SourceStatus.Ended }:
                    connection.SawEnded = true;
                    break;
                case SourceStatusEvent { Status: SourceStatus.Failed } failed:
                    connection.FailureDetail = failed.Detail;
                    return;
            }

            observer.OnNext(sourceEvent);
        }
    }

    private void OnEnded(Connection connection, string? why, bool completed)
    {
        TimeSpan? wait = null;
        lock (gate)
        {
            if (!connection.Active)
            {
                return;
            }

            connection.Active = false;
            if (completed && connection.SawEnded)
            {
                observer.OnCompleted();
            }
            else
            {
                failuresInRow++;
                var reason = connection.FailureDetail ?? why ?? "input ended";
                if (options.MaxReconnectAttempts > 0 && failuresInRow > options.MaxReconnectAttempts)
                {
                    var detail = string.Create(CultureInfo.InvariantCulture, $"gave up after {options.MaxReconnectAttempts} reconnects: {reason}");
                    observer.OnNext(new SourceStatusEvent(scheduler.Now, SourceStatus.Failed, detail));
                    observer.OnCompleted();
                }
                else
                {
                    observer.OnNext(new SourceStatusEvent(scheduler.Now, SourceStatus.Reconnecting, reason));
                    wait = nextDelay;
                    nextDelay = TimeSpan.FromTicks(Math.Min(nextDelay.Ticks * 2, options.ReconnectMaxDelay.Ticks));
                }
            }
        }

        // Outside the lock (see Dispose); this is what stops a stalled source's process.
        connection.Dispose();
        if (wait is { } delay)
        {
            pendingReconnect.Disposable = scheduler.Schedule(delay, Connect);
        }
    }

    /// <summary>
    /// One timer per connection rather than one per event: when it fires it checks how long the connection has been
    /// quiet and either declares a stall or sleeps for the rest of the timeout.
    /// </summary>
    private void ArmStallCheck(Connection connection, TimeSpan due) =>
        connection.StallCheck.Disposable = scheduler.Schedule(due, () =>
        {
            TimeSpan quiet;
            TimeSpan timeout;
            lock (gate)
            {
                if (!connection.Active)
                {
                    return;
                }

                if (connection.Listening && !connection.SawMedia)
                {
                    return;
                }

                quiet = scheduler.Now - connection.LastEventAt;
                timeout = Timeout(connection);
            }

            if (quiet >= timeout)
            {
                var what = connection.SawMedia ? "no data" : "no media";
                OnEnded(connection, string.Create(CultureInfo.InvariantCulture, $"{what} for {timeout.TotalSeconds:0.#} s"), completed: false);
            }
            else
            {
                ArmStallCheck(connection, timeout - quiet);
            }
        });

    /// <summary>
    /// Opening a network stream (probe, connect, wait for a key frame) takes longer than the gap between packets of a
    /// flowing one, so a connection gets <see cref="LiveOptions.ConnectTimeout"/> until its first media. A listening
    /// connection (<see cref="SourceStatus.Listening"/>) has no timer until its first media: its stall check is disarmed.
    /// </summary>
    private TimeSpan Timeout(Connection connection) =>
        connection.SawMedia ? options.StallTimeout : TimeSpan.FromTicks(Math.Max(options.StallTimeout.Ticks, options.ConnectTimeout.Ticks));

    /// <summary>One opening of the source.</summary>
    private sealed class Connection : IDisposable
    {
        public SingleAssignmentDisposable Subscription { get; } = new();

        public SerialDisposable StallCheck { get; } = new();

        public bool Active { get; set; } = true;

        public DateTimeOffset LastEventAt { get; set; }

        public bool SawMedia { get; set; }

        /// <summary>The source said it waits for its sender (no connect timeout until the first media).</summary>
        public bool Listening { get; set; }

        public bool SawConnected { get; set; }

        public bool SawEnded { get; set; }

        public string? FailureDetail { get; set; }

        public void Dispose()
        {
            StallCheck.Dispose();
            Subscription.Dispose();
        }
    }
}
