using Avts.Web.Engine;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Qa;

/// <summary>
/// Decides which server files a QA job may read: only regular files under <see cref="QaOptions.AllowedRoots"/> (default
/// the data directory's <c>media</c> folder). ".." segments are refused outright, relative paths are taken under the
/// first root, and the final answer is made on the real path with every symlink followed, so a link inside a root
/// that points outside it is refused too.
/// </summary>
public sealed class QaPathGuard
{
    private const int MaxLinkHops = 40;

    /// <summary>Resolves the allowed roots (creating the default media folder).</summary>
    public QaPathGuard(IOptions<AvtsWebOptions> options, DataPaths paths, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = options.Value.Qa.AllowedRoots.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (configured.Count == 0)
        {
            var media = Path.Combine(paths.Directory, "media");
            Directory.CreateDirectory(media);
            configured.Add(media);
        }

        Roots = [.. configured.Select(r => RealPath(Path.GetFullPath(r, environment.ContentRootPath)))];
    }

    /// <summary>The allowed roots, absolute and with symlinks resolved.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>Checks <paramref name="requested"/> (absolute, or relative to the first root).</summary>
    public QaPathCheck Check(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return QaPathCheck.Refused(StatusCodes.Status400BadRequest, "give \"path\": a media file under an allowed root");
        }

        if (requested.Contains('\0', StringComparison.Ordinal))
        {
            return QaPathCheck.Refused(StatusCodes.Status400BadRequest, "the path contains a NUL character");
        }

        // Refused even when the result would land inside a root: a request that climbs is never legitimate here.
        if (requested.Split('/', '\\').Any(segment => segment == ".."))
        {
            return QaPathCheck.Refused(StatusCodes.Status400BadRequest, "path traversal ('..') is not allowed; give a path under an allowed root");
        }

        var full = Path.GetFullPath(requested, Roots[0]);
        if (!IsUnderRoot(full))
        {
            return QaPathCheck.Refused(StatusCodes.Status403Forbidden, "the path is outside the allowed roots (Avts:Qa:AllowedRoots)");
        }

        var real = RealPath(full);
        if (!IsUnderRoot(real))
        {
            return QaPathCheck.Refused(StatusCodes.Status403Forbidden, "the path is a link that leads outside the allowed roots");
        }

        return File.Exists(real)
            ? QaPathCheck.Accepted(real)
            : QaPathCheck.Refused(StatusCodes.Status404NotFound, "no such file under the allowed roots");
    }

    /// <summary>
    /// <paramref name="path"/> (absolute) with every symlink in it followed, component by component, as realpath(3)
    /// does; components that do not exist are kept as they are (a dangling link still counts where it points).
    /// </summary>
    public static string RealPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var pending = new Stack<string>(Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = Path.GetPathRoot(Path.GetFullPath(path)) ?? "/";
        var hops = 0;
        while (pending.TryPop(out var name))
        {
            var next = Path.Combine(current, name);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++hops > MaxLinkHops)
                {
                    throw new IOException($"too many levels of symbolic links in '{path}'");
                }

                // The target replaces this component; a relative target is read from the link's folder.
                var resolved = Path.GetFullPath(target, current);
                foreach (var part in resolved.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(part);
                }

                current = Path.GetPathRoot(resolved) ?? "/";
                continue;
            }

            current = next;
        }

        return current;
    }

    private bool IsUnderRoot(string full) => Roots.Any(root =>
        full.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
