namespace Avts.Engine.Media;

/// <summary>
/// Decoded 8-bit grey frames at the analysis size, each with its presentation timestamp (seconds, container
/// timeline, rotation already applied). Frames are stored back to back in <see cref="Pixels"/>.
/// </summary>
public sealed class VideoTrack
{
    /// <summary>
    /// Creates a track; <paramref name="pixels"/> starts with <c>timestamps.Length</c> frames of width x height bytes
    /// (it may be longer: a span reader lends its buffer, whose tail is not part of the track).
    /// </summary>
    public VideoTrack(int width, int height, byte[] pixels, double[] timestampsSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(timestampsSeconds);
        if (pixels.Length < (long)width * height * timestampsSeconds.Length)
        {
            throw new ArgumentException("Pixel buffer is shorter than width x height x frame count.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
        TimestampsSeconds = timestampsSeconds;
    }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>All frames, grey, row-major, back to back (the array may be longer than the frames: see <see cref="FramePixels"/>).</summary>
    public byte[] Pixels { get; }

    /// <summary>Exactly the frames' bytes (<see cref="FrameCount"/> x width x height) at the start of <see cref="Pixels"/>.</summary>
    public ReadOnlySpan<byte> FramePixels => Pixels.AsSpan(0, FrameCount * Width * Height);

    /// <summary>Presentation timestamp of each frame in seconds, strictly increasing.</summary>
    public double[] TimestampsSeconds { get; }

    /// <summary>Number of frames.</summary>
    public int FrameCount => TimestampsSeconds.Length;

    /// <summary>The pixels of frame <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Frame(int index) => Pixels.AsSpan(index * Width * Height, Width * Height);

    /// <summary>
    /// Index of the first frame presented at or after <paramref name="seconds"/> (1 ns of slack for rounding), or
    /// <see cref="FrameCount"/> when every frame is earlier.
    /// </summary>
    public int FirstFrameAtOrAfter(double seconds)
    {
        var index = Array.BinarySearch(TimestampsSeconds, seconds - 1e-9);
        return index >= 0 ? index : ~index;
    }

    /// <summary>Presentation time of the first frame, in seconds (0 when empty).</summary>
    public double StartSeconds => FrameCount == 0 ? 0 : TimestampsSeconds[0];

    /// <summary>End of the last frame's display interval, in seconds (0 when empty).</summary>
    public double EndSeconds => FrameCount switch
    {
        0 => 0,
        1 => TimestampsSeconds[0],
        _ => TimestampsSeconds[^1] + ((TimestampsSeconds[^1] - TimestampsSeconds[0]) / (FrameCount - 1)),
    };
}
