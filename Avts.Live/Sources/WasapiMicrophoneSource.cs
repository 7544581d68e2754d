using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Runtime.Versioning;
using Avts.Engine.Media;
using NAudio.CoreAudioApi;
using NAudio.Wave;

namespace Avts.Live.Sources;

/// <summary>
/// A Windows microphone captured through WASAPI (NAudio's <see cref="WasapiRecorder"/>, shared mode, event-driven, in
/// the endpoint's mix format), as audio-only <see cref="AudioChunkEvent"/>s of mono 16 kHz float made by
/// <see cref="MicrophoneChunker"/>. Each chunk's pts is on the performance-counter (QPC) timeline, in seconds: the
/// packet's QPC position (when the device recorded its first frame) anchors a run of samples, re-anchored whenever
/// the count strays 20 ms from it. Nothing is rebased here; <see cref="SharedClockSource"/> moves it (and a camera on
/// the same clock) to start near 0. Emits Connecting at subscribe and Connected before the first chunk; a device
/// that is unplugged or fails ends the sequence with a one-line <see cref="MediaInputException"/>, and the reconnect
/// operator opens it again. Disposing the subscription stops capture. Not tested on this (Linux) machine: only the
/// conversion behind it (<see cref="MicrophoneChunker"/>) is.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WasapiMicrophoneSource : ILiveSource
{
    /// <summary>Creates a source named <paramref name="name"/> for endpoint <paramref name="deviceId"/> ("default": the default capture endpoint).</summary>
    public WasapiMicrophoneSource(string name, string deviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        Name = name;
        DeviceId = deviceId;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The WASAPI endpoint ID (as <c>avts devices</c> lists it after <c>wasapi:</c>) or "default".</summary>
    public string DeviceId { get; }

    /// <inheritdoc/>
    public IObservable<SourceEvent> Open(IScheduler clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Observable.Create<SourceEvent>(observer =>
        {
            var gate = new Lock();
            var stopped = false;
            observer.OnNext(new SourceStatusEvent(clock.Now, SourceStatus.Connecting, "wasapi:" + DeviceId));
            // The enumerator and the endpoint live as long as the recorder that captures from it.
            var resources = new CompositeDisposable();
            WasapiRecorder recorder;
            MicrophoneChunker chunker;
            try
            {
                var enumerator = new MMDeviceEnumerator();
                resources.Add(enumerator);
                var device = DeviceId.Equals("default", StringComparison.OrdinalIgnoreCase)
                    ? enumerator.GetDefaultAudioEndpoint(DataFlow.Capture, Role.Console)
                    : enumerator.GetDevice(DeviceId);
                resources.Add(device);
                recorder = new WasapiRecorderBuilder().WithDevice(device).WithSharedMode().WithEventSync().WithBufferLength(50).Build();
                resources.Add(recorder);
                chunker = new MicrophoneChunker(recorder.WaveFormat);
            }
            catch (Exception ex) when (ex is System.Runtime.InteropServices.COMException or ArgumentException or InvalidOperationException)
            {
                resources.Dispose();
                observer.OnError(new MediaInputException($"wasapi:{DeviceId}: {ex.Message.ReplaceLineEndings(" ")}", ex));
                return Disposable.Empty;
            }

            var connected = false;
            recorder.DataAvailable += (buffer, flags, devicePosition, qpcPosition) =>
            {
                // WASAPI's QPC position is in 100 ns units; the timeline is that clock in seconds.
                var chunks = chunker.Add(
                    buffer,
                    qpcPosition / 10_000_000.0,
                    flags.HasFlag(AudioClientBufferFlags.Silent),
                    flags.HasFlag(AudioClientBufferFlags.DataDiscontinuity),
                    clock.Now);
                lock (gate)
                {
                    if (stopped)
                    {
                        return;
                    }

                    foreach (var chunk in chunks)
                    {
                        if (!connected)
                        {
                            connected = true;
                            observer.OnNext(new SourceStatusEvent(clock.Now, SourceStatus.Connected, recorder.WaveFormat.ToString()));
                        }

                        observer.OnNext(chunk);
                    }
                }
            };
            recorder.RecordingStopped += (_, e) =>
            {
                lock (gate)
                {
                    if (stopped)
                    {
                        return;
                    }

                    stopped = true;
                    var message = $"wasapi:{DeviceId}: {e.Exception?.Message.ReplaceLineEndings(" ") ?? "capture stopped"}";
                    observer.OnError(e.Exception is { } error ? new MediaInputException(message, error) : new MediaInputException(message));
                }
            };
            try
            {
                recorder.StartRecording();
            }
            catch (Exception ex) when (ex is System.Runtime.InteropServices.COMException or InvalidOperationException)
            {
                resources.Dispose();
                observer.OnError(new MediaInputException($"wasapi:{DeviceId}: {ex.Message.ReplaceLineEndings(" ")}", ex));
                return Disposable.Empty;
            }

            return Disposable.Create(() =>
            {
                lock (gate)
                {
                    stopped = true;
                }

                recorder.StopRecording();
                resources.Dispose();
            });
        });
    }
}
