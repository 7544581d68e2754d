namespace Avts.Tests.Fixtures;

/// <summary>Audio codec of a <see cref="SyntheticClip"/>.</summary>
public enum SyntheticAudioCodec
{
    /// <summary>16-bit PCM (Matroska only): sample-exact, no codec delay.</summary>
    Pcm,

    /// <summary>FLAC: lossless, no codec delay.</summary>
    Flac,

    /// <summary>ffmpeg's native AAC-LC encoder: 1024 samples of priming.</summary>
    Aac,

    /// <summary>libopus (48 kHz output): pre-skip, negative start in Matroska.</summary>
    Opus,
}
