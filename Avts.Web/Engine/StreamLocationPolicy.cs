using System.Text.RegularExpressions;
using Avts.Live.Sources;
using Avts.Web.Options;
using Avts.Web.Qa;
using Microsoft.Extensions.Options;

namespace Avts.Web.Engine;

/// <summary>
/// Decides whether a stream location may be opened (<see cref="LocationOptions"/>): URLs of the allowed schemes, files
/// under the allowed roots (links resolved), devices only when enabled. Every other ffmpeg protocol (<c>file:</c>,
/// <c>concat:</c>, <c>subfile</c>, <c>data:</c>, ...) is refused. A refusal is one line that never says whether a path
/// exists, so the API cannot be used to probe the file system.
/// </summary>
public sealed partial class StreamLocationPolicy
{
    private const string OutsideRoots = "files must be under the allowed roots (Avts:Locations:FileRoots)";
    private readonly HashSet<string> schemes;
    private readonly bool allowDevices;

    /// <summary>Resolves the roots (a missing default <c>media</c> folder is created).</summary>
    public StreamLocationPolicy(IOptions<AvtsWebOptions> options, DataPaths paths, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(environment);
        var locations = options.Value.Locations;
        schemes = new HashSet<string>(
            locations.Schemes.Count > 0 ? locations.Schemes.Select(s => s.Trim()) : LocationOptions.DefaultSchemes, StringComparer.OrdinalIgnoreCase);
        allowDevices = locations.AllowDevices;
        var roots = locations.FileRoots.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (roots.Count == 0)
        {
            var media = Path.Combine(paths.Directory, "media");
            Directory.CreateDirectory(media);
            roots.Add(media);
        }

        FileRoots = [.. roots.Select(r => QaPathGuard.RealPath(Path.GetFullPath(r, environment.ContentRootPath)))];
    }

    /// <summary>The resolved file roots.</summary>
    public IReadOnlyList<string> FileRoots { get; }

    /// <summary>
    /// The location to open (files: the resolved absolute path), or null with a one-line <paramref name="error"/>.
    /// </summary>
    public string? Check(string? location, out string? error)
    {
        error = Refusal(location?.Trim(), out var accepted);
        return error is null ? accepted : null;
    }

    private string? Refusal(string? location, out string? accepted)
    {
        accepted = null;
        if (string.IsNullOrEmpty(location))
        {
            return "location is required";
        }

        if (location.Any(char.IsControl))
        {
            return "the location contains control characters";
        }

        // A "+"-joined wasapi: part opens a microphone whatever comes before it (LiveSourceFactory).
        if (CaptureInput.IsCapture(location)
            || location.Split('+', StringSplitOptions.TrimEntries).Any(part => part.StartsWith("wasapi:", StringComparison.OrdinalIgnoreCase)))
        {
            accepted = location;
            return allowDevices ? null : "capture devices are disabled (Avts:Locations:AllowDevices)";
        }

        if (UrlScheme().Match(location) is { Success: true } url)
        {
            var scheme = url.Groups[1].Value;
            accepted = location;
            return schemes.Contains(scheme) && Uri.TryCreate(location, UriKind.Absolute, out _)
                ? null
                : $"scheme '{scheme.ToLowerInvariant()}' is not allowed (Avts:Locations:Schemes: {string.Join(", ", schemes.Order(StringComparer.Ordinal))})";
        }

        // ffmpeg reads "name:" (and "subfile,...:") before a path as a protocol: only plain absolute or relative paths pass.
        if (!Path.IsPathRooted(location) && ProtocolPrefix().Match(location) is { Success: true } protocol)
        {
            return $"ffmpeg protocol '{protocol.Groups[1].Value.ToLowerInvariant()}' is not allowed; give a URL or a file under the allowed roots";
        }

        if (location.Split('/', '\\').Any(segment => segment == ".."))
        {
            return "path traversal ('..') is not allowed; " + OutsideRoots;
        }

        string real;
        try
        {
            real = QaPathGuard.RealPath(Path.GetFullPath(location, FileRoots[0]));
        }
        catch (IOException)
        {
            return OutsideRoots;
        }

        // Outside or a link leading out: the same answer whether or not the path exists.
        if (!FileRoots.Any(root => IsUnder(real, root)))
        {
            return OutsideRoots;
        }

        accepted = real;
        return null;
    }

    private static bool IsUnder(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal) || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*)://")]
    private static partial Regex UrlScheme();

    [GeneratedRegex("^([A-Za-z0-9+.-]+)[:,]")]
    private static partial Regex ProtocolPrefix();
}
