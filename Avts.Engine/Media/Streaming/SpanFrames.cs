namespace Avts.Engine.Media.Streaming;

/// <summary>
/// The decoded frames a span reader still holds: read from the stream up to where the current span ends, trimmed to
/// the requested start and end by their own timestamps, and dropped (their buffers recycled) once no later span needs
/// them. With no video stream every operation is empty.
/// </summary>
internal sealed class SpanFrames(VideoFrameStream? stream)
{
    private readonly List<DecodedFrame> held = [];
    private bool ended = stream is null;

    /// <summary>Frames kept inside the requested span so far.</summary>
    public long Decoded { get; private set; }

    /// <summary>Timestamp of the first frame kept, or null before (or without) one.</summary>
    public double? FirstSeconds { get; private set; }

    private double lastSeconds = double.NegativeInfinity;

    /// <summary>
    /// Reads frames until one lies at or after <paramref name="until"/>, the stream ends, or it passes
    /// <paramref name="limitEnd"/>; frames before <paramref name="limitStart"/> are skipped.
    /// </summary>
    public async Task FillAsync(double limitStart, double limitEnd, double until, CancellationToken cancellationToken)
    {
        while (!ended && (held.Count == 0 || held[^1].Seconds < until))
        {
            if (await stream!.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } frame)
            {
                ended = true;
                break;
            }

            if (frame.Seconds < limitStart)
            {
                stream.Buffers.Return(frame.Pixels);
                continue;
            }

            if (frame.Seconds >= limitEnd)
            {
                // Presentation order: everything after this lies beyond the end too.
                stream.Buffers.Return(frame.Pixels);
                ended = true;
                break;
            }

            held.Add(frame);
            Decoded++;
            FirstSeconds ??= frame.Seconds;
            lastSeconds = frame.Seconds;
        }
    }

    /// <summary>Whether a frame at or after <paramref name="seconds"/> is held (the next span has new picture).</summary>
    public bool HasFramesFrom(double seconds) => held.Count > 0 && held[^1].Seconds >= seconds;

    /// <summary>End of the last frame kept, assuming it lasts one frame at <paramref name="frameRate"/>.</summary>
    public double LastEndSeconds(double frameRate) => lastSeconds + (1 / frameRate);

    /// <summary>The frames presented in [<paramref name="from"/>, <paramref name="to"/>) as one track.</summary>
    public VideoTrack Track(double from, double to)
    {
        var inside = held.Where(f => f.Seconds >= from && f.Seconds < to).ToList();
        var frameBytes = stream!.Width * stream.Height;
        var pixels = GC.AllocateUninitializedArray<byte>(inside.Count * frameBytes);
        for (var i = 0; i < inside.Count; i++)
        {
            inside[i].Pixels.AsSpan(0, frameBytes).CopyTo(pixels.AsSpan(i * frameBytes));
        }

        return new VideoTrack(stream.Width, stream.Height, pixels, [.. inside.Select(f => f.Seconds)]);
    }

    /// <summary>Forgets the frames presented before <paramref name="seconds"/>.</summary>
    public void DropBefore(double seconds)
    {
        var drop = held.FindIndex(f => f.Seconds >= seconds);
        drop = drop < 0 ? held.Count : drop;
        foreach (var frame in held.Take(drop))
        {
            stream!.Buffers.Return(frame.Pixels);
        }

        held.RemoveRange(0, drop);
    }
}
