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
    public double[][] Score(IReadOnlyList<ShiftRequest> requests, AudioTrack audio)
    {
        var options = model.Options;
        var results = new double[requests.Count][];
        if (requests.Count == 0)
        {
            return results;
        }

        if (!ReferenceEquals(mapped, audio))
        {
            Map(audio, requests[0].FirstSample % options.HopLength);
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var embeddings = Embed(requests);
        var frames = map!.shape[2];
        for (var i = 0; i < requests.Count; i++)
        {
            var (_, firstSample, shiftCount) = requests[i];
            var firstFrame = (long)Math.Round((double)(firstSample - origin) / options.HopLength);
            var count = (int)Math.Min(shiftCount, frames - options.AudioWindowFrames - firstFrame + 1);
            var result = new double[shiftCount];
            Array.Fill(result, double.NaN);
            if (firstFrame >= 0 && count > 0)
            {
                using var distances = model.EmbeddingShiftDistances(embeddings.narrow(0, i, 1), map, firstFrame, count);
                distances.to(torch.CPU).to_type(torch.ScalarType.Float64).data<double>().ToArray().CopyTo(result, 0);
            }

            results[i] = result;
        }

        return results;
    }

    /// <summary>Releases the feature map.</summary>
    public void Dispose() => map?.Dispose();

    // One forward pass for every clip: nano embeds a clip in 1.5-2.3 ms in batches of 4-16 against 3.6-7.6 ms alone
    // (2 cores, docs/results.md issue 18), as libtorch's small 3D convolutions are dominated by per-call overhead.
    private torch.Tensor Embed(IReadOnlyList<ShiftRequest> requests)
    {
        var options = model.Options;
        var values = options.VideoClipValues;
        var batch = GC.AllocateUninitializedArray<float>(requests.Count * values);
        for (var i = 0; i < requests.Count; i++)
        {
            requests[i].Clip.AsSpan().CopyTo(batch.AsSpan(i * values, values));
        }

        return model.VideoSubnet.call(torch.tensor(batch, options.VideoClipShape(requests.Count)).to(device));
    }

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
