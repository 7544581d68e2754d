using Avts.Engine.Media;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;
using Avts.Live.Cli;
using Avts.Tests.Fixtures;

namespace Avts.Tests.EndToEnd;

/// <summary>Long inputs are decoded and analysed a span at a time; the merged result matches a one-piece check.</summary>
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
        var decodedSpans = new List<DecodeOptions>();
        var services = CliServices.CreateDefault(TextWriter.Null, TextWriter.Null) with
        {
            Decode = (input, options, ct) =>
            {
                decodedSpans.Add(options);
                return MediaDecoder.DecodeAsync(input, options, ct);
            },
        };

        var outcome = await new CheckRunner(services, verbose: false, chunkSeconds: 15).RunAsync(path, settings, CancellationToken.None);

        Assert.Equal(3, decodedSpans.Count);
        Assert.Equal([null, 15.0, 30.0], decodedSpans.Select(o => o.StartSeconds));
        Assert.True(outcome.Report.AudioDelayMs is not null, $"confidence {outcome.Report.Confidence}");
        Assert.InRange(outcome.Report.AudioDelayMs!.Value, DelayMs - 5, DelayMs + 5);
        Assert.True(outcome.Report.Windows[^1].EndS > 35, "the windows reach the end of the input");
        Assert.Equal(outcome.Report.Windows.Count, outcome.Report.Windows.Select(w => w.StartS).Distinct().Count());
    }
}
