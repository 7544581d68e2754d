using Avts.Engine.Checking;
using Avts.Engine.Editing;
using Avts.Engine.Media;
using Microsoft.Extensions.Logging;

namespace Avts.Live.Cli;

/// <summary>
/// Everything a command touches outside itself: the media opener, the estimators, the audio re-timer and the two
/// output streams. <see cref="CreateDefault"/> wires the real ones; tests pass fakes and string writers.
/// </summary>
/// <param name="Opener">Opens inputs for analysis (real: <see cref="FfmpegMediaOpener"/>).</param>
/// <param name="Estimators">The estimators for <c>--method</c>.</param>
/// <param name="Retime">Writes a re-timed copy: input, output, delay to remove in ms (real: <see cref="AudioRetimer.RetimeAsync"/>).</param>
/// <param name="Out">Data (reports) go here: stdout.</param>
/// <param name="Error">Messages, logs and progress go here: stderr.</param>
internal sealed record CliServices(
    IMediaOpener Opener,
    EstimatorRegistry Estimators,
    Func<string, string, double, CancellationToken, Task<AudioRetimeResult>> Retime,
    TextWriter Out,
    TextWriter Error)
{
    /// <summary>Reads an environment variable (AVTS_DEBUG); replaceable in tests.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Whether stderr is a terminal (progress bars); tests and pipes get plain lines.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The production wiring.</summary>
    public static CliServices CreateDefault(TextWriter output, TextWriter error) => new(
        new FfmpegMediaOpener(),
        EstimatorRegistry.CreateDefault(),
        AudioRetimer.RetimeAsync,
        output,
        error);

    /// <summary>The check service over these services; <paramref name="verbose"/> logs its progress to stderr.</summary>
    public SyncCheckService Checker(bool verbose) =>
        new(Opener, Estimators, new LineLogger<SyncCheckService>(Error, verbose ? LogLevel.Information : LogLevel.Warning));

    /// <summary>The fix-and-verify service over these services.</summary>
    public FixService Fixer(bool verbose) => new(Checker(verbose), Retime);
}
