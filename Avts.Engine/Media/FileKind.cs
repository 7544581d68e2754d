using System.Diagnostics;

namespace Avts.Engine.Media;

/// <summary>
/// What kind of file system entry a path is. .NET reports a FIFO or a device as an empty regular file, so the kind is
/// asked of <c>stat</c> (coreutils); only paths that look empty are asked, so this costs nothing on real media.
/// </summary>
internal enum FileKind
{
    /// <summary>A regular file (or the kind could not be told).</summary>
    Regular,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A character device (/dev/zero, a webcam).</summary>
    CharacterDevice,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,

    /// <summary>A Unix socket.</summary>
    Socket,
}

/// <summary>Finds the <see cref="FileKind"/> of a path.</summary>
internal static class FileKindExtensions
{
    extension(FileKind)
    {
        /// <summary>The kind of <paramref name="path"/>; <see cref="FileKind.Regular"/> when it cannot be told.</summary>
        public static FileKind Of(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                return FileKind.Regular;
            }

            try
            {
                var start = new ProcessStartInfo("stat") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var argument in new[] { "--format=%F", "--", path })
                {
                    start.ArgumentList.Add(argument);
                }

                using var process = Process.Start(start)!;
                var kind = process.StandardOutput.ReadToEnd().Trim();
                process.StandardError.ReadToEnd();
                process.WaitForExit(5000);
                return kind switch
                {
                    "fifo" => FileKind.Fifo,
                    "character special file" => FileKind.CharacterDevice,
                    "block special file" => FileKind.BlockDevice,
                    "socket" => FileKind.Socket,
                    _ => FileKind.Regular,
                };
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return FileKind.Regular;
            }
        }
    }
}
