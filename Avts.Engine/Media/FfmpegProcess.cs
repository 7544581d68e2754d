using System.Diagnostics;

namespace Avts.Engine.Media;

/// <summary>
/// Runs ffmpeg or ffprobe as a child process: arguments through <see cref="ProcessStartInfo.ArgumentList"/>, stdout
/// handed to a consumer while stderr is drained concurrently (an undrained pipe deadlocks ffmpeg), a stall watchdog
/// that kills a process which produces nothing for too long, and the whole process tree killed on cancellation.
/// </summary>
public static class FfmpegProcess
{
    private const int StandardErrorLinesKept = 40;

    /// <summary>
    /// Runs <paramref name="tool"/> ("ffmpeg" or "ffprobe") with <paramref name="arguments"/>. <paramref name="readStdout"/>
    /// receives stdout and a progress callback to call whenever it got data (it resets the stall watchdog).
    /// </summary>
    /// <exception cref="MediaInputException">The tool is not installed, or the run stalled.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; the process was killed.</exception>
    public static Task<FfmpegResult> RunAsync(
        string tool,
        IEnumerable<string> arguments,
        Func<Stream, Action, CancellationToken, Task>? readStdout,
        TimeSpan stallTimeout,
        CancellationToken cancellationToken) =>
        RunAsync(tool, arguments, readStdout, consumeStderrLine: null, stallTimeout, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(string, IEnumerable{string}, Func{Stream, Action, CancellationToken, Task}?, TimeSpan, CancellationToken)"/>,
    /// and every stderr line is first offered to <paramref name="consumeStderrLine"/> (called on one thread, in order);
    /// a line it returns true for is consumed and kept out of <see cref="FfmpegResult.StandardError"/>, so per-frame
    /// logging (showinfo) does not push the real error out of the bounded tail.
    /// </summary>
    /// <exception cref="MediaInputException">The tool is not installed, or the run stalled.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; the process was killed.</exception>
    public static Task<FfmpegResult> RunAsync(
        string tool,
        IEnumerable<string> arguments,
        Func<Stream, Action, CancellationToken, Task>? readStdout,
        Func<string, bool>? consumeStderrLine,
        TimeSpan stallTimeout,
        CancellationToken cancellationToken) =>
        RunAsync(tool, arguments, readStdout, consumeStderrLine, writeStdin: null, stallTimeout, cancellationToken);

    /// <summary>
    /// As the overload above, and <paramref name="writeStdin"/> (when given) feeds the process's stdin (e.g. raw frames
    /// for <c>-i pipe:0</c>) with the same progress callback; stdin is closed when it returns. A write that fails
    /// because the process exited early is not an error here: the exit code and stderr say why.
    /// </summary>
    /// <exception cref="MediaInputException">The tool is not installed, or the run stalled.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; the process was killed.</exception>
    public static Task<FfmpegResult> RunAsync(
        string tool,
        IEnumerable<string> arguments,
        Func<Stream, Action, CancellationToken, Task>? readStdout,
        Func<string, bool>? consumeStderrLine,
        Func<Stream, Action, CancellationToken, Task>? writeStdin,
        TimeSpan stallTimeout,
        CancellationToken cancellationToken) =>
        RunAsync(tool, arguments, readStdout, consumeStderrLine, writeStdin, environment: null, stallTimeout, cancellationToken);

    /// <summary>
    /// As the overload above, with <paramref name="environment"/> (when given) added to the child's environment; live
    /// capture needs it to reach a private PulseAudio daemon (PULSE_SERVER, XDG_RUNTIME_DIR).
    /// </summary>
    /// <exception cref="MediaInputException">The tool is not installed, or the run stalled.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; the process was killed.</exception>
    public static async Task<FfmpegResult> RunAsync(
        string tool,
        IEnumerable<string> arguments,
        Func<Stream, Action, CancellationToken, Task>? readStdout,
        Func<string, bool>? consumeStderrLine,
        Func<Stream, Action, CancellationToken, Task>? writeStdin,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan stallTimeout,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new MediaInputException($"{tool} is not installed or not on PATH (run ./scripts/ensure-deps.sh).", ex);
        }

        // Kill inside Cancel() itself, not later on a continuation: a caller that cancels and then exits (Ctrl-C on a
        // monitor) must not leave ffmpeg running behind it.
        using var killOnCancel = cancellationToken.Register(() => KillTree(process));
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(stallTimeout);
        void Progress() => stall.CancelAfter(stallTimeout);

        // Without a writer, close stdin at once: ffmpeg reads it for interactive keys and must never wait on it.
        var stdinTask = writeStdin is null ? CloseInput(process) : WriteInputAsync(process, writeStdin, Progress, stall.Token);

        var stderrTail = new Queue<string>();
        var stderrTask = DrainStandardErrorAsync(process.StandardError, stderrTail, consumeStderrLine, Progress);
        if (readStdout is not null)
        {
            _ = PipeCapacity.TryEnlarge(process.StandardOutput.BaseStream);
        }

        var stdoutTask = readStdout is null
            ? process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, stall.Token)
            : readStdout(process.StandardOutput.BaseStream, Progress, stall.Token);
        try
        {
            await stdinTask.ConfigureAwait(false);
            await stdoutTask.ConfigureAwait(false);
            await process.WaitForExitAsync(stall.Token).ConfigureAwait(false);
            await stderrTask.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException || !process.HasExited)
        {
            KillTree(process);
            await ObserveQuietly(stdinTask).ConfigureAwait(false);
            await ObserveQuietly(stderrTask).ConfigureAwait(false);
            await ObserveQuietly(stdoutTask).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (ex is OperationCanceledException)
            {
                throw new MediaInputException(
                    $"{tool} produced no data for {stallTimeout.TotalSeconds:0} s (stalled input or decoder); stopped it.", ex);
            }

            throw;
        }

        lock (stderrTail)
        {
            return new FfmpegResult(process.ExitCode, string.Join('\n', stderrTail));
        }
    }

    private static Task CloseInput(Process process)
    {
        process.StandardInput.Close();
        return Task.CompletedTask;
    }

    private static async Task WriteInputAsync(
        Process process, Func<Stream, Action, CancellationToken, Task> write, Action progress, CancellationToken cancellationToken)
    {
        try
        {
            await write(process.StandardInput.BaseStream, progress, cancellationToken).ConfigureAwait(false);
            await process.StandardInput.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The process closed its end (it exited early): its exit code and stderr tell why.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Same: the pipe is already broken.
            }
        }
    }

    private static async Task DrainStandardErrorAsync(
        StreamReader reader, Queue<string> tail, Func<string, bool>? consume, Action progress)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            progress();
            if (consume is not null && consume(line))
            {
                continue;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > StandardErrorLinesKept)
                {
                    tail.Dequeue();
                }
            }
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task ObserveQuietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The process was killed; its pipes fail. The caller reports the original reason.
        }
    }

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes unless the stream ends first; returns bytes read.</summary>
    public static async Task<int> ReadFullyAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>Formats a number for an ffmpeg argument (invariant culture, no exponent).</summary>
    public static string Seconds(double seconds) => seconds.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
