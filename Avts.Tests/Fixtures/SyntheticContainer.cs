namespace Avts.Tests.Fixtures;

/// <summary>Container of a <see cref="SyntheticClip"/>.</summary>
public enum SyntheticContainer
{
    /// <summary>Matroska (.mkv), millisecond timestamps.</summary>
    Matroska,

    /// <summary>MP4 (.mp4); AAC priming goes in an edit list unless <see cref="SyntheticClip.Mp4EditList"/> is false.</summary>
    Mp4,
}
