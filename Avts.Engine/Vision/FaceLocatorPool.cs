using System.Collections.Concurrent;

namespace Avts.Engine.Vision;

/// <summary>
/// Loaded Haar cascades kept for reuse. Loading one parses a 900 kB XML file (about 10 % of a live stream's scoring
/// CPU when it was done per window), while a loaded cascade serves one detection at a time: each caller rents its own
/// and gives it back, so concurrent windows never share one and never reload one.
/// </summary>
internal sealed class FaceLocatorPool(string? cascadePath) : IDisposable
{
    private readonly ConcurrentBag<FaceLocator> idle = [];
    private bool disposed;

    /// <summary>A loaded cascade for the caller's use alone, or null when there is no cascade file (no face search).</summary>
    public FaceLocator? Rent()
    {
        if (idle.TryTake(out var locator))
        {
            return locator;
        }

        return cascadePath is not null && File.Exists(cascadePath) ? new FaceLocator(cascadePath) : null;
    }

    /// <summary>Gives back what <see cref="Rent"/> handed out (null is ignored).</summary>
    public void Return(FaceLocator? locator)
    {
        if (locator is null)
        {
            return;
        }

        if (Volatile.Read(ref disposed))
        {
            locator.Dispose();
            return;
        }

        idle.Add(locator);
    }

    /// <summary>Frees every idle cascade; ones still rented are freed when they come back.</summary>
    public void Dispose()
    {
        Volatile.Write(ref disposed, true);
        while (idle.TryTake(out var locator))
        {
            locator.Dispose();
        }
    }
}
