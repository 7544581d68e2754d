using System.Globalization;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Training.Commands;
using Avts.Training.Index;
using Avts.Training.Training;

namespace Avts.Tests.Training;

/// <summary><c>avts-train corpus index</c>: the clip cache, its resumability, its preprocessing check and reads.</summary>
public sealed class CorpusIndexTests(IndexCorpusFixture corpus) : IClassFixture<IndexCorpusFixture>
{
    internal static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await TrainCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Index_StoresUsableClips_SkipsBadFilesWithReasons_AndARerunDecodesNothing()
    {
        var cache = corpus.NewFolder("cache");
        var (code, output, err) = await RunAsync("corpus", "index", corpus.Mixed, "--out", cache);
        Assert.True(code == 0, err);
        Assert.Contains("3 indexed, 2 skipped, 0 already done; 3 clips", output, StringComparison.Ordinal);
        Assert.Contains("ignoring 1 files without a video extension", err, StringComparison.Ordinal);
        Assert.Contains("audio_only.mp4': no video frames", err, StringComparison.Ordinal);
        Assert.Contains("garbage.mkv': ", err, StringComparison.Ordinal);

        var manifest = ManifestStore.Read(cache)!;
        Assert.Equal(3, manifest.Clips.Count);
        Assert.Equal(["audio_only.mp4", "garbage.mkv"], manifest.Skipped.Select(s => Path.GetFileName(s.Path)).Order(StringComparer.Ordinal));
        Assert.All(manifest.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        var data = Path.Combine(cache, ClipRecordFormat.DataFileName);
        Assert.Equal(manifest.DataBytes, new FileInfo(data).Length);
        var written = File.GetLastWriteTimeUtc(data);

        (code, output, err) = await RunAsync("corpus", "index", corpus.Mixed, "--out", cache, "-q");
        Assert.True(code == 0, err);
        Assert.Contains("0 indexed, 0 skipped, 5 already done; 3 clips", output, StringComparison.Ordinal);
        Assert.DoesNotContain("skipping", err, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(data));
    }

    [Fact]
    public async Task CachedTracks_GiveTheSameModelInputsAsDecoding()
    {
        var cache = corpus.NewFolder("cache");
        Assert.Equal(0, (await RunAsync("corpus", "index", corpus.Clips, "--out", cache, "-q")).Code);
        var options = AvtsModelOptions.Tiny;
        var catalog = DataCatalog.Find([cache], options, 96);
        Assert.Equal(4, catalog.CachedCount);
        foreach (var file in catalog.Files)
        {
            var (video, audio) = catalog.ReadCached(file)!.Value;
            var media = await MediaDecoder.DecodeAsync(file, new DecodeOptions { VideoWidth = 96, AudioSampleRate = 16000 }, CancellationToken.None);
            Assert.Equal(media.Video!.TimestampsSeconds, video.TimestampsSeconds);
            Assert.Equal((options.InputSize, options.InputSize), (video.Width, video.Height));
            Assert.Equal(media.Audio!.Samples, audio.Samples);
            Assert.Equal(media.Audio.StartSeconds, audio.StartSeconds);
            foreach (var start in new[] { 0.013, 0.5, 1.21 })
            {
                Assert.Equal(AvtsInputs.VideoClip(media.Video, start, options), AvtsInputs.VideoClip(video, start, options));
            }
        }
    }

    [Fact]
    public async Task Index_ResumesAfterAnInterruptedRun()
    {
        var cache = corpus.NewFolder("cache");
        Assert.Equal(0, (await RunAsync("corpus", "index", corpus.Clips, "--out", cache, "-q")).Code);

        // As if the run died after fsyncing the last clip (plus half of a next one) but before the manifest said so.
        var manifest = ManifestStore.Read(cache)!;
        var last = manifest.Clips[^1];
        ManifestStore.Write(cache, manifest with { Clips = manifest.Clips[..^1], DataBytes = last.Offset });
        await File.AppendAllTextAsync(Path.Combine(cache, ClipRecordFormat.DataFileName), "half a record");

        var (code, output, err) = await RunAsync("corpus", "index", corpus.Clips, "--out", cache, "-q");
        Assert.True(code == 0, err);
        Assert.Contains("1 indexed, 0 skipped, 3 already done; 4 clips", output, StringComparison.Ordinal);
        Assert.Contains("dropping", err, StringComparison.Ordinal);
        var again = ManifestStore.Read(cache)!;
        Assert.Equal(manifest.DataBytes, again.DataBytes);
        var catalog = DataCatalog.Find([cache], AvtsModelOptions.Tiny, 96);
        Assert.All(catalog.Files, f => Assert.NotNull(catalog.ReadCached(f)));
    }

    [Fact]
    public async Task CacheOfOtherPreprocessing_IsRejectedWithOneLine()
    {
        var cache = corpus.NewFolder("cache");
        Assert.Equal(0, (await RunAsync("corpus", "index", corpus.Clips, "--out", cache, "-q")).Code);

        var (code, _, err) = await RunAsync("corpus", "index", corpus.Clips, "--out", cache, "--max-seconds", "2");
        Assert.Equal(1, code);
        Assert.Contains("max_seconds 0 in the cache, 2 wanted", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));

        var ex = Assert.Throws<TrainingDataException>(() => DataCatalog.Find([cache], AvtsModelOptions.Tiny with { InputSize = 32 }, 96));
        Assert.Contains("input_size 64 in the cache, 32 wanted", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<TrainingDataException>(() => DataCatalog.Find([cache], AvtsModelOptions.Tiny, 128));
        Assert.Contains("decode_width 96 in the cache, 128 wanted", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "corpus", "index", "DIR")]
    [InlineData(2, "corpus", "index", "DIR", "--out", "OUT", "--max-seconds", "-1")]
    [InlineData(1, "corpus", "index", "MISSING", "--out", "OUT")]
    public async Task Index_BadArguments_OneLine(int expected, params string[] args)
    {
        var resolved = args.Select(a => a switch { "DIR" => corpus.Clips, "OUT" => corpus.NewFolder("out"), "MISSING" => corpus.NewFolder("missing"), _ => a }).ToArray();
        var (code, _, err) = await RunAsync(resolved);
        Assert.Equal(expected, code);
        Assert.Single(err.Trim().Split('\n'));
    }
}
