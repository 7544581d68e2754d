using System.ComponentModel.DataAnnotations;

namespace Avts.Web.Options;

/// <summary>
/// The <c>Avts:Cluster</c> section (env vars <c>Avts__Cluster__…</c>). Off by default: one host, SQLite, in-process
/// engine. On: the host is also an Orleans silo (membership and reminders in Redis), every stream is a grain scored on
/// the node where it is active, SignalR fans out through Redis and the data lives in PostgreSQL
/// (<c>Avts:DatabaseProvider</c> = PostgreSql). See docs/cluster.md.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Avts:Cluster";

    /// <summary>Whether this host joins a cluster.</summary>
    public bool Enabled { get; set; }

    /// <summary>This node's name in <c>/healthz</c> and <c>/api/streams</c> (default: the machine name). Unique per node.</summary>
    [MaxLength(64)]
    public string? NodeName { get; set; }

    /// <summary>StackExchange.Redis configuration (<c>127.0.0.1:6379,password=…</c>): membership, reminders, SignalR backplane.</summary>
    public string? Redis { get; set; }

    /// <summary>Nodes with the same cluster id form one cluster (also the Redis key and channel prefix).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string ClusterId { get; set; } = "avts";

    /// <summary>The silo-to-silo port (one per node on a machine).</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The address other silos reach this one at.</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// How often each node asks every stream's grain to be running. This is what moves a lost node's streams within
    /// seconds; the per-stream reminder (at least a minute apart in Orleans) is the backstop if every keeper is slow.
    /// </summary>
    [Range(0.5, 3600)]
    public double KeeperSeconds { get; set; } = 3;

    /// <summary>
    /// A probe of another silo times out after this; a silo missing two in a row is declared dead (one vote suffices),
    /// so a killed node is noticed in about twice this plus the keeper period.
    /// </summary>
    [Range(0.2, 60)]
    public double ProbeTimeoutSeconds { get; set; } = 1;

    /// <summary>How long an API read waits for a stream's owner before showing the stream without one.</summary>
    [Range(0.1, 60)]
    public double OwnerTimeoutSeconds { get; set; } = 2;

    /// <summary>How often /healthz's Redis and PostgreSQL probes run.</summary>
    [Range(0.5, 600)]
    public double DependencyProbeSeconds { get; set; } = 2;
}
