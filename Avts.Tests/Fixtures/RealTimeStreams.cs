namespace Avts.Tests.Fixtures;

/// <summary>
/// Tests that stream real-time media over loopback (RTSP relays over UDP, PulseAudio capture, a browser watching
/// live tiles) run alone, after the parallel ones: on two cores, a CPU-heavy neighbour (training, decoding) can starve
/// a UDP reader long enough to lose packets, and these tests judge timing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeStreams
{
    /// <summary>The collection name for <c>[Collection(RealTimeStreams.Name)]</c>.</summary>
    public const string Name = "real-time streams";
}
