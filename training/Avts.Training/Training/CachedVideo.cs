using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Vision.Lips;

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

    /// <summary>The lip track of the video's face, for lips models (whose <see cref="Video"/> may hold frame times only).</summary>
    public LipTrack? Lips { get; init; }

    /// <summary>The model clip starting at <paramref name="startSeconds"/>: pixels cut at <see cref="Crop"/>, or lips from <see cref="Lips"/>.</summary>
    public float[]? Clip(double startSeconds, AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IsLips
            ? Lips is { } lips ? LipInputs.Clip(lips, startSeconds, options) : null
            : AvtsInputs.VideoClip(Video, startSeconds, options, Crop);
    }

    /// <summary>Bytes held (frames + lip track + samples).</summary>
    public long Bytes => ((long)Video.FrameCount * Video.Width * Video.Height)
        + (Lips?.Frames.Sum(f => (long)(f.MouthPoints.Length + f.MouthCrop.Length) * sizeof(float)) ?? 0)
        + (Audio.Samples.LongLength * sizeof(float));
}
