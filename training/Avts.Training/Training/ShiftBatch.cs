using System.Globalization;
using Avts.Engine.Dsp;
using Avts.Engine.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Avts.Training.Training;

/// <summary>
/// Draws and builds the clips of the shift loss: a clip at a random start of a random training video, and its own
/// audio span covering shifts −R … +R at the model's hop (<see cref="ShiftCount"/> = 2·R/hop + 1 candidates; the
/// true one, shift 0, is index <see cref="TrueShiftIndex"/>). Starts leave room for the whole span (and context)
/// inside the soundtrack; videos too short for that are never drawn. Clips are cut with <see cref="AvtsInputs"/> as
/// in <see cref="PairBatch"/>, spans with <see cref="ShiftSpan"/> as in the validation offset metric.
/// </summary>
public sealed class ShiftBatch
{
    private readonly IReadOnlyList<CachedVideo> videos;
    private readonly AvtsModelOptions options;
    private readonly Device device;
    private readonly LogMelSpectrogram mel;
    private readonly int[] eligible;
    private readonly WeightedDraw? draw;
    private readonly float[][] soundtracks;

    /// <summary>
    /// Creates the builder over <paramref name="videos"/> for shifts within ±<paramref name="rangeSeconds"/> (rounded to
    /// whole hops); videos are drawn in proportion to <paramref name="weights"/> (per video) when given, else uniformly.
    /// </summary>
    public ShiftBatch(IReadOnlyList<CachedVideo> videos, AvtsModelOptions options, double rangeSeconds, Device device, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentNullException.ThrowIfNull(options);
        this.videos = videos;
        this.options = options;
        this.device = device;
        mel = PairBatch.MelFor(options);
        TrueShiftIndex = Math.Max(1, (int)Math.Round(rangeSeconds / ShiftSpan.StepSeconds(options)));
        ReachSeconds = TrueShiftIndex * ShiftSpan.StepSeconds(options);
        eligible = Enumerable.Range(0, videos.Count).Where(i => StartRange(videos[i].Range, ReachSeconds) is not null).ToArray();
        if (eligible.Length == 0)
        {
            var needed = options.WindowSeconds + (2 * ReachSeconds) + (2 * AvtsInputs.ContextSeconds(options));
            throw new TrainingDataException(string.Create(CultureInfo.InvariantCulture, $"shift loss: none of the {videos.Count} training videos is long enough for a clip with its audio ±{ReachSeconds:0.###} s around it (about {needed:0.##} s of audio); lower shift_loss.range_s"));
        }

        draw = weights is null ? null : new WeightedDraw(eligible, i => weights[i]);
        soundtracks = [.. videos.Select(v => v.Audio.Samples)];
    }

    /// <summary>Whether augmented batches also get <see cref="AudioAugmentation"/> on their audio spans.</summary>
    public bool AugmentAudio { get; init; }

    /// <summary>Largest |shift| in seconds (the configured range rounded to whole hops).</summary>
    public double ReachSeconds { get; }

    /// <summary>Index of shift 0 among the candidates (also the number of shifts on each side).</summary>
    public int TrueShiftIndex { get; }

    /// <summary>Candidate shifts per clip.</summary>
    public int ShiftCount => (2 * TrueShiftIndex) + 1;

    /// <summary>Indices of the videos long enough to be drawn.</summary>
    public IReadOnlyList<int> EligibleVideos => eligible;

    /// <summary>
    /// Clip starts of a video with <paramref name="range"/> that keep the clip on screen and the audio span of shifts
    /// ±<paramref name="reachSeconds"/> (with context) inside the soundtrack; null when there are none.
    /// </summary>
    public static (double Min, double Max)? StartRange(SamplingRange range, double reachSeconds)
    {
        var min = Math.Max(range.ClipMin, range.AudioMin + reachSeconds);
        var max = Math.Min(range.ClipMax, range.AudioMax - reachSeconds);
        return max >= min ? (min, max) : null;
    }

    /// <summary><paramref name="count"/> clips at uniform random starts of eligible videos (drawn by weight, else uniformly).</summary>
    public ShiftClip[] Draw(Random random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        var clips = new ShiftClip[count];
        for (var i = 0; i < count; i++)
        {
            var video = draw?.Next(random) ?? eligible[random.Next(eligible.Length)];
            var (min, max) = StartRange(videos[video].Range, ReachSeconds)!.Value;
            clips[i] = new ShiftClip(video, min + (random.NextDouble() * (max - min)));
        }

        return clips;
    }

    /// <summary>
    /// Video clips (<see cref="AvtsModelOptions.VideoClipShape"/>), audio spans [B, 1, mel, <see cref="ShiftCount"/> − 1 +
    /// window + 2·context] and true shift indices [B] (int64) for <paramref name="clips"/>; lips clips are augmented with
    /// draws from <paramref name="augment"/> when given (and, with <see cref="AugmentAudio"/>, the audio spans). The tensors belong to the caller's dispose scope.
    /// </summary>
    public (Tensor Video, Tensor AudioSpan, Tensor TrueShifts) Build(IReadOnlyList<ShiftClip> clips, Random? augment = null)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var clipLength = options.VideoClipValues;
        var spanFrames = ShiftSpan.MelFrames(ShiftCount, options);
        var spanLength = options.MelBins * spanFrames;
        var frames = new float[clips.Count * clipLength];
        var spans = new float[clips.Count * spanLength];
        for (var i = 0; i < clips.Count; i++)
        {
            var (index, start) = clips[i];
            var clip = videos[index].Clip(start, options)
                ?? throw new InvalidOperationException($"No clip at {start} s in '{videos[index].Path}' (shift sampling range and AvtsInputs disagree).");
            if (augment is not null && options.IsLips)
            {
                LipAugmentation.Apply(clip, options, augment);
            }

            clip.CopyTo(frames, i * clipLength);
            var samples = ShiftSpan.Samples(videos[index].Audio, start, -TrueShiftIndex, ShiftCount, options)
                ?? throw new InvalidOperationException($"No audio span of ±{ReachSeconds} s around {start} s in '{videos[index].Path}' (shift sampling range and AvtsInputs disagree).");
            if (augment is not null && AugmentAudio)
            {
                AudioAugmentation.Apply(samples, soundtracks, augment);
            }

            PairBatch.CopyLogMel(mel.Compute(samples), spans, i * spanLength, spanFrames);
        }

        var video = tensor(frames, options.VideoClipShape(clips.Count));
        var audio = tensor(spans, [clips.Count, 1, options.MelBins, spanFrames]);
        var trueShifts = full(clips.Count, TrueShiftIndex, dtype: ScalarType.Int64);
        return device.type == DeviceType.CPU ? (video, audio, trueShifts) : (video.to(device), audio.to(device), trueShifts.to(device));
    }
}
