using Avts.Live.Sources;
using Avts.Web.Options;

namespace Avts.Web.Engine;

/// <summary>Checks a <see cref="StreamConfig"/> (from configuration or the API) and turns it into a definition.</summary>
public static class StreamConfigParser
{
    /// <summary>Returns the definition, or null with a one-line <paramref name="error"/>.</summary>
    public static StreamDefinition? TryParse(StreamConfig? config, DateTimeOffset addedAt, out string? error)
    {
        error = Check(config);
        if (error is not null || config is null)
        {
            return null;
        }

        var transport = string.IsNullOrWhiteSpace(config.Transport)
            ? RtspTransport.Auto
            : Enum.Parse<RtspTransport>(config.Transport, ignoreCase: true);
        var delay = string.IsNullOrWhiteSpace(config.InjectDelay) ? null : config.InjectDelay.Trim();
        return new StreamDefinition(config.Name, config.Location, config.Loop, config.RealTime, delay, transport, false, addedAt);
    }

    private static string? Check(StreamConfig? config)
    {
        if (config is null)
        {
            return "a stream needs a body with name and location";
        }

        if (!StreamNames.IsValid(config.Name))
        {
            return $"name '{config.Name}': 1-64 letters, digits, '-', '_' or '.'";
        }

        if (string.IsNullOrWhiteSpace(config.Location))
        {
            return $"stream '{config.Name}': location is required";
        }

        if (!string.IsNullOrWhiteSpace(config.Transport) && !Enum.TryParse<RtspTransport>(config.Transport, ignoreCase: true, out _))
        {
            return $"stream '{config.Name}': transport must be auto, tcp or udp";
        }

        if (!string.IsNullOrWhiteSpace(config.InjectDelay))
        {
            try
            {
                _ = DelaySchedule.Parse(config.InjectDelay);
            }
            catch (FormatException e)
            {
                return $"stream '{config.Name}': injectDelay: {e.Message}";
            }
        }

        return null;
    }
}
