using System.Diagnostics;
using System.Globalization;
using Avts.Engine.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>
/// Fine-tunes a video subnet plus a new linear head on its pooled pre-projection features
/// (<see cref="VideoEncoder.Features"/>) with cross-entropy and Adam, then scores the test videos. Every run with the
/// same options sees the same clips in the same batch order and starts from the same head, so initialisations differ
/// only in the subnet's weights. No augmentation: a horizontal flip would swap direction-of-motion classes.
/// </summary>
public sealed class FineTuner(FineTuneOptions options, Device device, TextWriter log)
{
    /// <summary>
    /// Trains <paramref name="model"/>'s video subnet (changed in place) on <paramref name="train"/> and scores
    /// <paramref name="test"/>; <paramref name="name"/> labels the log lines.
    /// </summary>
    public FineTuneOutcome Run(
        string name, AvtsModel model, int classCount, IReadOnlyList<LoadedVideo> train, IReadOnlyList<LoadedVideo> test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var encoder = model.Video;

        // The same seed for every initialisation, so the heads start alike.
        torch.random.manual_seed(options.Seed + 1);
        using var head = nn.Linear(encoder.FeatureDim, classCount);
        head.to(device);

        // The projection only serves the sync embedding; it gets no gradient here, so it is left out of the optimiser.
        var parameters = encoder.named_parameters().Where(p => !p.name.StartsWith("projection", StringComparison.Ordinal)).Select(p => p.parameter)
            .Concat(head.parameters()).ToList();
        using var optimizer = optim.Adam(parameters, lr: options.LearningRate);
        var clips = train.SelectMany(v => v.Clips.Select(c => (Clip: c, v.Video.Label))).ToArray();
        var watch = Stopwatch.StartNew();
        var loss = double.NaN;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            loss = TrainEpoch(encoder, head, optimizer, model.Options, clips, epoch, cancellationToken);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts: {name} epoch {epoch}/{options.Epochs}: loss {loss:0.0000} ({clips.Length * epoch / watch.Elapsed.TotalSeconds:0.0} clips/s)"));
        }

        var trainSeconds = watch.Elapsed.TotalSeconds;
        var (clipAccuracy, videoAccuracy) = VideoAccuracy.Compute(Score(encoder, head, model.Options, test, cancellationToken));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts: {name}: clip accuracy {clipAccuracy:P1}, video accuracy {videoAccuracy:P1}"));
        return new FineTuneOutcome(clipAccuracy, videoAccuracy, loss, trainSeconds);
    }

    private double TrainEpoch(
        VideoEncoder encoder, TorchSharp.Modules.Linear head, optim.Optimizer optimizer, AvtsModelOptions modelOptions, (byte[] Clip, int Label)[] clips, int epoch, CancellationToken cancellationToken)
    {
        encoder.train();
        head.train();
        var order = Enumerable.Range(0, clips.Length).ToArray();
        new Random(unchecked((options.Seed * 1000003) + epoch)).Shuffle(order);
        var (total, count) = (0.0, 0);
        for (var from = 0; from < order.Length; from += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order[from..Math.Min(from + options.BatchSize, order.Length)].Select(i => clips[i]).ToList();

            // BatchNorm cannot train on a single clip; a last batch of one is dropped.
            if (batch.Count < 2)
            {
                continue;
            }

            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var input = Batch(batch.Select(b => b.Clip).ToList(), modelOptions);
            var labels = tensor(batch.Select(b => (long)b.Label).ToArray()).to(device);
            var lossTensor = nn.functional.cross_entropy(head.call(encoder.Features(input)), labels);
            lossTensor.backward();
            optimizer.step();
            total += lossTensor.cpu().item<float>() * batch.Count;
            count += batch.Count;
        }

        return count == 0 ? double.NaN : total / count;
    }

    private List<(int Label, float[][] ClipProbabilities)> Score(
        VideoEncoder encoder, TorchSharp.Modules.Linear head, AvtsModelOptions modelOptions, IReadOnlyList<LoadedVideo> test, CancellationToken cancellationToken)
    {
        encoder.eval();
        head.eval();
        var scored = new List<(int, float[][])>(test.Count);
        using var noGrad = no_grad();
        foreach (var video in test)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var probabilities = nn.functional.softmax(head.call(encoder.Features(Batch(video.Clips, modelOptions))), 1).cpu();
            var flat = probabilities.data<float>().ToArray();
            var classes = (int)probabilities.shape[1];
            scored.Add((video.Video.Label, [.. Enumerable.Range(0, video.Clips.Count).Select(k => flat.AsSpan(k * classes, classes).ToArray())]));
        }

        return scored;
    }

    private Tensor Batch(IReadOnlyList<byte[]> packed, AvtsModelOptions clipOptions)
    {
        var size = packed[0].Length;
        var values = new float[packed.Count * size];
        for (var i = 0; i < packed.Count; i++)
        {
            ClipCodec.Unpack(packed[i], clipOptions, values.AsSpan(i * size, size));
        }

        return tensor(values, [packed.Count, clipOptions.VideoChannels, clipOptions.ClipFrames, clipOptions.InputSize, clipOptions.InputSize]).to(device);
    }
}
