using Avts.Engine.Media;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;

namespace Avts.Engine.Checking;

/// <summary>What to measure and how to judge it, as read from the command line.</summary>
/// <param name="Method">Estimator name.</param>
/// <param name="Analysis">Window, hop and search range.</param>
/// <param name="Decode">Decode settings (start, duration).</param>
/// <param name="ProfileName">Built-in profile name, used when <paramref name="CustomProfile"/> is null.</param>
/// <param name="CustomProfile">The <c>--tolerance</c> range, when given.</param>
public sealed record CheckSettings(
    string Method,
    AnalysisOptions Analysis,
    DecodeOptions Decode,
    string ProfileName,
    ToleranceProfile? CustomProfile)
{
    /// <summary>The profile to judge against; built-ins like "netflix" need the video frame rate.</summary>
    public ToleranceProfile ResolveProfile(double? frameRate) =>
        CustomProfile ?? ToleranceProfiles.Resolve(ProfileName, frameRate);

    /// <summary>The <c>--weights</c> file for network methods (null = the default lookup, see <see cref="AvtsWeights"/>).</summary>
    public string? WeightsPath { get; init; }

    /// <summary>The <c>--landmarks</c> file (68-point dlib model) for lip-sync methods (null = Debian's libdlib-data file).</summary>
    public string? LandmarksPath { get; init; }
}
