using System.Reflection;

namespace Avts.Engine;

/// <summary>Version and identity of the engine, for reports and logs.</summary>
public static class EngineInfo
{
    /// <summary>The informational version of Avts.Engine (e.g. "0.1.0").</summary>
    public static string Version { get; } =
        typeof(EngineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
