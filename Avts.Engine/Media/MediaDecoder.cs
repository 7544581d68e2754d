namespace Avts.Engine.Media;

/// <summary>
/// Decodes a whole input into timestamped grey frames and mono PCM, for inputs short enough to hold at once (training
/// clips, benchmark copies). Checks of inputs of any length read them span by span instead (<see cref="MediaSpanReader"/>,
/// which this is one span of), so both see the same timeline: a frame and a sample with the same time were meant to
/// be presented together.
/// </summary>
public static class MediaDecoder
{
    /// <summary>Probes and decodes <paramref name="input"/>; video and audio run as two concurrent ffmpeg processes.</summary>
    /// <returns>The probe result and the tracks; a track is null when the input lacks that stream or it was not asked for.</returns>
    /// <exception cref="MediaInputException">The input cannot be used.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no ffmpeg process is left running.</exception>
    public static async Task<DecodedMedia> DecodeAsync(string input, DecodeOptions options, CancellationToken cancellationToken)
    {
        await using var reader = await MediaSpanReader.OpenAsync(input, options, SpanLayout.Whole, cancellationToken).ConfigureAwait(false);
        await foreach (var media in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return media;
        }

        return new DecodedMedia(reader.Info, null, null);
    }
}
