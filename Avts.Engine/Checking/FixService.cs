using Avts.Engine.Editing;
using Avts.Engine.Media;

namespace Avts.Engine.Checking;

/// <summary>
/// The fix-and-verify use case: measure the delay when none is given, write a copy with the audio moved by minus the
/// delay (video copied bit-exact), then check the copy so the operator sees that it now passes. Behind
/// <c>avts fix</c> and the web host's "write corrected copy".
/// </summary>
/// <param name="checker">Measures before and after.</param>
/// <param name="retime">Writes the re-timed copy (real: <see cref="AudioRetimer.RetimeAsync"/>).</param>
public sealed class FixService(SyncCheckService checker, Func<string, string, double, CancellationToken, Task<AudioRetimeResult>> retime)
{
    /// <summary>The production wiring over <paramref name="checker"/>.</summary>
    public FixService(SyncCheckService checker)
        : this(checker, AudioRetimer.RetimeAsync)
    {
    }

    /// <summary>Runs <paramref name="request"/>; <paramref name="progress"/> gets the fraction of the first measurement done.</summary>
    /// <exception cref="MediaInputException">The input cannot be read, the output would overwrite it, or ffmpeg failed.</exception>
    public async Task<FixOutcome> FixAsync(FixRequest request, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.Equals(Path.GetFullPath(request.Input), Path.GetFullPath(request.Output), StringComparison.Ordinal))
        {
            throw new MediaInputException($"refusing to overwrite the input '{request.Input}'; choose another output path.");
        }

        var before = request.DelayMs is null
            ? (await checker.CheckAsync(request.Input, request.Settings, progress, cancellationToken).ConfigureAwait(false)).Report
            : null;
        if ((request.DelayMs ?? before!.AudioDelayMs) is not { } delayMs)
        {
            return new FixOutcome(before, null, null);
        }

        var written = await retime(request.Input, request.Output, delayMs, cancellationToken).ConfigureAwait(false);
        var after = before is not null || request.Verify
            ? (await checker.CheckAsync(request.Output, request.Settings, progress: null, cancellationToken).ConfigureAwait(false)).Report
            : null;
        return new FixOutcome(before, written, after);
    }
}
