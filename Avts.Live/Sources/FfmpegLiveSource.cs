using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Avts.Engine.Media;

namespace Avts.Live.Sources;

/// <summary>
/// A live source read by one ffmpeg process per subscription: anything ffmpeg opens (file, rtsp, rtmp, srt, hls,
/// udp MPEG-TS) or a capture device (<see cref="CaptureInput"/>). Emits <see cref="SourceStatus.Connecting"/> at
/// subscribe, <see cref="SourceStatus.Connected"/> before the first media event, grey frames of
/// <see cref="LiveInput.VideoWidth"/> and mono <see cref="AudioSampleRate"/> Hz chunks, each with its exact pts from
/// ffmpeg's showinfo/ashowinfo. A finite input (a file, not looped) ends with <see cref="SourceStatus.Ended"/> then
/// completes; a network stream or device that ends just completes; failure is OnError with a one-line
/// <see cref="MediaInputException"/>. Disposing the subscription kills ffmpeg (its process tree) and deletes the FIFO.
/// No reconnecting here: the pipeline's operator does that by subscribing again; a reconnect reuses the media found at
/// the previous opening instead of probing again. A listener (<see cref="LiveInput.IsListener"/>) also emits
/// <see cref="SourceStatus.Listening"/> after Connecting and waits for its sender without an output watchdog.
/// </summary>
public sealed class FfmpegLiveSource : ILiveSource
{
    /// <summary>The audio sample rate of every chunk.</summary>
    public const int AudioSampleRate = 16000;

    private readonly KnownMedia knownMedia = new();

    /// <summary>Creates a source named <paramref name="name"/> reading <paramref name="input"/>.</summary>
    public FfmpegLiveSource(string name, LiveInput input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Location, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(input.VideoWidth, 16, nameof(input));
        Name = name;
        Input = input;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>What it opens.</summary>
    public LiveInput Input { get; }

    /// <inheritdoc/>
    public IObservable<SourceEvent> Open(IScheduler clock)
    {
        ArgumentNullException.ThrowIfNull(clock);

        // Create's async overload completes the sequence when the task returns and errors when it throws; disposing
        // the subscription cancels the token, which kills ffmpeg.
        return Observable.Create<SourceEvent>(async (observer, cancellationToken) =>
        {
            try
            {
                await new FfmpegLiveRun(Input, clock, observer, knownMedia).RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                throw new MediaInputException($"{Input.Location}: {ex.Message.ReplaceLineEndings(" ")}", ex);
            }

            if (Input.IsFinite)
            {
                observer.OnNext(new SourceStatusEvent(clock.Now, SourceStatus.Ended, null));
            }
        });
    }
}
