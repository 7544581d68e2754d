namespace Avts.Engine.Media.Streaming;

/// <summary>
/// The decoded frames a span reader still holds, back to back in one buffer: read from the stream up to where the
/// current span ends, trimmed to the requested start and end by their own timestamps, and moved to the front of the
/// buffer once earlier frames are no longer needed. A span's track is a view of that buffer (no copy), valid until the
/// next span is read; a whole-input track gets an exact copy it owns. With no video stream every operation is empty.
/// </summary>
internal sealed class SpanFrames(VideoFrameStream? stream, int expectedFrames)
{
    private readonly int frameBytes = stream is null ? 0 : stream.Width * stream.Height;
    private byte[] pixels = stream is null ? [] : GC.AllocateUninitializedArray<byte>(BufferBytes(Math.Max(1, expectedFrames), stream.Width, stream.Height));
    private double[] timestamps = new double[Math.Max(1, expectedFrames)];
    private int count;
    private bool ended = stream is null;
    private double lastSeconds = double.NegativeInfinity;

    // One array holds every frame: past 2 GB that is a clear input error, not an OverflowException from new byte[].
    private static int BufferBytes(long frames, int width, int height)
    {
        var bytes = frames * width * height;
        return bytes <= Array.MaxLength ? (int)bytes
            : throw new MediaInputException($"{frames} frames of {width}x{height} do not fit one buffer; decode narrower or in shorter spans.");
    }

    /// <summary>Frames kept inside the requested span so far.</summary>
    public long Decoded { get; private set; }

    /// <summary>Timestamp of the first frame kept, or null before (or without) one.</summary>
    public double? FirstSeconds { get; private set; }

    /// <summary>
    /// Reads frames until one lies at or after <paramref name="until"/>, the stream ends, or it passes
    /// <paramref name="limitEnd"/>; frames before <paramref name="limitStart"/> are skipped.
    /// </summary>
    public async Task FillAsync(double limitStart, double limitEnd, double until, CancellationToken cancellationToken)
    {
        while (!ended && (count == 0 || timestamps[count - 1] < until))
        {
            if (await stream!.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } frame)
            {
                ended = true;
                break;
            }

            if (frame.Seconds >= limitStart && frame.Seconds < limitEnd)
            {
                Append(frame);
            }

            stream.Buffers.Return(frame.Pixels);

            // Presentation order: after the end, everything lies beyond it too.
            ended = frame.Seconds >= limitEnd;
        }
    }

    /// <summary>Whether a frame at or after <paramref name="seconds"/> is held (the next span has new picture).</summary>
    public bool HasFramesFrom(double seconds) => count > 0 && timestamps[count - 1] >= seconds;

    /// <summary>End of the last frame kept, assuming it lasts one frame at <paramref name="frameRate"/>.</summary>
    public double LastEndSeconds(double frameRate) => lastSeconds + (1 / frameRate);

    /// <summary>
    /// The frames held before <paramref name="to"/> as one track: a view of the buffer when <paramref name="lend"/>
    /// (valid until the next read), else an exact copy.
    /// </summary>
    public VideoTrack Track(double to, bool lend)
    {
        var n = count;
        while (n > 0 && timestamps[n - 1] >= to)
        {
            n--;
        }

        var frames = lend ? pixels : pixels.AsSpan(0, n * frameBytes).ToArray();
        return new VideoTrack(stream!.Width, stream.Height, frames, timestamps.AsSpan(0, n).ToArray());
    }

    /// <summary>Forgets the frames presented before <paramref name="seconds"/>, moving the rest to the front.</summary>
    public void DropBefore(double seconds)
    {
        var drop = 0;
        while (drop < count && timestamps[drop] < seconds)
        {
            drop++;
        }

        if (drop == 0)
        {
            return;
        }

        pixels.AsSpan(drop * frameBytes, (count - drop) * frameBytes).CopyTo(pixels);
        timestamps.AsSpan(drop, count - drop).CopyTo(timestamps);
        count -= drop;
    }

    private void Append(DecodedFrame frame)
    {
        if (count == timestamps.Length)
        {
            // More frames than one span was expected to hold (VFR bursts, a whole-input read): grow by half.
            var capacity = Math.Max(count + 1, count * 3 / 2);
            var bigger = GC.AllocateUninitializedArray<byte>(BufferBytes(capacity, stream!.Width, stream.Height));
            pixels.AsSpan(0, count * frameBytes).CopyTo(bigger);
            pixels = bigger;
            Array.Resize(ref timestamps, capacity);
        }

        frame.Pixels.AsSpan(0, frameBytes).CopyTo(pixels.AsSpan(count * frameBytes));
        timestamps[count++] = frame.Seconds;
        Decoded++;
        FirstSeconds ??= frame.Seconds;
        lastSeconds = frame.Seconds;
    }
}
