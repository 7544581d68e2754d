using Avts.Engine.Editing;
using Avts.Engine.Media;

namespace Avts.Live.Cli;

/// <summary>
/// Everything a command touches outside itself: the decoder, the estimators, the audio re-timer and the two output
/// streams. <see cref="CreateDefault"/> wires the real ones; tests pass fakes and string writers.
/// </summary>
/// <param name="Decode">Probes and decodes an input (real: <see cref="MediaDecoder.DecodeAsync"/>).</param>
/// <param name="Estimators">The estimators for <c>--method</c>.</param>
/// <param name="Retime">Writes a re-timed copy: input, output, delay to remove in ms (real: <see cref="AudioRetimer.RetimeAsync"/>).</param>
/// <param name="Out">Data (reports) go here: stdout.</param>
/// <param name="Error">Messages, logs and progress go here: stderr.</param>
internal sealed record CliServices(
    Func<string, DecodeOptions, CancellationToken, Task<DecodedMedia>> Decode,
    EstimatorRegistry Estimators,
    Func<string, string, double, CancellationToken, Task<AudioRetimeResult>> Retime,
    TextWriter Out,
    TextWriter Error)
{
    /// <summary>Reads an environment variable (AVTS_DEBUG); replaceable in tests.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The production wiring.</summary>
    public static CliServices CreateDefault(TextWriter output, TextWriter error) => new(
        MediaDecoder.DecodeAsync,
        EstimatorRegistry.CreateDefault(),
        AudioRetimer.RetimeAsync,
        output,
        error);
}
