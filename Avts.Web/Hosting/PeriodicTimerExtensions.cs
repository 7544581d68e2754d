namespace Avts.Web.Hosting;

/// <summary>The loop condition of the host's periodic background services.</summary>
internal static class PeriodicTimerExtensions
{
    /// <summary>
    /// Waits for the next tick: true on a tick, false once the host is stopping (the cancellation ends the loop
    /// quietly instead of surfacing as an exception from the service).
    /// </summary>
    public static async Task<bool> NextTickOrStopAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
