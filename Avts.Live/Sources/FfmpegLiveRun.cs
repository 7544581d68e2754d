using System.Reactive.Concurrency;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Avts.Engine.Media;

namespace Avts.Live.Sources;

/// <summary>
/// One subscription of a <see cref="FfmpegLiveSource"/>: finds which media the input has (a probe for files and URLs
/// that were not opened before, <paramref name="known"/> for a reconnect), starts one ffmpeg with video on stdout and
/// audio on a FIFO (or the only medium on stdout), cuts both byte streams by the showinfo/ashowinfo lines and emits the
/// events, serialized (the two readers run concurrently).
/// <para>
/// A listener (<see cref="LiveInput.IsListener"/>) is never probed apart: without <paramref name="known"/> media it is
/// opened for picture and sound. Whenever the input streams ffmpeg lists differ from what was mapped (a listener
/// without sound, a stream that changed between openings), they are remembered for the next opening. It says <see cref="SourceStatus.Listening"/> after Connecting, and its process
/// has no output watchdog (waiting for the sender is its normal state; the reconnect operator's stall timeout still
/// applies once media flowed).
/// </para>
/// </summary>
internal sealed partial class FfmpegLiveRun(LiveInput input, IScheduler clock, IObserver<SourceEvent> observer, KnownMedia known)
{
    private readonly ShowinfoParser parser = new(FfmpegLiveSource.AudioSampleRate);
    private readonly Lock gate = new();
    private readonly RtpTimelineGate? timelineGate = input.IsRtp ? new RtpTimelineGate(input.RtpSyncTimeout) : null;
    private bool connected;
    private (bool Video, bool Audio) planned;
    private bool inInputListing;
    private (bool Video, bool Audio) listed;
    private double lastHoldNotice = double.NegativeInfinity;
    private bool rebase;
    private double origin = double.NaN;

    /// <summary>Network inputs keep what they found for the next opening; files and devices are looked at each time.</summary>
    private bool RemembersMedia => !input.IsCapture && !input.IsFile;

    /// <summary>Runs until ffmpeg exits; returns normally when the input ended.</summary>
    /// <exception cref="MediaInputException">The input cannot be opened or failed; one line.</exception>
    /// <exception cref="OperationCanceledException">Unsubscribed; ffmpeg was killed.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Emit(new SourceStatusEvent(clock.Now, SourceStatus.Connecting, input.Location));
        if (input.IsListener)
        {
            Emit(new SourceStatusEvent(clock.Now, SourceStatus.Listening, "waiting for the sender on " + input.Location));
        }

        var (inputArguments, videoMap, audioMap, copyTimestamps) = await PlanAsync(cancellationToken).ConfigureAwait(false);
        copyTimestamps |= input.IsCapture && input.KeepDeviceTimestamps;
        rebase = copyTimestamps && !input.KeepDeviceTimestamps;

        using var fifo = videoMap is not null && audioMap is not null ? AudioFifo.Create() : null;
        var arguments = FfmpegLiveCommand.Build(input, inputArguments, videoMap, audioMap, copyTimestamps, fifo?.Path ?? "pipe:1");
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fifoTask = fifo is null ? Task.CompletedTask : ReadFifoAsync(fifo, run);

