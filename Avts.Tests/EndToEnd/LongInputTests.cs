using System.Runtime.CompilerServices;
using Avts.Engine.Checking;
using Avts.Engine.Media;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;
using Avts.Tests.Fixtures;

namespace Avts.Tests.EndToEnd;

/// <summary>Long inputs are decoded once and analysed a span at a time; the merged result matches a one-piece check.</summary>
public sealed class LongInputTests(SyntheticMedia media) : IClassFixture<SyntheticMedia>
{
    [Fact]
    public async Task Check_InputLongerThanOneSpan_MergesSpansIntoOneResult()
    {
        const int DelayMs = -80;
        int[] flashes = [.. Enumerable.Range(0, 16).Select(k => 30 + (k * 53) + (k % 3 * 7))];
        var clip = SyntheticClip.Default with
        {
            DurationSeconds = 40,
            FlashFrames = flashes,
            BeepsSeconds = [.. flashes.Select(n => (n / 25.0) + (DelayMs / 1000.0))],
        };
        var path = await media.CreateAsync(clip, "long");
        var settings = new CheckSettings("onset", new AnalysisOptions(), new DecodeOptions(), ToleranceProfiles.DefaultName, null);
        var opener = new SpanCountingOpener();
        var checker = new SyncCheckService(opener, EstimatorRegistry.CreateDefault()) { SpanSeconds = 15 };

        var outcome = await checker.CheckAsync(path, settings, progress: null, CancellationToken.None);

        // One decode, three spans: [0, 21), [15, 36), [30, 40) seconds of picture.
        Assert.Equal(1, opener.Opened);
        Assert.Equal([0.0, 15.0, 30.0], opener.SpanStarts.Select(s => Math.Round(s, 2)));
        Assert.True(opener.SpanEnds[0] is > 20.9 and < 21.0, $"first span ends at {opener.SpanEnds[0]}");
        Assert.True(outcome.Report.AudioDelayMs is not null, $"confidence {outcome.Report.Confidence}");
        Assert.InRange(outcome.Report.AudioDelayMs!.Value, DelayMs - 5, DelayMs + 5);
        Assert.True(outcome.Report.Windows[^1].EndS > 35, "the windows reach the end of the input");
        Assert.Equal(outcome.Report.Windows.Count, outcome.Report.Windows.Select(w => w.StartS).Distinct().Count());
        Assert.True(outcome.Report.Decode is { Complete: true }, "the decode covered the whole input");
    }

    [Fact]
    public async Task Check_MethodAskingForAHugeDecode_GetsTheWidthMemoryAllows()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { DurationSeconds = 4, Width = 320, Height = 180 }, "wide");
        var wide = new WideningEstimator();
        var checker = new SyncCheckService(new FfmpegMediaOpener(), new EstimatorRegistry().Add("wide", () => wide));
        var settings = new CheckSettings("wide", new AnalysisOptions(), new DecodeOptions(), ToleranceProfiles.DefaultName, null);

        await checker.CheckAsync(path, settings, progress: null, CancellationToken.None);

        // 25 fps 16:9 frames, 3 windows of 6 s + overlap held: sqrt(600 MB / (26.25 s x 25 x 0.5625)) = 1274 px, even.
        Assert.Equal(1274, wide.AnalysedWidth);
    }

    /// <summary>Asks for 100,000 px wide frames (a "face" found tiny in a big picture did) and records what it got.</summary>
    private sealed class WideningEstimator : ISyncEstimator
    {
        public int AnalysedWidth { get; private set; }

        public string Name => "wide";

        public Task<DecodeOptions> PrepareDecodeAsync(string input, MediaInfo info, DecodeOptions requested, CancellationToken cancellationToken) =>
            Task.FromResult(requested with { VideoWidth = 100_000 });

        public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken)
        {
            AnalysedWidth = media.Video!.Width;
            return new SyncAnalysis(Name, null, 0, false, [], null);
        }

        public void Dispose()
        {
        }
    }

    /// <summary>The real opener, recording the picture span of every span handed out.</summary>
    private sealed class SpanCountingOpener : IMediaOpener
    {
        public int Opened { get; private set; }

        public List<double> SpanStarts { get; } = [];

        public List<double> SpanEnds { get; } = [];

        public async Task<IMediaSpans> OpenAsync(string input, DecodeOptions options, SpanLayout layout, CancellationToken cancellationToken)
        {
            Opened++;
            return new Recording(await new FfmpegMediaOpener().OpenAsync(input, options, layout, cancellationToken), this);
        }

        private sealed class Recording(IMediaSpans inner, SpanCountingOpener owner) : IMediaSpans
        {
            public MediaInfo Info => inner.Info;

            public DecodeCoverage? Coverage => inner.Coverage;

            public async IAsyncEnumerable<DecodedMedia> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await foreach (var span in inner.ReadAsync(cancellationToken))
                {
                    owner.SpanStarts.Add(span.Video!.StartSeconds);
                    owner.SpanEnds.Add(span.Video.TimestampsSeconds[^1]);
                    yield return span;
                }
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
