using System.Diagnostics.Metrics;

namespace Avts.Web.Diagnostics;

/// <summary>
/// The host's instruments on the "Avts" meter (created through <see cref="IMeterFactory"/> as the hosting defaults
/// expect, so dotnet-counters and OpenTelemetry pick them up). Drop totals are also kept here for /healthz.
/// </summary>
public sealed class AvtsMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Avts";

    private readonly Histogram<double> latency;
    private readonly Counter<long> windows;
    private readonly Counter<long> droppedWindows;
    private readonly Counter<long> hubDrops;
    private readonly Counter<long> persistenceDrops;
    private long hubDropTotal;
    private long persistenceDropTotal;
    private long windowTotal;
    private Func<int> activeStreams = () => 0;
    private Func<(int Status, int Streams)> health = () => (0, 0);

    /// <summary>Creates the instruments.</summary>
    public AvtsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        latency = meter.CreateHistogram<double>("avts.window.latency", "ms", "From the data closing a window to its result.");
        windows = meter.CreateCounter<long>("avts.windows", "{window}", "Scored windows published.");
        droppedWindows = meter.CreateCounter<long>("avts.windows.dropped", "{window}", "Windows dropped by the engine because scoring fell behind.");
        hubDrops = meter.CreateCounter<long>("avts.hub.dropped", "{message}", "Hub messages dropped because clients fell behind.");
        persistenceDrops = meter.CreateCounter<long>("avts.persistence.dropped", "{row}", "History rows dropped because the database fell behind.");
        meter.CreateObservableGauge("avts.streams.active", () => activeStreams(), "{stream}", "Streams in the pipeline (not paused).");
        meter.CreateObservableGauge("avts.health.status", () => health().Status, null, "What /healthz reports: 0 healthy, 1 degraded, 2 unhealthy.");
        meter.CreateObservableGauge("avts.streams.degraded", () => health().Streams, "{stream}", "Streams that make /healthz report Degraded.");
    }

    /// <summary>Scored windows so far.</summary>
    public long Windows => Interlocked.Read(ref windowTotal);

    /// <summary>Hub messages dropped so far.</summary>
    public long HubDrops => Interlocked.Read(ref hubDropTotal);

    /// <summary>History rows dropped so far.</summary>
    public long PersistenceDrops => Interlocked.Read(ref persistenceDropTotal);

    /// <summary>Where the active-stream gauge reads from (set by the engine).</summary>
    public void ObserveActiveStreams(Func<int> count) => activeStreams = count ?? throw new ArgumentNullException(nameof(count));

    /// <summary>Where the health gauges read from (set by the engine): the health level and the streams with a reason.</summary>
    public void ObserveHealth(Func<(int Status, int Streams)> read) => health = read ?? throw new ArgumentNullException(nameof(read));

    /// <summary>Records one published window.</summary>
    public void Window(string stream, double latencyMs, long newlyDropped)
    {
        var tag = new KeyValuePair<string, object?>("stream", stream);
        Interlocked.Increment(ref windowTotal);
        latency.Record(latencyMs, tag);
        windows.Add(1, tag);
        if (newlyDropped > 0)
        {
            droppedWindows.Add(newlyDropped, tag);
        }
    }

    /// <summary>Records hub messages dropped.</summary>
    public void HubDropped(long count)
    {
        Interlocked.Add(ref hubDropTotal, count);
        hubDrops.Add(count);
    }

    /// <summary>Records history rows dropped.</summary>
    public void PersistenceDropped(long count)
    {
        Interlocked.Add(ref persistenceDropTotal, count);
        persistenceDrops.Add(count);
    }
}
