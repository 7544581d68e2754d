namespace Avts.Tests.Cluster;

/// <summary>Where the repository and the built web host are, seen from the test assembly.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding Avts.Live.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Avts.Web.dll of the same configuration as the tests (bin/Release or bin/Debug).</summary>
    public static string WebDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var dll = Path.Combine(Root, "Avts.Web", "bin", configuration, "net10.0", "Avts.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"build Avts.Web ({configuration}) first", dll);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Avts.Live.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Avts.Live.sln above " + AppContext.BaseDirectory);
    }
}
