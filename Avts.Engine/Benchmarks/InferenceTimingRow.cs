namespace Avts.Engine.Benchmarks;

/// <summary>
/// Cost of the AVTS estimator on one 1 s window: log-mel of the clip ± range, video embedding once, audio feature map
/// once and the embeddings and distances of every shift (<c>AvtsEstimator</c>'s per-clip path), plus the stages timed
/// apart and the multiply-adds counted from the layer shapes.
/// </summary>
/// <param name="Size">Architecture: nano, tiny or mc3-18.</param>
/// <param name="Weights">"untrained" or the weights file timed.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="RangeSeconds">Largest delay searched each way, seconds.</param>
/// <param name="Shifts">Delays scored (10 ms steps over ±range).</param>
/// <param name="Runs">Timed windows (after one warm-up).</param>
/// <param name="Threads">torch.get_num_threads() during the run.</param>
/// <param name="MinMs">Fastest window, milliseconds (the estimator's scoring call: log-mel, tensors, network, distances).</param>
/// <param name="MedianMs">Median window, milliseconds.</param>
/// <param name="CutMedianMs">Median time to cut the model inputs from 320x180 decoded media (crop, resize, normalise, copy the audio span), milliseconds; not in <paramref name="MedianMs"/>.</param>
/// <param name="LogMelMedianMs">Median log-mel of the audio span (C#), milliseconds.</param>
/// <param name="VideoMedianMs">Median video embedding, milliseconds.</param>
/// <param name="AudioMapMedianMs">Median audio feature map over the span, milliseconds.</param>
/// <param name="ShiftsMedianMs">Median pooling, projection and distance of every shift, milliseconds.</param>
/// <param name="VideoGmac">Multiply-adds of the video subnet per window, 10⁹.</param>
/// <param name="AudioGmac">Multiply-adds of the audio subnet per window (feature map + projection of every shift), 10⁹.</param>
/// <param name="Gflop">Floating-point operations per window (2 per multiply-add), 10⁹.</param>
/// <param name="GflopPerSecond">Gflop / median window time.</param>
/// <param name="PercentOfPeak">GflopPerSecond as a percentage of the measured matrix-multiply rate (<see cref="MatmulPeakRow"/>).</param>
/// <param name="CheckClipMs">
/// Milliseconds per 1 s clip of the network's share of a check (<c>AvtsEstimator</c>'s window scoring over synthetic
/// media of <see cref="InferenceBenchmark.CheckSeconds"/>: the clips of each analysis window embedded in one batch, the
/// log-mel and audio map once per input, the frozen-picture gate; inputs cut beforehand, see
/// <paramref name="CutMedianMs"/>), median of the runs.
/// </param>
/// <param name="CheckClips">Clips one such run scores.</param>
public sealed record InferenceTimingRow(
    string Size,
    string Weights,
    long Parameters,
    double RangeSeconds,
    int Shifts,
    int Runs,
    int Threads,
    double MinMs,
    double MedianMs,
    double CutMedianMs,
    double LogMelMedianMs,
    double VideoMedianMs,
    double AudioMapMedianMs,
    double ShiftsMedianMs,
    double VideoGmac,
    double AudioGmac,
    double Gflop,
    double GflopPerSecond,
    double PercentOfPeak,
    double CheckClipMs,
    int CheckClips) : SpeedRow;
