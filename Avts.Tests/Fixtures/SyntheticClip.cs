namespace Avts.Tests.Fixtures;

/// <summary>
/// What <see cref="SyntheticMedia"/> generates; start from <see cref="Default"/> and change what a test needs with
/// <c>with { ... }</c>. Times are on the clip's own timeline, where the audio starts at <see cref="AudioStartSeconds"/>
/// and the video at <see cref="VideoStartSeconds"/>.
/// </summary>
public sealed record SyntheticClip
{
    /// <summary>A 2 s 160x120 25 fps H.264 + 16 kHz mono PCM Matroska clip.</summary>
    public static SyntheticClip Default { get; } = new();

    /// <summary>Length of each stream in seconds.</summary>
    public double DurationSeconds { get; init; } = 2;

    /// <summary>Picture width in pixels (odd sizes are encoded as 4:4:4 since 4:2:0 needs even sizes).</summary>
    public int Width { get; init; } = 160;

    /// <summary>Picture height in pixels.</summary>
    public int Height { get; init; } = 120;

    /// <summary>Frame rate as ffmpeg takes it: "25", "30000/1001".</summary>
    public string FrameRate { get; init; } = "25";

    /// <summary>Whether the clip has a video stream.</summary>
    public bool HasVideo { get; init; } = true;

    /// <summary>Whether the clip has an audio stream.</summary>
    public bool HasAudio { get; init; } = true;

    /// <summary>Audio sample rate in Hz.</summary>
    public int AudioSampleRate { get; init; } = 16000;

    /// <summary>Audio channel count (1 or 2).</summary>
    public int AudioChannels { get; init; } = 1;

    /// <summary>Audio codec.</summary>
    public SyntheticAudioCodec AudioCodec { get; init; } = SyntheticAudioCodec.Pcm;

    /// <summary>Container.</summary>
    public SyntheticContainer Container { get; init; } = SyntheticContainer.Matroska;

    /// <summary>MP4 only: false writes no edit list (<c>-use_editlist 0</c>), leaving AAC priming untrimmed.</summary>
    public bool Mp4EditList { get; init; } = true;

    /// <summary>
    /// MP4 + AAC only: the audio is encoded alone without an edit list and then muxed next to the video by stream
    /// copy, so its priming is presented as content while the video is not shifted (audio late by 1024 samples, as
    /// in files remuxed from a priming-untrimmed AAC). Contrast <see cref="Mp4EditList"/> = false, where ffmpeg shifts
    /// the video by the priming too.
    /// </summary>
    public bool RemuxUntrimmedAudio { get; init; }

    /// <summary>Where the video stream starts on the container timeline, in seconds (<c>-itsoffset</c>).</summary>
    public double VideoStartSeconds { get; init; }

    /// <summary>Where the audio stream starts on the container timeline, in seconds (<c>-itsoffset</c>).</summary>
    public double AudioStartSeconds { get; init; }

    /// <summary>Frame index (from the video's first frame) painted all white, or null for none.</summary>
    public int? FlashFrame { get; init; }

    /// <summary>Seconds after the audio start where a 100 ms 1 kHz beep (starting at full cosine phase) begins, or null.</summary>
    public double? BeepSeconds { get; init; }

    /// <summary>More flash frames (indices from the video's first frame), besides <see cref="FlashFrame"/>.</summary>
    public IReadOnlyList<int> FlashFrames { get; init; } = [];

    /// <summary>More beep starts (seconds after the audio start), besides <see cref="BeepSeconds"/>.</summary>
    public IReadOnlyList<double> BeepsSeconds { get; init; } = [];

    /// <summary>Display rotation tag in degrees (MP4), 0 for none.</summary>
    public int RotationDegrees { get; init; }

    /// <summary>Black picture instead of the moving testsrc2 pattern.</summary>
    public bool BlackVideo { get; init; }

    /// <summary>Digital silence (apart from a beep, if any) instead of a quiet 440 Hz tone.</summary>
    public bool SilentAudio { get; init; }
}
