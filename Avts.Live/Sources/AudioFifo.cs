using System.Diagnostics;
using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;
using Avts.Engine.Media;

namespace Avts.Live.Sources;

/// <summary>
/// The second output channel of the live ffmpeg (audio, while video uses stdout): <see cref="Process"/> cannot hand
/// a child extra file descriptors, so ffmpeg writes to a named pipe. On Unix that is a FIFO (made with the
/// <c>mkfifo</c> command) in a private temp directory removed on dispose; on Windows a named pipe server that ffmpeg
/// opens as a file (not tested here). ffmpeg's open of the FIFO blocks until a reader opens it and vice versa, so the
/// reader is opened on its own thread and <see cref="Release"/> unblocks it when ffmpeg never got that far.
/// </summary>
internal sealed class AudioFifo : IDisposable
{
    private readonly string? directory;
    private readonly NamedPipeServerStream? windowsPipe;
    private readonly CancellationTokenSource released = new();
    private readonly Lock gate = new();
    private Stream? reader;

    private AudioFifo(string path, string? directory, NamedPipeServerStream? windowsPipe)
    {
        Path = path;
        this.directory = directory;
        this.windowsPipe = windowsPipe;
    }

    /// <summary>What ffmpeg writes to.</summary>
    public string Path { get; }

    /// <summary>Creates the pipe.</summary>
    /// <exception cref="MediaInputException">mkfifo is missing or failed.</exception>
    public static AudioFifo Create()
    {
        var name = "avts-audio-" + Guid.NewGuid().ToString("N")[..12];
        if (OperatingSystem.IsWindows())
        {
            var server = new NamedPipeServerStream(name, PipeDirection.In, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
            return new AudioFifo(@"\\.\pipe\" + name, null, server);
        }

        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name);
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = System.IO.Path.Combine(directory, "audio.f32");
        try
        {
            MakeFifo(path);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }

        return new AudioFifo(path, directory, null);
    }

    /// <summary>Opens the reading end; completes when ffmpeg opened the writing end or <see cref="Release"/> was called.</summary>
    public async Task<Stream> OpenReaderAsync()
    {
        if (windowsPipe is not null)
        {
            try
            {
                await windowsPipe.WaitForConnectionAsync(released.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return Stream.Null;
            }

            return windowsPipe;
        }

        // open(2) of a FIFO blocks the thread; keep it off the pool's workers.
        var stream = await Task.Factory.StartNew(
            OpenFifoForAsyncReads,
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).ConfigureAwait(false);
        lock (gate)
        {
            // The stream stays open until Dispose, so a later Release can always pair its write-open with it.
            reader = stream;
        }

        return stream;
    }

    /// <summary>
    /// Opens the FIFO as a pipe stream rather than a <see cref="FileStream"/>: a FileStream's async read of a FIFO is a
    /// blocking read(2) on a thread-pool worker, so every live stream held one worker for good, and with 8 or more
    /// streams on 2 cores the pool ran out of workers for scoring (windows waited ~1 s for thread injection). A pipe
    /// stream reads through the runtime's epoll loop, as the process's stdout and stderr already do.
    /// </summary>
    private Stream OpenFifoForAsyncReads()
    {
        using var file = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var handle = new SafePipeHandle(file.DangerousGetHandle(), ownsHandle: true);
        file.SetHandleAsInvalid(); // the pipe handle owns the descriptor from here on
        try
        {
            return new AnonymousPipeClientStream(PipeDirection.In, handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Call once ffmpeg has exited: if the reader is still blocked in open (ffmpeg failed before opening the FIFO),
    /// opening and closing the writing end lets it through to end-of-file.
    /// </summary>
    public void Release()
    {
        released.Cancel();
        if (windowsPipe is not null)
        {
            return;
        }

        lock (gate)
        {
            if (reader is not null)
            {
                return;
            }
        }

        // Never blocks for long: the reader thread is either in open() (this pairs with it) or holds the FIFO open.
        using var writer = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
    }

    /// <summary>Closes the reader and deletes the FIFO and its directory.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            reader?.Dispose();
        }

        windowsPipe?.Dispose();
        released.Dispose();
        if (directory is not null)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Nothing holds it after the reader closed; a failure here only leaves an empty FIFO in temp.
            }
        }
    }

    private static void MakeFifo(string path)
    {
        var startInfo = new ProcessStartInfo("mkfifo")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-m");
        startInfo.ArgumentList.Add("600");
        startInfo.ArgumentList.Add(path);
        try
        {
            using var process = Process.Start(startInfo)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new MediaInputException($"mkfifo {path} failed: {error.Result.Trim()}");
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new MediaInputException("mkfifo (coreutils) is not installed; it is needed to read audio and video from one ffmpeg.", ex);
        }
    }
}
