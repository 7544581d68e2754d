namespace Avts.Engine.Media;

/// <summary>Opens inputs with ffprobe and decodes them with ffmpeg (<see cref="MediaSpanReader"/>).</summary>
public sealed class FfmpegMediaOpener : IMediaOpener
{
    /// <inheritdoc />
    public async Task<IMediaSpans> OpenAsync(string input, DecodeOptions options, SpanLayout layout, CancellationToken cancellationToken) =>
        await MediaSpanReader.OpenAsync(input, options, layout, cancellationToken).ConfigureAwait(false);
}
