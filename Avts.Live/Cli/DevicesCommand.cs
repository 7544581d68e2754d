using System.CommandLine;
using System.Text.Json;
using Avts.Live.Sources;

namespace Avts.Live.Cli;

/// <summary><c>avts devices</c>: the cameras and microphones <c>avts monitor</c> can open, as monitor inputs.</summary>
internal static class DevicesCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Builds <c>devices</c>.</summary>
    public static Command Create(CliServices services)
    {
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("devices", "List capture devices (v4l2, PulseAudio, ALSA; DirectShow on Windows) as monitor inputs.");
        command.Options.Add(format);
        command.SetAction((parseResult, cancellationToken) => AvtsCli.GuardAsync(parseResult, services, async ct =>
        {
            var listing = await DeviceLister.ListAsync(cancellationToken: ct).ConfigureAwait(false);
            if (parseResult.GetValue(format) == "json")
            {
                services.Out.WriteLine(JsonSerializer.Serialize(listing, JsonOptions));
                return ExitCodes.Pass;
            }

            foreach (var device in listing.Devices)
            {
                var kind = (device.HasVideo, device.HasAudio) switch { (true, true) => "video+audio", (true, false) => "video", _ => "audio" };
                services.Out.WriteLine($"{device.Location,-40} {kind,-12} {device.Description}");
            }

            if (listing.Devices.Count == 0)
            {
                services.Out.WriteLine("no capture devices found");
            }

            foreach (var note in listing.Notes)
            {
                services.Error.WriteLine($"avts: {note}");
            }

            return ExitCodes.Pass;
        }, cancellationToken));
        return command;
    }
}
