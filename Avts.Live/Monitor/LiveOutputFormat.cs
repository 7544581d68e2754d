namespace Avts.Live.Monitor;

/// <summary>How <c>avts monitor</c> writes its results.</summary>
public enum LiveOutputFormat
{
    /// <summary>One aligned, human-readable line per window or status change.</summary>
    Text,

    /// <summary>One JSON object per line (schema-tagged), for scripts and log shippers.</summary>
    Jsonl,
}
