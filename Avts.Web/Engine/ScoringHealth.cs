namespace Avts.Web.Engine;

/// <summary>
/// Whether live scoring still runs. A scorer that throws ends the pipeline's results for good (a broken scorer is a
/// bug, not retried), so the engine records the fault here and /healthz reports Unhealthy from then on.
/// </summary>
public sealed class ScoringHealth
{
    private readonly object gate = new();
    private string? reason;
    private DateTimeOffset? faultedAt;

    /// <summary>Why scoring stopped (one line), or null while it runs.</summary>
    public string? FaultReason
    {
        get
        {
            lock (gate)
            {
                return reason;
            }
        }
    }

    /// <summary>When scoring stopped, or null while it runs.</summary>
    public DateTimeOffset? FaultedAt
    {
        get
        {
            lock (gate)
            {
                return faultedAt;
            }
        }
    }

    /// <summary>Records that scoring stopped with <paramref name="error"/> (the first fault is kept).</summary>
    public void Fault(Exception error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (gate)
        {
            if (reason is null)
            {
                // Batches are scored in parallel: name the estimator's own exception, not the aggregate around it.
                if (error is AggregateException { InnerExceptions.Count: > 0 } aggregate)
                {
                    error = aggregate.Flatten().InnerExceptions[0];
                }

                reason = $"{error.GetType().Name}: {error.Message.Split('\n', 2)[0].Trim()}";
                faultedAt = at;
            }
        }
    }
}
