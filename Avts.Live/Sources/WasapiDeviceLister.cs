using System.Runtime.Versioning;
using NAudio.CoreAudioApi;

namespace Avts.Live.Sources;

/// <summary>
/// The active WASAPI capture endpoints (NAudio's <see cref="MMDeviceEnumerator"/>) as <c>wasapi:ID</c> monitor
/// inputs, for <c>avts devices</c> on Windows beside ffmpeg's DirectShow list. Not tested on this (Linux) machine.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WasapiDeviceLister
{
    /// <summary>Adds the endpoints to <paramref name="devices"/>, or a note to <paramref name="notes"/> when WASAPI cannot be asked.</summary>
    public static void List(List<CaptureDevice> devices, List<string> notes)
    {
        try
        {
            using var enumerator = new MMDeviceEnumerator();
            var found = 0;
            foreach (var endpoint in enumerator.EnumerateAudioEndPoints(DataFlow.Capture, DeviceState.Active))
            {
                using (endpoint)
                {
                    devices.Add(new CaptureDevice("wasapi:" + endpoint.ID, endpoint.FriendlyName + " (WASAPI)", HasVideo: false, HasAudio: true));
                    found++;
                }
            }

            if (found == 0)
            {
                notes.Add("wasapi: no active capture endpoint.");
            }
            else
            {
                devices.Add(new CaptureDevice("wasapi:default", "the default capture endpoint (WASAPI)", HasVideo: false, HasAudio: true));
            }
        }
        catch (System.Runtime.InteropServices.COMException ex)
        {
            notes.Add($"wasapi: cannot list capture endpoints ({ex.Message.ReplaceLineEndings(" ")}).");
        }
    }
}
