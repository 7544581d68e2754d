namespace Avts.Live.Sources;

/// <summary>
/// Holds back the media of an RTP input until its audio and video share one timeline. ffmpeg's RTP demuxer stamps
/// each stream from its own first packet until an RTCP sender report maps it to wall-clock time; the first stream
/// to get one stays continuous and the other jumps onto the shared timeline when its own report arrives (ffmpeg
/// senders send one at most every 5 s, so a player joining mid-stream waits up to ~5 s). Before that jump the
/// offset between the two is arbitrary, and measuring it would report a delay that is not there. So media pass
/// once either stream's timestamps jump (the re-seat), or, when none is seen (both already aligned, or a server that
/// sends its reports at the start), once <c>timeout</c> of media has gone by.
/// </summary>
/// <param name="timeout">Most media held back without seeing a jump.</param>
internal sealed class RtpTimelineGate(TimeSpan timeout)
{
    // A jump smaller than this is indistinguishable from RTP jitter and too small to matter.
    private const double JumpSeconds = 0.010;

    private double firstPts = double.NaN;
    private double audioEnd = double.NaN;
    private double lastVideoPts = double.NaN;
    private double lastVideoInterval = double.NaN;

    /// <summary>Whether media now pass.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Why the gate opened ("timeline re-seated by RTCP" or "no RTCP re-seat within N s"), once open.</summary>
    public string? Reason { get; private set; }

    /// <summary>Seconds of media held back so far.</summary>
    public double HeldSeconds { get; private set; }

    /// <summary>Looks at a video frame; true when it may pass.</summary>
    public bool AdmitVideo(double pts)
    {
        if (IsOpen)
        {
            return true;
        }

        var interval = pts - lastVideoPts;
        if (!double.IsNaN(lastVideoInterval) && Math.Abs(interval - lastVideoInterval) > JumpSeconds)
        {
            return Open("timeline re-seated by RTCP (video)");
        }

        lastVideoInterval = double.IsNaN(lastVideoPts) ? double.NaN : interval;
        lastVideoPts = pts;
        return Hold(pts);
    }

    /// <summary>Looks at an audio chunk; true when it may pass.</summary>
    public bool AdmitAudio(double pts, double endPts)
    {
        if (IsOpen)
        {
            return true;
        }

        if (!double.IsNaN(audioEnd) && Math.Abs(pts - audioEnd) > JumpSeconds)
        {
            return Open("timeline re-seated by RTCP (audio)");
        }

        audioEnd = endPts;
        return Hold(pts);
    }

    private bool Hold(double pts)
    {
        if (double.IsNaN(firstPts))
        {
            firstPts = pts;
        }

        HeldSeconds = Math.Max(HeldSeconds, pts - firstPts);
        return HeldSeconds >= timeout.TotalSeconds
            && Open(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no RTCP re-seat within {timeout.TotalSeconds:0.#} s"));
    }

    private bool Open(string reason)
    {
        IsOpen = true;
        Reason = reason;
        return true;
    }
}
