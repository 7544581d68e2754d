namespace Avts.Engine.Media.Streaming;

/// <summary>
/// The contiguous samples of one audio stream that are still needed: appended at the end as they are decoded, dropped
/// at the start once every later span begins after them. Sample <c>i</c> (counted from the stream's first sample)
/// is presented at <c>start + i / rate</c>.
/// </summary>
internal sealed class SampleWindow(double startSeconds, int sampleRate)
{
    private float[] buffer = new float[1 << 16];
    private long first;
    private int count;

    /// <summary>Presentation time of the stream's first sample, seconds.</summary>
    public double StartSeconds => startSeconds;

    /// <summary>Presentation time just after the last sample received, seconds.</summary>
    public double EndSeconds => startSeconds + ((double)(first + count) / sampleRate);

    /// <summary>Appends decoded samples.</summary>
    public void Append(ReadOnlySpan<float> samples)
    {
        if (count + samples.Length > buffer.Length)
        {
            var bigger = new float[Math.Max(buffer.Length * 2, count + samples.Length)];
            buffer.AsSpan(0, count).CopyTo(bigger);
            buffer = bigger;
        }

        samples.CopyTo(buffer.AsSpan(count));
        count += samples.Length;
    }

    /// <summary>Forgets the samples presented before <paramref name="seconds"/>.</summary>
    public void DropBefore(double seconds)
    {
        var drop = (int)Math.Clamp(IndexAt(seconds) - first, 0, count);
        if (drop == 0)
        {
            return;
        }

        buffer.AsSpan(drop, count - drop).CopyTo(buffer);
        first += drop;
        count -= drop;
    }

    /// <summary>
    /// The samples presented in [<paramref name="from"/>, <paramref name="to"/>) as a new track (an empty one when none
    /// are held there).
    /// </summary>
    public AudioTrack Slice(double from, double to, double primingCorrectionSeconds)
    {
        var begin = Math.Clamp(IndexAt(from), first, first + count);
        var end = Math.Clamp(IndexAt(to), begin, first + count);
        var samples = buffer.AsSpan((int)(begin - first), (int)(end - begin)).ToArray();
        return new AudioTrack(samples, sampleRate, startSeconds + ((double)begin / sampleRate))
        {
            PrimingCorrectionSeconds = primingCorrectionSeconds,
        };
    }

    // First sample presented at or after `seconds` (the index of an infinite bound saturates).
    private long IndexAt(double seconds)
    {
        var position = Math.Ceiling(((seconds - startSeconds) * sampleRate) - 1e-6);
        return position <= long.MinValue / 2.0 ? long.MinValue / 2 : position >= long.MaxValue / 2.0 ? long.MaxValue / 2 : (long)position;
    }
}
