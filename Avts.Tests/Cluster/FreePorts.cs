using System.Net;
using System.Net.Sockets;

namespace Avts.Tests.Cluster;

/// <summary>Loopback TCP ports free right now (the OS picks them; closed again before use).</summary>
internal static class FreePorts
{
    /// <summary><paramref name="count"/> distinct free ports.</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
