using Avts.Engine.Dsp;
using Avts.Engine.Media;
using Avts.Engine.Model;
using TorchSharp;

namespace Avts.Engine.Scoring;

/// <summary>
/// The network's <see cref="IShiftScorer"/>: the log-mel and the audio subnet run once over the whole audio track on
/// the first clip, then every clip embeds its video and pools its shifts from that one feature map. Clips every
/// 0.5 s searched over ±3 s used to compute seven seconds of audio features each, fourteen times over; the map gives
/// each clip exactly the features of its own span (the audio subnet's time convolutions are unpadded). The map's
/// hop grid starts at the first clip's window: at 25 fps every clip falls on it (a frame is 4 hops); at other frame
/// rates a clip is paired with the nearest hop, at most 5 ms off, which averages out over clips.
/// </summary>
/// <param name="model">The network (eval mode).</param>
/// <param name="mel">Its log-mel transform.</param>
/// <param name="device">Where the network runs.</param>
internal sealed class MapShiftScorer(AvtsModel model, LogMelSpectrogram mel, torch.Device device) : IShiftScorer
{
    private AudioTrack? mapped;
    private torch.Tensor? map;
    private long origin;

    /// <inheritdoc />
    public double[] Score(float[] clip, AudioTrack audio, long firstSample, int shiftCount)
    {
        var options = model.Options;
        if (!ReferenceEquals(mapped, audio))
        {
            Map(audio, firstSample % options.HopLength);
        }

        var firstFrame = (long)Math.Round((double)(firstSample - origin) / options.HopLength);
        var frames = map!.shape[2];
        var count = (int)Math.Min(shiftCount, frames - options.AudioWindowFrames - firstFrame + 1);
        var result = new double[shiftCount];
        Array.Fill(result, double.NaN);
        if (firstFrame < 0 || count <= 0)
        {
            return result;
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var videoTensor = torch.tensor(clip, options.VideoClipShape(1)).to(device);
        using var distances = model.ShiftDistancesFromMap(videoTensor, map, firstFrame, count);
        distances.to(torch.CPU).to_type(torch.ScalarType.Float64).data<double>().ToArray().CopyTo(result, 0);
        return result;
    }

    /// <summary>Releases the feature map.</summary>
    public void Dispose() => map?.Dispose();

    private void Map(AudioTrack audio, long start)
    {
        map?.Dispose();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        using var logMel = AvtsModel.LogMelTensor(mel.Compute(audio.Samples.AsSpan((int)start)), device);
        map = model.Audio.FeatureMap(logMel).MoveToOuterDisposeScope();
        mapped = audio;
        origin = start;
    }
}
