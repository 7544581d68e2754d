namespace Avts.Engine.Media.Streaming;

/// <summary>The audio side of a span reader: the stream and the window of its samples still needed.</summary>
/// <param name="stream">The running audio decode.</param>
/// <param name="window">Its samples, placed from the first sample's pts.</param>
internal sealed class SpanSamples(AudioSampleStream stream, SampleWindow window)
{
    /// <summary>The samples held.</summary>
    public SampleWindow Window => window;

    /// <summary>Whether the stream has delivered its last sample.</summary>
    public bool Ended { get; private set; }

    /// <summary>Reads until the samples reach <paramref name="until"/> seconds or the stream ends.</summary>
    public async Task FillAsync(double until, CancellationToken cancellationToken)
    {
        while (!Ended && window.EndSeconds < until)
        {
            if (await stream.ReadAsync(cancellationToken).ConfigureAwait(false) is { } chunk)
            {
                window.Append(chunk);
            }
            else
            {
                Ended = true;
            }
        }
    }
}
