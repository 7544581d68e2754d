using Avts.Engine.Dsp;
using Avts.Engine.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Avts.Training.Training;

/// <summary>
/// Turns pair descriptions into model inputs: clips and audio windows cut by <see cref="AvtsInputs"/> (the code
/// inference uses), log-mel images from <see cref="LogMelSpectrogram"/>, stacked into tensors on a device. The tensors
/// belong to the caller's dispose scope.
/// </summary>
public sealed class PairBatch
{
    private readonly IReadOnlyList<CachedVideo> videos;
    private readonly AvtsModelOptions options;
    private readonly LogMelSpectrogram mel;
    private readonly Device device;
    private readonly float[][] soundtracks;

    /// <summary>Creates a builder over <paramref name="videos"/> for <paramref name="options"/>.</summary>
    public PairBatch(IReadOnlyList<CachedVideo> videos, AvtsModelOptions options, Device device)
    {
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentNullException.ThrowIfNull(options);
        this.videos = videos;
        this.options = options;
        this.device = device;
        mel = MelFor(options);
        soundtracks = [.. videos.Select(v => v.Audio.Samples)];
    }

    /// <summary>Whether augmented batches also get <see cref="AudioAugmentation"/> on their audio windows.</summary>
    public bool AugmentAudio { get; init; }

    /// <summary>The log-mel transform of <paramref name="options"/>.</summary>
    public static LogMelSpectrogram MelFor(AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LogMelSpectrogram(options.SampleRate, options.FftSize, options.HopLength, options.WindowLength, options.MelBins, options.MelMinHz, options.MelMaxHz, options.LogOffset);
    }

    /// <summary>
    /// Video clips (<see cref="AvtsModelOptions.VideoClipShape"/>), audio windows [B, 1, mel, frames] and labels [B] for
    /// <paramref name="pairs"/>; lips clips (and, with <see cref="AugmentAudio"/>, audio windows) are augmented with draws
    /// from <paramref name="augment"/> when given (training, not validation).
    /// </summary>
    public (Tensor Video, Tensor Audio, Tensor Labels) Build(IReadOnlyList<PairSpec> pairs, Random? augment = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var clipLength = options.VideoClipValues;
        var melFrames = options.AudioWindowFrames + (2 * options.AudioContextFrames);
        var melLength = options.MelBins * melFrames;
        var clips = new float[pairs.Count * clipLength];
        var windows = new float[pairs.Count * melLength];
        var labels = new float[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var clip = videos[pair.VideoIndex].Clip(pair.ClipStart, options)
                ?? throw new InvalidOperationException($"No clip at {pair.ClipStart} s in '{videos[pair.VideoIndex].Path}' (sampling range and AvtsInputs disagree).");
            if (augment is not null && options.IsLips)
            {
                LipAugmentation.Apply(clip, options, augment);
            }

            clip.CopyTo(clips, i * clipLength);
            var samples = AvtsInputs.AudioWindow(videos[pair.AudioVideoIndex].Audio, pair.ClipStart, pair.AudioShift, options)
                ?? throw new InvalidOperationException($"No audio window at {pair.ClipStart + pair.AudioShift} s in '{videos[pair.AudioVideoIndex].Path}' (sampling range and AvtsInputs disagree).");
            if (augment is not null && AugmentAudio)
            {
                AudioAugmentation.Apply(samples, soundtracks, augment);
            }

            CopyLogMel(mel.Compute(samples), windows, i * melLength, melFrames);
            labels[i] = pair.Label;
        }

        var video = tensor(clips, options.VideoClipShape(pairs.Count));
        var audio = tensor(windows, [pairs.Count, 1, options.MelBins, melFrames]);
        var y = tensor(labels);
        return device.type == DeviceType.CPU ? (video, audio, y) : (video.to(device), audio.to(device), y.to(device));
    }

    /// <summary>Copies a [mel, frames] image (row-major, bands as rows) into <paramref name="destination"/>.</summary>
    public static void CopyLogMel(float[,] image, float[] destination, int offset, int expectedFrames)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.GetLength(1) != expectedFrames)
        {
            throw new InvalidOperationException($"log-mel has {image.GetLength(1)} frames, the model expects {expectedFrames}.");
        }

        Buffer.BlockCopy(image, 0, destination, offset * sizeof(float), image.Length * sizeof(float));
    }
}
