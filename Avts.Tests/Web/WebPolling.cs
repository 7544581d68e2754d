namespace Avts.Tests.Web;

/// <summary>Waits for something the host does in the background (windows flowing, batches committed).</summary>
internal static class WebPolling
{
    /// <summary>Calls <paramref name="probe"/> every 200 ms until it returns true; fails after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> probe, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(200);
        }
    }
}
