namespace Avts.Engine.Media;

/// <summary>Decodes an input into timestamped grey frames and mono PCM for analysis.</summary>
public static class MediaDecoder
{
    /// <summary>Probes and decodes <paramref name="input"/>.</summary>
    /// <exception cref="MediaInputException">The input cannot be used.</exception>
    public static Task<DecodedMedia> DecodeAsync(string input, DecodeOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException("MediaDecoder is being written on the media branch.");
}
