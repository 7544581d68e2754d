using Avts.Live.Monitor;

namespace Avts.Tests.Web;

/// <summary>One 8 s flash/beep clip (in sync) shared by the web tests, written once per test run.</summary>
internal static class WebTestClip
{
    private static readonly Lazy<Task<string>> Clip = new(WriteAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The clip's path.</summary>
    public static Task<string> PathAsync() => Clip.Value;

    private static async Task<string> WriteAsync()
    {
        var directory = Directory.CreateTempSubdirectory("avts-web-clip-").FullName;
        var path = System.IO.Path.Combine(directory, "clip.mp4");
        await DemoClip.WriteAsync(path, 0, 8, 160, 120, CancellationToken.None);
        return path;
    }
}
