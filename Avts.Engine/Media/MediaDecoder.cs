namespace Avts.Engine.Media;

/// <summary>
/// Decodes an input into timestamped grey frames and mono PCM for analysis. Timestamps are the container's
/// (<c>-copyts</c>): stream start offsets, edit lists, Opus pre-skip and VFR are kept as they are, and untrimmed AAC
/// priming (see <see cref="AudioStreamInfo.UntrimmedPrimingSamples"/>) is removed, so a frame and a sample with the
/// same time were meant to be presented together.
/// </summary>
public static class MediaDecoder
{
    /// <summary>Probes and decodes <paramref name="input"/>; video and audio run as two concurrent ffmpeg processes.</summary>
    /// <returns>The probe result and the tracks; a track is null when the input lacks that stream or it was not asked for.</returns>
    /// <exception cref="MediaInputException">The input cannot be used.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no ffmpeg process is left running.</exception>
    public static async Task<DecodedMedia> DecodeAsync(string input, DecodeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.VideoWidth, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AudioSampleRate);
        if (options.DurationSeconds is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "DurationSeconds must be positive when set.");
        }

        var info = await MediaProbe.ProbeAsync(input, options.StallTimeout, cancellationToken).ConfigureAwait(false);

        // One failing decode stops the other instead of letting it run to the end.
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var videoTask = options.IncludeVideo && info.Video is { } video
            ? StopOtherOnFailure(VideoFrameDecoder.DecodeAsync(input, info, video, options, both.Token), both)
            : Task.FromResult<VideoTrack?>(null);
        var audioTask = options.IncludeAudio && info.Audio is { } audio
            ? StopOtherOnFailure(AudioPcmDecoder.DecodeAsync(input, info, audio, options, both.Token), both)
            : Task.FromResult<AudioTrack?>(null);

        try
        {
            await Task.WhenAll(videoTask, audioTask).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Report the real failure, not the cancellation it caused in the other decode.
            var failed = new Task[] { videoTask, audioTask }.FirstOrDefault(t => t.IsFaulted);
            if (failed?.Exception?.InnerException is { } cause)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
            }

            throw;
        }

        return new DecodedMedia(info, await videoTask.ConfigureAwait(false), await audioTask.ConfigureAwait(false));
    }

    private static async Task<T?> StopOtherOnFailure<T>(Task<T> decode, CancellationTokenSource both)
        where T : class
    {
        try
        {
            return await decode.ConfigureAwait(false);
        }
        catch
        {
            await both.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
