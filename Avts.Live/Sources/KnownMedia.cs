namespace Avts.Live.Sources;

/// <summary>
/// Which media (picture, sound) a network input had when it was last opened, kept by its
/// <see cref="FfmpegLiveSource"/> across reconnects: a reconnect then starts the live ffmpeg at once instead of
/// probing first (about 1 s saved, and for a listener the port stays bound by one process). Each opening compares it
/// with the input streams ffmpeg lists and remembers those when they differ, so a stream whose make-up changed is
/// mapped right from the next opening on.
/// </summary>
internal sealed class KnownMedia
{
    private readonly Lock gate = new();
    private (bool Video, bool Audio)? media;

    /// <summary>What was last seen, or null.</summary>
    public (bool Video, bool Audio)? Value
    {
        get
        {
            lock (gate)
            {
                return media;
            }
        }
    }

    /// <summary>Remembers what an opening found (ignored when it found neither).</summary>
    public void Remember(bool video, bool audio)
    {
        if (!video && !audio)
        {
            return;
        }

        lock (gate)
        {
            media = (video, audio);
        }
    }
}
