namespace Avts.Engine.Media;

/// <summary>One input decoded for analysis: its probe result plus timestamped video and audio, when present.</summary>
/// <param name="Info">The probe result.</param>
/// <param name="Video">Grey frames at the analysis size, or null when the input has no video stream.</param>
/// <param name="Audio">Mono PCM at the analysis rate, or null when the input has no audio stream.</param>
public sealed record DecodedMedia(MediaInfo Info, VideoTrack? Video, AudioTrack? Audio);
