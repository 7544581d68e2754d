using Avts.Engine.Media;
using Avts.Engine.Model;

namespace Avts.Training.Training;

/// <summary>One decoded training video kept in memory: grey frames at the decode width, 16 kHz mono audio, and where it can be cut.</summary>
/// <param name="Path">The file.</param>
/// <param name="Video">Grey frames with presentation times.</param>
/// <param name="Audio">Mono PCM at the model's sample rate.</param>
/// <param name="Range">Where clips and audio windows fit.</param>
public sealed record CachedVideo(string Path, VideoTrack Video, AudioTrack Audio, SamplingRange Range)
{
    /// <summary>
    /// Where this video's clips are cut from (<see cref="AvtsInputs.CropFor"/> over the whole video, found once at
    /// load); null = the centred square.
    /// </summary>
    public CropRegion? Crop { get; init; }

    /// <summary>The model clip starting at <paramref name="startSeconds"/>, cut at <see cref="Crop"/>.</summary>
    public float[]? Clip(double startSeconds, AvtsModelOptions options) => AvtsInputs.VideoClip(Video, startSeconds, options, Crop);

    /// <summary>Bytes held (frames + samples).</summary>
    public long Bytes => ((long)Video.FrameCount * Video.Width * Video.Height) + (Audio.Samples.LongLength * sizeof(float));
}
