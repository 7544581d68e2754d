using Avts.Engine.Media;

namespace Avts.Training.Training;

/// <summary>One decoded training video kept in memory: grey frames at the decode width, 16 kHz mono audio, and where it can be cut.</summary>
/// <param name="Path">The file.</param>
/// <param name="Video">Grey frames with presentation times.</param>
/// <param name="Audio">Mono PCM at the model's sample rate.</param>
/// <param name="Range">Where clips and audio windows fit.</param>
public sealed record CachedVideo(string Path, VideoTrack Video, AudioTrack Audio, SamplingRange Range)
{
    /// <summary>Bytes held (frames + samples).</summary>
    public long Bytes => Video.Pixels.LongLength + (Audio.Samples.LongLength * sizeof(float));
}
