using System.Runtime.CompilerServices;
using Avts.Engine.Media;

namespace Avts.Tests.Fixtures;

/// <summary>Opens inputs as media produced in memory: one span, the whole input, decoded completely.</summary>
internal sealed class InMemoryOpener(Func<string, DecodeOptions, CancellationToken, DecodedMedia> decode) : IMediaOpener
{
    public Task<IMediaSpans> OpenAsync(string input, DecodeOptions options, SpanLayout layout, CancellationToken cancellationToken) =>
        Task.FromResult<IMediaSpans>(new Spans(decode(input, options, cancellationToken)));

    private sealed class Spans(DecodedMedia media) : IMediaSpans
    {
        public MediaInfo Info => media.Info;

        public DecodeCoverage? Coverage { get; private set; }

        public async IAsyncEnumerable<DecodedMedia> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return media;
            Coverage = new DecodeCoverage(media.Video?.FrameCount ?? 0, media.Video?.FrameCount, media.Audio is { } a ? (double)a.Samples.Length / a.SampleRate : 0, null);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
