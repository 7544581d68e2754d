using System.Diagnostics;

namespace Avts.Tests.Live.Sources;

/// <summary>
/// A helper process for live-source tests (RTSP server, publisher, PulseAudio daemon, tone player): arguments through
/// ArgumentList, both pipes drained into a bounded tail, the process tree killed on <see cref="Stop"/>/dispose.
/// </summary>
public sealed class TestProcess : IDisposable
{
    private readonly Process process;
    private readonly Queue<string> tail = new();

    private TestProcess(Process process) => this.process = process;

    /// <summary>True while it runs.</summary>
    public bool IsRunning
    {
        get
        {
            try
            {
                return !process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    /// <summary>The last output lines (stdout and stderr), for failure messages.</summary>
    public string Tail
    {
        get
        {
            lock (tail)
            {
                return string.Join(" | ", tail);
            }
        }
    }

    /// <summary>Starts <paramref name="tool"/>; fails with a clear message when it is not installed.</summary>
    public static TestProcess Start(string tool, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var started = new TestProcess(process);
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"{tool} is not installed; run ./scripts/ensure-deps.sh (it installs {tool}).", ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Kills the process tree and waits for it to go.</summary>
    public void Stop()
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
            // Never started or already gone.
        }
    }

    /// <summary>Stops it.</summary>
    public void Dispose()
    {
        Stop();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > 20)
            {
                tail.Dequeue();
            }
        }
    }
}
