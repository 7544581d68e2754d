namespace Avts.Engine.Media;

/// <summary>Opens inputs for span-by-span analysis (real: <see cref="FfmpegMediaOpener"/>; tests use in-memory media).</summary>
public interface IMediaOpener
{
    /// <summary>Probes <paramref name="input"/>; decoding starts when the spans are read.</summary>
    /// <exception cref="MediaInputException">The input is missing, unreadable or not media.</exception>
    Task<IMediaSpans> OpenAsync(string input, DecodeOptions options, SpanLayout layout, CancellationToken cancellationToken);
}
