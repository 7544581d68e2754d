using Avts.Engine.Media;

namespace Avts.Live.Sources;

/// <summary>
/// Makes the live source for a monitor input: <see cref="FfmpegLiveSource"/> for everything ffmpeg opens, and on
/// Windows the WASAPI microphone through NAudio: <c>wasapi:ID</c> (a microphone alone; ID as <c>avts devices</c>
/// lists it, or <c>default</c>) or <c>dshow:video=NAME+wasapi:ID</c> (a DirectShow camera read by ffmpeg with its
/// device timestamps kept, and the WASAPI microphone, on one clock: see <see cref="SharedClockSource"/>).
/// </summary>
public static class LiveSourceFactory
{
    private const string Wasapi = "wasapi:";

    /// <summary>The source for <paramref name="input"/>, named <paramref name="name"/>.</summary>
    /// <exception cref="MediaInputException">A <c>wasapi:</c> input off Windows, or joined with something other than a DirectShow camera.</exception>
    public static ILiveSource Create(string name, LiveInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parts = input.Location.Split('+', StringSplitOptions.TrimEntries);
        var microphone = Array.FindIndex(parts, p => p.StartsWith(Wasapi, StringComparison.OrdinalIgnoreCase));
        if (microphone < 0)
        {
            return new FfmpegLiveSource(name, input);
        }

        var deviceId = parts[microphone][Wasapi.Length..];
        var camera = parts.Where((_, i) => i != microphone).ToArray();
        if (deviceId.Length == 0 || camera.Length > 1
            || (camera.Length == 1 && !(camera[0].StartsWith("dshow:video=", StringComparison.OrdinalIgnoreCase) && !camera[0].Contains(":audio=", StringComparison.OrdinalIgnoreCase))))
        {
            throw new MediaInputException(
                $"{input.Location}: a WASAPI microphone is wasapi:ID alone or joined with one camera as dshow:video=NAME+wasapi:ID.");
        }

        if (!OperatingSystem.IsWindows())
        {
            throw new MediaInputException($"{input.Location}: WASAPI capture needs Windows (here use pulse:SOURCE or alsa:DEVICE; see avts devices).");
        }

        ILiveSource sound = new WasapiMicrophoneSource(name, deviceId);
        return camera.Length == 0
            ? new SharedClockSource(name, [sound])
            : new SharedClockSource(name, [new FfmpegLiveSource(name, input with { Location = camera[0], KeepDeviceTimestamps = true }), sound]);
    }
}