        FfmpegResult? result = null;
        Exception? failure = null;
        try
        {
            result = await FfmpegProcess.RunAsync(
                "ffmpeg",
                arguments,
                videoMap is not null ? ReadVideoAsync : ReadAudioAsync,
                ConsumeLine,
                writeStdin: null,
                input.Environment,
                input.IsListener ? System.Threading.Timeout.InfiniteTimeSpan : input.StallTimeout,
                run.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        // The stderr reader has finished (ffmpeg exited or was killed and its pipes drained): the listing is complete.
        var learned = Reconsider();

        // ffmpeg is gone: unblock a FIFO reader it never opened, and wait for the reader so the FIFO is not deleted under it.
        fifo?.Release();
        var fifoFailure = await ObserveAsync(fifoTask).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (fifoFailure is not null and not OperationCanceledException)
        {
            ExceptionDispatchInfo.Throw(fifoFailure);
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        if (learned is not null && result is { ExitCode: not 0 } && !IsConnected())
        {
            throw new MediaInputException(learned);
        }

        if (result!.ExitCode != 0)
        {
            throw new MediaInputException(FfmpegLiveCommand.Failure(input.Location, result));
        }
    }

    private async Task<(IReadOnlyList<string> Arguments, string? Video, string? Audio, bool CopyTimestamps)> PlanAsync(
        CancellationToken cancellationToken)
    {
        if (input.IsCapture)
        {
            CaptureInput capture;
            try
            {
                capture = CaptureInput.Parse(input.Location);
            }
            catch (FormatException ex)
            {
                throw new MediaInputException(ex.Message, ex);
            }

            return (capture.Arguments, capture.VideoMap, capture.AudioMap, capture.CopyTimestamps);
        }

        bool video;
        bool audio;
        if (RemembersMedia && known.Value is { } remembered)
        {
            (video, audio) = remembered;
        }
        else if (input.IsListener)
        {
            (video, audio) = (true, true);
        }
        else
        {
            (video, audio) = await LiveStreamProbe.ProbeAsync(input, cancellationToken).ConfigureAwait(false);
            if (!video && !audio)
            {
                throw new MediaInputException($"{input.Location}: no video or audio stream.");
            }

            if (RemembersMedia)
            {
                known.Remember(video, audio);
            }
        }

        planned = (video, audio);
        return (FfmpegLiveCommand.InputArguments(input, forProbe: false), video ? "0:v:0" : null, audio ? "0:a:0" : null, false);
    }

    /// <summary>
    /// After a run: when the streams ffmpeg listed for the input differ from what was mapped (a listener assumed
    /// picture and sound, or a stream changed its make-up between openings), they are remembered for the next opening,
    /// and a line saying so is returned (the run's error when it failed before any media because of it).
    /// </summary>
    private string? Reconsider()
    {
        var found = listed;
        if (!RemembersMedia || found == planned || found == (false, false))
        {
            return null;
        }

        known.Remember(found.Video, found.Audio);
        return (found.Video, found.Audio) switch
        {
            (true, false) => $"{input.Location}: the stream has no audio; opening it again for video only.",
            (false, true) => $"{input.Location}: the stream has no video; opening it again for audio only.",
            _ => $"{input.Location}: the stream has video and audio; opening it again for both.",
        };
    }

    private bool IsConnected()
    {
        lock (gate)
        {
            return connected;
        }
    }

    /// <summary>On the stderr thread: notes the input's stream listing, then hands the line to the showinfo parser.</summary>
    private bool ConsumeLine(string line)
    {
        if (line.StartsWith("Input #", StringComparison.Ordinal))
        {
            inInputListing = true;
        }
        else if (line.StartsWith("Output #", StringComparison.Ordinal) || line.StartsWith("Stream mapping:", StringComparison.Ordinal))
        {
            inInputListing = false;
        }
        else if (inInputListing && InputStreamLine().Match(line) is { Success: true } stream)
        {
            listed = stream.Groups["kind"].Value == "Video" ? listed with { Video = true } : listed with { Audio = true };
            return false;
        }

        return parser.Consume(line);
    }

    // ffmpeg's input listing: "  Stream #0:1[0x101](und): Audio: aac (LC) ..." (info level, before the mapping error).
    [System.Text.RegularExpressions.GeneratedRegex(@"Stream #0:\d+\S*: (?<kind>Video|Audio):")]
    private static partial System.Text.RegularExpressions.Regex InputStreamLine();

    private async Task ReadFifoAsync(AudioFifo fifo, CancellationTokenSource run)
    {
        try
        {
            var stream = await fifo.OpenReaderAsync().ConfigureAwait(false);
            await ReadAudioAsync(stream, static () => { }, run.Token).ConfigureAwait(false);
        }
        catch
        {
            // Stop ffmpeg too: the run fails with this reader's error.
            await run.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ReadVideoAsync(Stream stdout, Action progress, CancellationToken cancellationToken)
    {
        await using var stream = new BufferedStream(stdout, 1 << 16);
        var first = new byte[1];

        // Read a byte before waiting for the frame's showinfo line: ffmpeg logs the line before it writes the frame,
        // so once bytes arrived the line is on its way; at end of output no line is awaited.
        while (await stream.ReadAsync(first, cancellationToken).ConfigureAwait(false) == 1)
        {
            var (pts, width, height) = await parser.Video.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var pixels = GC.AllocateUninitializedArray<byte>(width * height);
            pixels[0] = first[0];
            if (await FfmpegProcess.ReadFullyAsync(stream, pixels.AsMemory(1), cancellationToken).ConfigureAwait(false) < pixels.Length - 1)
            {
                return; // Cut short: ffmpeg died mid-frame; its exit code says why.
            }

            progress();
            lock (gate)
            {
                if (Admit(timelineGate?.AdmitVideo(pts)))
                {
                    MarkConnected();
                    observer.OnNext(new VideoFrameEvent(clock.Now, Rebase(pts), width, height, pixels));
                }
            }
        }
    }

    private async Task ReadAudioAsync(Stream pipe, Action progress, CancellationToken cancellationToken)
    {
        await using var stream = new BufferedStream(pipe, 1 << 16);
        var first = new byte[1];
        var bytes = new byte[4096 * sizeof(float)];
        while (await stream.ReadAsync(first, cancellationToken).ConfigureAwait(false) == 1)
        {
            var (pts, count) = await parser.Audio.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var size = count * sizeof(float);
            if (bytes.Length < size)
            {
                bytes = new byte[size];
            }

            bytes[0] = first[0];
            if (await FfmpegProcess.ReadFullyAsync(stream, bytes.AsMemory(1, size - 1), cancellationToken).ConfigureAwait(false) < size - 1)
            {
                return;
            }

            var samples = new float[count];
            MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, size)).CopyTo(samples);
            progress();
            lock (gate)
            {
                if (!Admit(timelineGate?.AdmitAudio(pts, pts + ((double)count / FfmpegLiveSource.AudioSampleRate))))
                {
                    continue;
                }

                MarkConnected();
                var start = Rebase(pts);
                var delayed = start + ((input.AudioDelay?.DelayAt(start) ?? 0) / 1000);
                observer.OnNext(new AudioChunkEvent(clock.Now, delayed, FfmpegLiveSource.AudioSampleRate, samples));
            }
        }
    }

    private void Emit(SourceEvent sourceEvent)
    {
        lock (gate)
        {
            observer.OnNext(sourceEvent);
        }
    }

    /// <summary>
    /// Called under the gate with the RTP timeline gate's verdict (null: no gate). While media are held back, says so
    /// once per second of media, which also tells the stall watchdog the input is alive.
    /// </summary>
    private bool Admit(bool? verdict)
    {
        if (verdict is null or true)
        {
            return true;
        }

        var held = timelineGate!.HeldSeconds;
        if (held - lastHoldNotice >= 1)
        {
            lastHoldNotice = held;
            observer.OnNext(new SourceStatusEvent(clock.Now, SourceStatus.Connecting, "waiting for RTCP to align audio and video"));
        }

        return false;
    }

    /// <summary>Called under the gate before each media event.</summary>
    private void MarkConnected()
    {
        if (!connected)
        {
            connected = true;
            if (RemembersMedia)
            {
                known.Remember(planned.Video, planned.Audio);
            }

            observer.OnNext(new SourceStatusEvent(clock.Now, SourceStatus.Connected, timelineGate?.Reason));
        }
    }

    /// <summary>With <c>-copyts</c> (two capture inputs), moves the shared timeline so that the first media event is at 0.</summary>
    private double Rebase(double pts)
    {
        if (!rebase)
        {
            return pts;
        }

        if (double.IsNaN(origin))
        {
            origin = pts;
        }

        return pts - origin;
    }

    private static async Task<Exception?> ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
