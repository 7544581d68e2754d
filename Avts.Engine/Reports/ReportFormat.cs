namespace Avts.Engine.Reports;

/// <summary>The output formats of a report.</summary>
public enum ReportFormat
{
    /// <summary>A human summary with a per-window table.</summary>
    Text,

    /// <summary>One JSON object (the <see cref="SyncReport"/> schema).</summary>
    Json,

    /// <summary>One JSON line per window, then one summary line with <c>"type":"summary"</c>.</summary>
    Jsonl,

    /// <summary>A header and one row per window, invariant culture.</summary>
    Csv,
}
