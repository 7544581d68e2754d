using System.Globalization;
using Avts.Engine.Media;

namespace Avts.Engine.Reports;

/// <summary>
/// The built-in tolerance profiles, converted to the Avts sign convention (positive = sound late). The standards write
/// "+" for sound early, so "+40/-60 ms" there is [-40, +60] here.
/// </summary>
public static class ToleranceProfiles
{
    /// <summary>The profile used when none is given.</summary>
    public const string DefaultName = "ebu-r37";

    /// <summary>The frame-based profile whose range depends on the video frame rate.</summary>
    public const string NetflixName = "netflix";

    /// <summary>All built-in profile names, default first.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [DefaultName, "itu-bt1359", "itu-bt1359-detect", "atsc-is191", NetflixName];

    /// <summary>Whether <paramref name="name"/> needs the video frame rate to resolve.</summary>
    public static bool NeedsFrameRate(string name) => string.Equals(name, NetflixName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Resolves a built-in profile; <paramref name="frameRate"/> is only used by "netflix".</summary>
    /// <exception cref="ArgumentException">Unknown profile name.</exception>
    /// <exception cref="MediaInputException">"netflix" without a known frame rate.</exception>
    public static ToleranceProfile Resolve(string name, double? frameRate) => name.ToUpperInvariant() switch
    {
        "EBU-R37" => new("ebu-r37", -40, 60, "EBU R37: sound at most 40 ms early or 60 ms late."),
        "ITU-BT1359" => new("itu-bt1359", -90, 185, "ITU-R BT.1359 acceptability: sound at most 90 ms early or 185 ms late."),
        "ITU-BT1359-DETECT" => new(
            "itu-bt1359-detect", -45, 125, "ITU-R BT.1359 detectability: sound at most 45 ms early or 125 ms late."),
        "ATSC-IS191" => new("atsc-is191", -15, 45, "ATSC IS-191: sound at most 15 ms early or 45 ms late."),
        "NETFLIX" => Netflix(frameRate),
        _ => throw new ArgumentException(
            $"unknown profile '{name}' (known: {string.Join(", ", Names)}).", nameof(name)),
    };

    /// <summary>The Netflix delivery rule: the delay must be strictly under one frame either way.</summary>
    /// <exception cref="MediaInputException">The frame rate is unknown.</exception>
    public static ToleranceProfile Netflix(double? frameRate)
    {
        if (frameRate is not { } fps || !double.IsFinite(fps) || fps <= 0)
        {
            throw new MediaInputException(
                "profile netflix needs the video frame rate, which is unknown for this input; use --tolerance=MIN,MAX instead.");
        }

        var frameMs = 1000.0 / fps;
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"Netflix: sound less than one frame early or late (under {frameMs:0.##} ms at {fps:0.###} fps).");
        return new ToleranceProfile(NetflixName, -frameMs, frameMs, description, boundsInclusive: false);
    }
}
