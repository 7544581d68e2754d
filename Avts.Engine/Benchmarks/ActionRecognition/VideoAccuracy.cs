namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>
/// Clip and video accuracy from each test video's clip probabilities: clip accuracy counts every clip's argmax on its
/// own; video accuracy takes the argmax of the mean of a video's clip softmaxes (the paper's protocol).
/// </summary>
public static class VideoAccuracy
{
    /// <summary>
    /// (clip accuracy, video accuracy) over <paramref name="videos"/>: each a true label and its clips' class
    /// probabilities [clip][class]. NaN for both when there are no videos. Ties go to the lower class index.
    /// </summary>
    public static (double Clip, double Video) Compute(IReadOnlyList<(int Label, float[][] ClipProbabilities)> videos)
    {
        ArgumentNullException.ThrowIfNull(videos);
        var (clips, clipHits, videoHits) = (0, 0, 0);
        foreach (var (label, probabilities) in videos)
        {
            var mean = new double[probabilities[0].Length];
            foreach (var clip in probabilities)
            {
                clips++;
                clipHits += ArgMax(clip.Select(p => (double)p).ToArray()) == label ? 1 : 0;
                for (var c = 0; c < mean.Length; c++)
                {
                    mean[c] += clip[c] / (double)probabilities.Length;
                }
            }

            videoHits += ArgMax(mean) == label ? 1 : 0;
        }

        return videos.Count == 0 ? (double.NaN, double.NaN) : ((double)clipHits / clips, (double)videoHits / videos.Count);
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }

        return best;
    }
}
