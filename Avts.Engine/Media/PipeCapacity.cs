using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace Avts.Engine.Media;

/// <summary>
/// Enlarges the kernel buffer of a child's output pipe on Linux (<c>fcntl(F_SETPIPE_SZ)</c>), a no-op elsewhere.
/// <para>
/// A pipe holds 64 KiB by default, less than one 320x320 grey frame: ffmpeg then blocks inside every frame's write until
/// .NET's reader has been woken through epoll and a thread-pool hop, and on a busy 2-core machine those stalls land
/// on ffmpeg's single filter-and-output thread. A 60 s check's video decode took 3.2 s under avts against 2.2 s for
/// the same ffmpeg command writing to a shell pipe (docs/results.md, issue 18); with 1 MiB, ffmpeg runs ahead by several
/// frames and the reader takes whole frames per wake-up.
/// </para>
/// </summary>
internal static class PipeCapacity
{
    /// <summary>The kernel's default ceiling for unprivileged processes (<c>/proc/sys/fs/pipe-max-size</c>).</summary>
    public const int DefaultBytes = 1 << 20;

    private const int SetPipeSize = 1031; // F_SETPIPE_SZ, linux/fcntl.h

    /// <summary>Asks for <paramref name="bytes"/> of buffer behind <paramref name="stream"/>; returns whether it was granted.</summary>
    // A refusal (a lowered pipe-max-size, another OS, a stream that is not a pipe) leaves the default: slower, not wrong.
    public static bool TryEnlarge(Stream stream, int bytes = DefaultBytes)
    {
        if (!OperatingSystem.IsLinux() || stream is not PipeStream { SafePipeHandle: { IsInvalid: false } handle })
        {
            return false;
        }

        return Fcntl((int)handle.DangerousGetHandle(), SetPipeSize, bytes) >= bytes;
    }

    // DllImport: LibraryImport's generated stub needs unsafe code, which this assembly does not allow.
    [DllImport("libc", EntryPoint = "fcntl", ExactSpelling = true)]
    private static extern int Fcntl(int descriptor, int command, int argument);
}
