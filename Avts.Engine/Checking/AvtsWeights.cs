namespace Avts.Engine.Checking;

/// <summary>
/// Finds a network method's weights: <c>--weights FILE</c>, else the method's environment variable (AVTS_WEIGHTS for
/// avts/auto, AVTS_LIPS_WEIGHTS for lips), else the method's default file under the current directory, else under the
/// folders above the executable (so a build inside the repository finds the repository's <c>models/</c>). A missing
/// file is a <see cref="FileNotFoundException"/> whose message is the one line the CLI prints.
/// </summary>
public static class AvtsWeights
{
    /// <summary>Where the shipped pixel (nano) model lives, relative to the repository root (or the current directory).</summary>
    public const string DefaultRelativePath = "models/avts-nano.pt";

    /// <summary>Environment variable naming the pixel model's weights.</summary>
    public const string EnvironmentVariable = "AVTS_WEIGHTS";

    /// <summary>Where the shipped lip-sync model lives, relative to the repository root (or the current directory).</summary>
    public const string LipsRelativePath = "models/avts-lips.pt";

    /// <summary>Environment variable naming the lip-sync model's weights.</summary>
    public const string LipsEnvironmentVariable = "AVTS_LIPS_WEIGHTS";

    /// <summary>
    /// Where the shipped second opinion for the lip-sync method lives (a model that also reads a mouth crop; see
    /// <see cref="Scoring.LipsPairEstimator"/>).
    /// </summary>
    public const string LipsSecondRelativePath = "models/avts-lips-crop.pt";

    /// <summary>
    /// Environment variable naming second-opinion weights for the lip-sync method; <see cref="NoSecondOpinion"/> for
    /// the lips model alone. Unset: the shipped second opinion, unless other lips weights were named.
    /// </summary>
    public const string LipsSecondEnvironmentVariable = "AVTS_LIPS_SECOND_WEIGHTS";

    /// <summary>The value of <see cref="LipsSecondEnvironmentVariable"/> that asks for the lips model alone.</summary>
    public const string NoSecondOpinion = "none";

    /// <summary>How many folders above the executable are searched for <see cref="DefaultRelativePath"/>.</summary>
    private const int ParentLevels = 6;

    /// <summary>The one-line message for weights missing at <paramref name="shown"/>.</summary>
    public static string MissingMessage(string shown) =>
        $"no AVTS weights at {shown} (train them with avts-train, see training/README.md, or pass --weights FILE)";

    /// <summary>Resolves the weights path as described on the type.</summary>
    /// <exception cref="FileNotFoundException">No weights where they were asked for or looked for.</exception>
    public static string Resolve(string? explicitPath, Func<string, string?> environment, string currentDirectory, string baseDirectory) =>
        Resolve(explicitPath, DefaultRelativePath, environment, currentDirectory, baseDirectory);

    /// <summary>
    /// As <see cref="Resolve(string?, Func{string, string?}, string, string)"/> for the method whose default file is
    /// <paramref name="defaultRelativePath"/> (<see cref="DefaultRelativePath"/> or <see cref="LipsRelativePath"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">No weights where they were asked for or looked for.</exception>
    public static string Resolve(string? explicitPath, string defaultRelativePath, Func<string, string?> environment, string currentDirectory, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var variable = defaultRelativePath switch
        {
            LipsRelativePath => LipsEnvironmentVariable,
            LipsSecondRelativePath => LipsSecondEnvironmentVariable,
            _ => EnvironmentVariable,
        };

        // An explicit choice is never silently replaced by another file.
        var chosen = !string.IsNullOrWhiteSpace(explicitPath) ? explicitPath : environment(variable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return File.Exists(chosen) ? chosen : throw new FileNotFoundException(MissingMessage(chosen), chosen);
        }

        var local = Path.Combine(currentDirectory, defaultRelativePath);
        if (File.Exists(local))
        {
            return local;
        }

        var folder = new DirectoryInfo(baseDirectory);
        for (var level = 0; folder is not null && level <= ParentLevels; level++, folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, defaultRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(MissingMessage(defaultRelativePath), defaultRelativePath);
    }

    /// <summary>The pixel model's weights for this process (see <see cref="Resolve(string?, Func{string, string?}, string, string)"/>).</summary>
    public static string Resolve(string? explicitPath) => Resolve(explicitPath, DefaultRelativePath);

    /// <summary>The weights of the method whose default file is <paramref name="defaultRelativePath"/>, for this process.</summary>
    public static string Resolve(string? explicitPath, string defaultRelativePath) =>
        Resolve(explicitPath, defaultRelativePath, Environment.GetEnvironmentVariable, Environment.CurrentDirectory, AppContext.BaseDirectory);
}
