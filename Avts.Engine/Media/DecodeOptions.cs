namespace Avts.Engine.Media;

/// <summary>How an input is decoded for analysis.</summary>
public sealed record DecodeOptions
{
    /// <summary>Width of the analysis frames in pixels (height follows the display aspect ratio, rounded to even).</summary>
    public int VideoWidth { get; init; } = 320;

    /// <summary>Whether to decode the video stream (false: <see cref="DecodedMedia.Video"/> stays null).</summary>
    public bool IncludeVideo { get; init; } = true;

    /// <summary>Whether to decode the audio stream (false: <see cref="DecodedMedia.Audio"/> stays null).</summary>
    public bool IncludeAudio { get; init; } = true;

    /// <summary>Mono PCM rate for analysis, in Hz.</summary>
    public int AudioSampleRate { get; init; } = 16000;

    /// <summary>Where to start reading, in seconds of the container timeline (null = from the beginning).</summary>
    public double? StartSeconds { get; init; }

    /// <summary>How much to read, in seconds (null = to the end).</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>
    /// Whether H.264/HEVC deblocking runs. Off by default: motion, onsets and the pixel network read a picture shrunk
    /// by an area scale, within 42-50 dB PSNR of the deblocked one, and deblocking is a fifth of the decoder's CPU
    /// (docs/results.md, issue 18). The lip-sync model turns it on: its landmarks read faces near full size or enlarged,
    /// where the blocks remain (a dev-speaker clip, vox2 00473, got five confidently wrong lips answers without it).
    /// </summary>
    public bool Deblock { get; init; }

    /// <summary>Give up when ffmpeg produces nothing for this long (a stalled network input, a hung decoder).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
