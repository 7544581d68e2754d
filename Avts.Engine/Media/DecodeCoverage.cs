using System.Globalization;

namespace Avts.Engine.Media;

/// <summary>
/// What a decode delivered against what the probe promised. A damaged or oddly muxed input can decode to a fraction
/// of its frames or samples; an answer taken from that fraction must say so, and must not pass.
/// </summary>
/// <param name="VideoFrames">Video frames decoded inside the requested span.</param>
/// <param name="VideoFramesExpected">Frames the probe promised there (duration x frame rate), null when unknown.</param>
/// <param name="AudioSeconds">Seconds of audio the decoder produced there (before gap filling).</param>
/// <param name="AudioSecondsExpected">Seconds the probe promised there, null when unknown.</param>
public sealed record DecodeCoverage(long VideoFrames, long? VideoFramesExpected, double AudioSeconds, double? AudioSecondsExpected)
{
    /// <summary>Share of a stream that may be missing before the decode counts as incomplete.</summary>
    public const double Tolerance = 0.05;

    /// <summary>Whether the decode delivered (nearly) all the probe promised.</summary>
    public bool IsComplete => Problem is null;

    /// <summary>One line on what is missing, or null when nothing is.</summary>
    public string? Problem
    {
        get
        {
            var problems = new List<string>();
            if (VideoFramesExpected is { } frames && frames > 0 && VideoFrames < (frames * (1 - Tolerance)) - 2)
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{VideoFrames} of {frames} video frames ({100.0 * VideoFrames / frames:0} %)"));
            }

            if (AudioSecondsExpected is { } seconds && seconds > 0 && AudioSeconds < (seconds * (1 - Tolerance)) - 0.1)
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{AudioSeconds:0.0} of {seconds:0.0} s of audio ({100.0 * AudioSeconds / seconds:0} %)"));
            }

            return problems.Count == 0 ? null : "decoded only " + string.Join(" and ", problems);
        }
    }
}
