namespace Avts.Live.Sources;

/// <summary>Where a live source's connection stands.</summary>
public enum SourceStatus
{
    /// <summary>Opening the input for the first time.</summary>
    Connecting,

    /// <summary>Media is flowing.</summary>
    Connected,

    /// <summary>The input ended, failed or stalled; waiting (with backoff) before opening it again.</summary>
    Reconnecting,

    /// <summary>A finite input (a file that is not looped) reached its end.</summary>
    Ended,

    /// <summary>Gave up: the input cannot be opened (bad URL, missing device) or retries are exhausted.</summary>
    Failed,

    /// <summary>
    /// The input is open and waiting for its sender (a listener: udp, rtp, srt listener, rtmp listen; see
    /// <see cref="LiveInput.IsListener"/>). Waiting is not failing: the reconnect operator gives such an opening no
    /// connect timeout, so it is still there, bound, when the sender starts again.
    /// </summary>
    Listening,
}
