using System.ComponentModel.DataAnnotations;

namespace Avts.Web.Options;

/// <summary>The <c>Avts</c> configuration section of the web host (validated at start).</summary>
public sealed class AvtsWebOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Avts";

    /// <summary>Generate two demo clips (cached in the data directory) and monitor them as demo-sync and demo-drift.</summary>
    public bool Demo { get; set; }

    /// <summary>Length of the generated demo clip, seconds (it is looped).</summary>
    [Range(4, 600)]
    public double DemoClipSeconds { get; set; } = 30;

    /// <summary>Where the database and demo clips live; relative paths are under the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The storage engine: Sqlite (default, a file in the data directory) or PostgreSql (required by cluster mode).</summary>
    public Persistence.DatabaseProvider DatabaseProvider { get; set; } = Persistence.DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string of <see cref="DatabaseProvider"/>; <c>{DataDirectory}</c> is replaced by the resolved
    /// data directory (e.g. <c>Host=127.0.0.1;Port=5432;Username=avts;Password=…;Database=avts</c> for PostgreSql).
    /// </summary>
    [Required]
    public string Database { get; set; } = "Data Source={DataDirectory}/avts.db";

    /// <summary>How long window and alert history is kept.</summary>
    [Range(1, 24 * 365)]
    public double RetentionHours { get; set; } = 72;

    /// <summary>Key that control endpoints (POST/DELETE) require in the X-Api-Key header; none: control is refused.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Whether read endpoints (and the SignalR hub) require the key too.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>
    /// Host names (the Host header, without port) the host answers besides <c>localhost</c>, <c>127.0.0.1</c> and
    /// <c>[::1]</c>: the public names when it is exposed on purpose. Any other Host gets 400, which defeats DNS
    /// rebinding. <c>*</c> turns the filter off.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Browser origins (<c>https://name:port</c>) besides the host's own that may open the hub; a request to the hub
    /// with any other Origin header is refused (403).
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Largest JSON request body (stream, QA path, benchmark result); larger is refused with 413 before parsing.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Messages queued for SignalR clients; when full the oldest is dropped (and counted).</summary>
    [Range(16, 1_000_000)]
    public int BroadcastCapacity { get; set; } = 1024;

    /// <summary>Rows queued for the database; when full the oldest is dropped (and counted).</summary>
    [Range(16, 1_000_000)]
    public int PersistenceCapacity { get; set; } = 8192;

    /// <summary>Largest number of rows written in one transaction.</summary>
    [Range(1, 100_000)]
    public int PersistenceBatchSize { get; set; } = 256;

    /// <summary>A stream reconnecting or failed for longer than this makes /healthz report Degraded.</summary>
    [Range(1, 86_400)]
    public double DegradedAfterSeconds { get; set; } = 30;

    /// <summary>
    /// A stream in the pipeline (not paused or ended) that has produced no window for this many hops
    /// (<c>Avts:Live:HopSeconds</c>; the first window gets <c>WindowSeconds</c> more) makes /healthz report Degraded.
    /// </summary>
    [Range(1, 100_000)]
    public int DegradedAfterHops { get; set; } = 10;

    /// <summary>More hub or persistence drops than this make /healthz report Degraded.</summary>
    [Range(0, long.MaxValue)]
    public long DropThreshold { get; set; } = 100;

    /// <summary>
    /// Folder (relative to the content root) whose <c>*.json</c> benchmark results are stored at start-up for the
    /// Benchmarks page; the bench scripts write to the repository's <c>artifacts/</c>. Empty: none.
    /// </summary>
    public string BenchmarkImportDirectory { get; set; } = "../artifacts";

    /// <summary>
    /// AVTS network weights for network methods (live and QA), as <c>avts --weights</c>; null: the default lookup
    /// (AVTS_WEIGHTS, else <c>models/avts-nano.pt</c> in the current folder or above the executable).
    /// </summary>
    public string? Weights { get; set; }

    /// <summary>The 68-point dlib landmark model for lip-sync methods, as <c>avts --landmarks</c>; null: Debian's libdlib-data file.</summary>
    public string? Landmarks { get; set; }

    /// <summary>What API-added streams may open: URL schemes, file roots, devices.</summary>
    public LocationOptions Locations { get; set; } = new();

    /// <summary>QA jobs (<c>/api/qa</c>): allowed roots, upload limit, queue.</summary>
    public QaOptions Qa { get; set; } = new();

    /// <summary>Streams monitored from the start (API-added ones are restored from the database).</summary>
    public List<StreamConfig> Streams { get; set; } = [];
}
