namespace Avts.Live.Pipeline;

/// <summary>
/// The health of one monitored stream, as reported with every window and status change. Every state a stream can be
/// in is here, including the operator's (paused, removed); <see cref="StreamStateNames"/> gives their wire names.
/// </summary>
public enum StreamState
{
    /// <summary>Opening the input; no window yet.</summary>
    Connecting,

    /// <summary>Picture and sound flowing and the last window gave an offset.</summary>
    Live,

    /// <summary>Video flows but no audio arrived for the window.</summary>
    NoAudio,

    /// <summary>Audio flows but no video arrived for the window.</summary>
    NoVideo,

    /// <summary>The sound is silent (below -60 dBFS) over the window.</summary>
    Silent,

    /// <summary>The picture is frozen or black over the window.</summary>
    Frozen,

    /// <summary>Both flow but nothing in them can be synchronised (e.g. a music bed over a static shot); not an alarm.</summary>
    Undetermined,

    /// <summary>The input dropped or stalled; reopening it with backoff.</summary>
    Reconnecting,

    /// <summary>Gave up on the input.</summary>
    Failed,

    /// <summary>A finite input (a file replayed once) reached its end.</summary>
    Ended,

    /// <summary>Kept but not watched: an operator paused it.</summary>
    Paused,

    /// <summary>An operator removed it; no more windows will come.</summary>
    Removed,
}
