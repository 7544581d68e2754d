namespace Avts.Web.Cluster;

/// <summary>
/// One monitored stream in a cluster, keyed by its name. Orleans keeps at most one activation per key cluster-wide;
/// the activation owns the stream's source and pipeline on its silo, so the stream is scored on exactly one node.
/// </summary>
public interface IStreamMonitorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Re-reads the stream from the shared store: runs it on this activation's node when it is stored and not paused,
    /// else stops it and lets the activation go. Returns the node scoring it, or null.
    /// </summary>
    Task<string?> SyncAsync();

    /// <summary>
    /// The keepers' call: nothing to do (no store read) when the stream already runs on this activation, else as
    /// <see cref="SyncAsync"/>. Returns the node scoring it, or null.
    /// </summary>
    Task<string?> KeepAsync();

    /// <summary>The stream's live state on the node that scores it (activates the grain if needed).</summary>
    Task<StreamOwnerReport> ReportAsync();
}
