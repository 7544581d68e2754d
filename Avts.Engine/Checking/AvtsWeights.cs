namespace Avts.Engine.Checking;

/// <summary>
/// Finds the AVTS network's weights for <c>--method avts|auto</c>: <c>--weights FILE</c>, else the AVTS_WEIGHTS
/// environment variable, else <see cref="DefaultRelativePath"/> under the current directory, else under the folders
/// above the executable (so a build inside the repository finds the repository's <c>models/</c>). A missing file is a
/// <see cref="FileNotFoundException"/> whose message is the one line the CLI prints.
/// </summary>
public static class AvtsWeights
{
    /// <summary>Where the shipped default (nano) model lives, relative to the repository root (or the current directory).</summary>
    public const string DefaultRelativePath = "models/avts-nano.pt";

    /// <summary>Environment variable naming a weights file.</summary>
    public const string EnvironmentVariable = "AVTS_WEIGHTS";

    /// <summary>How many folders above the executable are searched for <see cref="DefaultRelativePath"/>.</summary>
    private const int ParentLevels = 6;

    /// <summary>The one-line message for weights missing at <paramref name="shown"/>.</summary>
    public static string MissingMessage(string shown) =>
        $"no AVTS weights at {shown} (train them with avts-train, see training/README.md, or pass --weights FILE)";

    /// <summary>Resolves the weights path as described on the type.</summary>
    /// <exception cref="FileNotFoundException">No weights where they were asked for or looked for.</exception>
    public static string Resolve(string? explicitPath, Func<string, string?> environment, string currentDirectory, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // An explicit choice is never silently replaced by another file.
        var chosen = !string.IsNullOrWhiteSpace(explicitPath) ? explicitPath : environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return File.Exists(chosen) ? chosen : throw new FileNotFoundException(MissingMessage(chosen), chosen);
        }

        var local = Path.Combine(currentDirectory, DefaultRelativePath);
        if (File.Exists(local))
        {
            return local;
        }

        var folder = new DirectoryInfo(baseDirectory);
        for (var level = 0; folder is not null && level <= ParentLevels; level++, folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, DefaultRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(MissingMessage(DefaultRelativePath), DefaultRelativePath);
    }

    /// <summary><see cref="Resolve(string?, Func{string, string?}, string, string)"/> for this process.</summary>
    public static string Resolve(string? explicitPath) =>
        Resolve(explicitPath, Environment.GetEnvironmentVariable, Environment.CurrentDirectory, AppContext.BaseDirectory);
}
