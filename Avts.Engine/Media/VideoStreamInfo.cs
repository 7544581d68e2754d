namespace Avts.Engine.Media;

/// <summary>What ffprobe says about the video stream that is analysed.</summary>
/// <param name="Index">Stream index in the container.</param>
/// <param name="Codec">Codec name (e.g. "h264").</param>
/// <param name="Width">Coded width in pixels, before rotation.</param>
/// <param name="Height">Coded height in pixels, before rotation.</param>
/// <param name="FrameRate">Average frame rate in frames per second (0 when unknown).</param>
/// <param name="StartSeconds">Presentation time of the first frame, in seconds, after edit lists.</param>
/// <param name="DurationSeconds">Stream duration in seconds, when known.</param>
/// <param name="RotationDegrees">Display rotation (0, 90, 180, 270) from the display matrix or rotate tag.</param>
/// <param name="IsVariableFrameRate">True when r_frame_rate and avg_frame_rate disagree (VFR).</param>
public sealed record VideoStreamInfo(
    int Index,
    string Codec,
    int Width,
    int Height,
    double FrameRate,
    double StartSeconds,
    double? DurationSeconds,
    int RotationDegrees,
    bool IsVariableFrameRate)
{
    /// <summary>Sample (pixel) aspect ratio, width over height of one pixel (1 for square pixels or when unknown).</summary>
    public double SampleAspectRatio { get; init; } = 1;

    /// <summary>ffprobe's r_frame_rate: the stream's base rate (0 when unknown); with VFR or AVI it differs from <see cref="FrameRate"/>.</summary>
    public double RealFrameRate { get; init; }

    /// <summary>ffprobe's has_b_frames: how many frames the decoder holds back to reorder B-frames.</summary>
    public int ReorderFrames { get; init; }

    /// <summary>
    /// How far the decoder's output timestamps lag the presentation times, seconds: 0 when packets carry presentation
    /// timestamps. AVI stores decode timestamps only, so a decoder that reorders B-frames outputs every frame stamped
    /// with the decode time of a later packet, late by its reorder delay (has_b_frames frames).
    /// </summary>
    public double ReorderDelaySeconds { get; init; }

    /// <summary>Width of the picture as displayed: sample aspect ratio and rotation applied.</summary>
    public double DisplayWidth => RotationDegrees is 90 or 270 ? Height : Width * SampleAspectRatio;

    /// <summary>Height of the picture as displayed: sample aspect ratio and rotation applied.</summary>
    public double DisplayHeight => RotationDegrees is 90 or 270 ? Width * SampleAspectRatio : Height;
}
