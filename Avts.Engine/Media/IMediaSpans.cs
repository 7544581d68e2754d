namespace Avts.Engine.Media;

/// <summary>An input opened for analysis: its probe result, then its decoded media one span at a time.</summary>
public interface IMediaSpans : IAsyncDisposable
{
    /// <summary>The probe result.</summary>
    MediaInfo Info { get; }

    /// <summary>
    /// The decoded spans in time order (see <see cref="SpanLayout"/>); may be enumerated once. Each span's tracks are
    /// null when the input lacks that stream or it was not asked for. A span is valid until the next one is read: the
    /// reader reuses its frame buffer (analyse a span, then ask for the next; copy what must outlive it).
    /// </summary>
    /// <exception cref="MediaInputException">The input cannot be decoded.</exception>
    IAsyncEnumerable<DecodedMedia> ReadAsync(CancellationToken cancellationToken);

    /// <summary>What the decode delivered against the probe; set once <see cref="ReadAsync"/> has run to its end.</summary>
    DecodeCoverage? Coverage { get; }
}
