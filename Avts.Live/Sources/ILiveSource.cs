using System.Reactive.Concurrency;

namespace Avts.Live.Sources;

/// <summary>
/// A live input (stream URL, file replayed in real time, capture device) as a cold observable: subscribing starts it
/// (an ffmpeg process), disposing the subscription stops it and kills the process. The sequence carries frames, audio
/// chunks and status changes with timestamps from the source's own timeline; it completes when a finite input ends
/// and errors (with <see cref="Avts.Engine.Media.MediaInputException"/>) when the input fails.
/// </summary>
public interface ILiveSource
{
    /// <summary>The stream's display name (unique within one monitor).</summary>
    string Name { get; }

    /// <summary>Starts the input; <paramref name="clock"/> stamps <see cref="SourceEvent.ArrivedAt"/>.</summary>
    IObservable<SourceEvent> Open(IScheduler clock);
}
