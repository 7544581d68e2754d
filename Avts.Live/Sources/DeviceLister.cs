using System.Text;
using System.Text.RegularExpressions;
using Avts.Engine.Media;

namespace Avts.Live.Sources;

/// <summary>
/// Lists capture devices for <c>avts devices</c>. Linux: video4linux devices from /sys/class/video4linux (no v4l2-ctl
/// needed), PulseAudio sources from <c>pactl list short sources</c> (else <c>ffmpeg -sources pulse</c>), ALSA
/// capture devices from <c>arecord -l</c> (else /proc/asound/cards). Windows: DirectShow devices from
/// <c>ffmpeg -list_devices true -f dshow -i dummy</c> (parsing not tested here) and WASAPI capture endpoints through
/// NAudio (<see cref="WasapiDeviceLister"/>, <c>wasapi:ID</c>). A missing tool or source gives a
/// note, never an exception.
/// </summary>
public static partial class DeviceLister
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Lists what is there; <paramref name="environment"/> is passed to the tools (e.g. PULSE_SERVER).</summary>
    public static async Task<DeviceListing> ListAsync(
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var devices = new List<CaptureDevice>();
        var notes = new List<string>();
        if (OperatingSystem.IsWindows())
        {
            await ListDirectShowAsync(devices, notes, cancellationToken).ConfigureAwait(false);
            WasapiDeviceLister.List(devices, notes);
            return new DeviceListing(devices, notes);
        }

        ListVideo4Linux(devices, notes);
        await ListPulseAsync(devices, notes, environment, cancellationToken).ConfigureAwait(false);
        await ListAlsaAsync(devices, notes, environment, cancellationToken).ConfigureAwait(false);
        return new DeviceListing(devices, notes);
    }

    private static void ListVideo4Linux(List<CaptureDevice> devices, List<string> notes)
    {
        const string classDirectory = "/sys/class/video4linux";
        if (!Directory.Exists(classDirectory))
        {
            notes.Add("v4l2: no video4linux devices (/sys/class/video4linux is missing).");
            return;
        }

        foreach (var entry in Directory.GetDirectories(classDirectory).Order(StringComparer.Ordinal))
        {
            var node = "/dev/" + Path.GetFileName(entry);
            var nameFile = Path.Combine(entry, "name");
            var name = File.Exists(nameFile) ? File.ReadAllText(nameFile).Trim() : node;
            devices.Add(new CaptureDevice("v4l2:" + node, name, HasVideo: true, HasAudio: false));
        }
    }

    private static async Task ListPulseAsync(
        List<CaptureDevice> devices, List<string> notes, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var pactl = await RunAsync("pactl", ["list", "short", "sources"], environment, cancellationToken).ConfigureAwait(false);
        if (pactl is { ExitCode: 0 })
        {
            // "0\tvirt.monitor\tmodule-null-sink.c\ts16le 2ch 44100Hz\tIDLE"
            foreach (var fields in Lines(pactl.Value.Output).Select(l => l.Split('\t')).Where(f => f.Length >= 2))
            {
                devices.Add(new CaptureDevice("pulse:" + fields[1], fields.Length > 3 ? $"{fields[1]} ({fields[3]})" : fields[1], false, true));
            }

            return;
        }

        var ffmpeg = await RunAsync("ffmpeg", ["-hide_banner", "-sources", "pulse"], environment, cancellationToken).ConfigureAwait(false);
        var found = 0;
        foreach (var match in Lines(ffmpeg?.Output ?? string.Empty).Select(l => PulseSourceLine().Match(l)).Where(m => m.Success))
        {
            devices.Add(new CaptureDevice("pulse:" + match.Groups["name"].Value, match.Groups["description"].Value, false, true));
            found++;
        }

        if (found == 0)
        {
            notes.Add(pactl is null
                ? "pulse: pactl is not installed and ffmpeg lists no PulseAudio source (is a PulseAudio server running?)."
                : $"pulse: no PulseAudio server reachable ({FirstLine(pactl.Value.Output)}).");
        }
    }

    private static async Task ListAlsaAsync(
        List<CaptureDevice> devices, List<string> notes, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var arecord = await RunAsync("arecord", ["-l"], environment, cancellationToken).ConfigureAwait(false);
        if (arecord is { ExitCode: 0 })
        {
            // "card 0: PCH [HDA Intel PCH], device 0: ALC3246 Analog [ALC3246 Analog]"
            foreach (var match in Lines(arecord.Value.Output).Select(l => ArecordLine().Match(l)).Where(m => m.Success))
            {
                var location = $"alsa:hw:{match.Groups["card"].Value},{match.Groups["device"].Value}";
                devices.Add(new CaptureDevice(location, match.Groups["description"].Value.Trim(), false, true));
            }

            return;
        }

        const string cards = "/proc/asound/cards";
        if (!File.Exists(cards))
        {
            notes.Add("alsa: no sound cards (/proc/asound/cards is missing and arecord is not installed).");
            return;
        }

        // " 0 [PCH            ]: HDA-Intel - HDA Intel PCH"
        foreach (var match in File.ReadAllLines(cards).Select(l => ProcCardLine().Match(l)).Where(m => m.Success))
        {
            devices.Add(new CaptureDevice("alsa:hw:" + match.Groups["card"].Value, match.Groups["description"].Value.Trim(), false, true));
        }
    }

    private static async Task ListDirectShowAsync(List<CaptureDevice> devices, List<string> notes, CancellationToken cancellationToken)
    {
        var result = await RunAsync("ffmpeg", ["-hide_banner", "-list_devices", "true", "-f", "dshow", "-i", "dummy"], null, cancellationToken)
            .ConfigureAwait(false);
        if (result is null)
        {
            notes.Add("dshow: ffmpeg is not installed or not on PATH.");
            return;
        }

        // ffmpeg 5+: [dshow @ 0000...] "Integrated Camera" (video)   (the "Alternative name" lines are skipped)
        foreach (var match in Lines(result.Value.Output).Select(l => DirectShowLine().Match(l)).Where(m => m.Success))
        {
            var name = match.Groups["name"].Value;
            var video = match.Groups["kind"].Value.Contains("video", StringComparison.Ordinal);
            devices.Add(new CaptureDevice(video ? "dshow:video=" + name : "dshow:audio=" + name, name, video, !video));
        }

        if (devices.Count == 0)
        {
            notes.Add("dshow: ffmpeg lists no DirectShow device.");
        }
    }

    /// <summary>Runs a tool, stdout and stderr together; null when it is not installed or does not answer in time.</summary>
    private static async Task<(int ExitCode, string Output)?> RunAsync(
        string tool, string[] arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        using var stdout = new MemoryStream();
        try
        {
            var result = await FfmpegProcess.RunAsync(
                tool,
                arguments,
                (stream, progress, token) => stream.CopyToAsync(stdout, token),
                line =>
                {
                    lock (output)
                    {
                        output.AppendLine(line);
                    }

                    return true;
                },
                writeStdin: null,
                environment,
                ToolTimeout,
                cancellationToken).ConfigureAwait(false);
            lock (output)
            {
                return (result.ExitCode, Encoding.UTF8.GetString(stdout.ToArray()) + output);
            }
        }
        catch (MediaInputException)
        {
            return null;
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string FirstLine(string text) => Lines(text).FirstOrDefault() ?? "no output";

    [GeneratedRegex(@"^\*?\s*(?<name>\S+)\s+\[(?<description>[^\]]*)\]")]
    private static partial Regex PulseSourceLine();

    [GeneratedRegex(@"^card (?<card>\d+): [^,]*, device (?<device>\d+): (?<description>.*)$")]
    private static partial Regex ArecordLine();

    [GeneratedRegex(@"^\s*(?<card>\d+) \[[^\]]*\]: (?<description>.*)$")]
    private static partial Regex ProcCardLine();

    [GeneratedRegex("\"(?<name>[^\"]+)\" \\((?<kind>video|audio)[^)]*\\)")]
    private static partial Regex DirectShowLine();
}
