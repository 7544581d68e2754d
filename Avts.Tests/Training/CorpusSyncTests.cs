using Avts.Engine.Media;
using Avts.Training.Corpus;
using Xunit.Abstractions;

namespace Avts.Tests.Training;

/// <summary>
/// Renders clean clips (no nuisances), decodes them with the engine's <see cref="MediaDecoder"/> and checks that what
/// is seen and what is heard line up: flash vs tone onset, floor contact vs click, mouth vs speech envelope.
/// </summary>
public sealed class CorpusSyncTests(ITestOutputHelper output)
{
    private const double ToleranceSeconds = 0.002;

    private static ClipPlan CleanPlan(ClipKind kind, int index, int numerator, int denominator, int sampleRate) =>
        CorpusPlanner.PlanClip(new CorpusOptions { OutputDirectory = "unused", Count = 1, Seed = 3 }, index) with
        {
            Kind = kind,
            FpsNumerator = numerator,
            FpsDenominator = denominator,
            SampleRate = sampleRate,
            Width = 160,
            Height = 120,
            DurationSeconds = 2.5,
            AudioNoise = 0,
            PictureNoise = 0,
            BlurSigma = 0,
            ClutterCount = 0,
            Crf = 18,
        };

    private static async Task<(ManifestEntry Entry, DecodedMedia Media)> RenderAndDecodeAsync(ClipPlan plan, string directory, SpeechLibrary? speech = null)
    {
        var entry = await ClipRenderer.RenderAsync(plan, directory, speech, CancellationToken.None);
        var media = await MediaDecoder.DecodeAsync(
            Path.Combine(directory, entry.File),
            new DecodeOptions { VideoWidth = plan.Width, AudioSampleRate = plan.SampleRate },
            CancellationToken.None);
        Assert.NotNull(media.Video);
        Assert.NotNull(media.Audio);
        Assert.Equal(plan.FrameCount, media.Video.FrameCount);
        return (entry, media);
    }

    [Theory]
    [InlineData(30000, 1001, 44100)]
    [InlineData(25, 1, 16000)]
    public async Task FlashFrameAndToneOnsetCoincide(int numerator, int denominator, int sampleRate)
    {
        using var temp = new CorpusTempDirectory();
        var plan = CleanPlan(ClipKind.Flash, 0, numerator, denominator, sampleRate);
        var (entry, media) = await RenderAndDecodeAsync(plan, temp.Path);

        // The background is static, so a flash is a jump in mean brightness from one frame to the next.
        var video = media.Video!;
        var flashTimes = new List<double>();
        for (var f = 1; f < video.FrameCount; f++)
        {
            if (Mean(video.Frame(f)) - Mean(video.Frame(f - 1)) > 2)
            {
                flashTimes.Add(video.TimestampsSeconds[f]);
            }
        }

        var onsets = Onsets(media.Audio!);
        Assert.Equal(entry.EventFrames.Count, flashTimes.Count);
        Assert.Equal(flashTimes.Count, onsets.Count);
        Assert.True(flashTimes.Count >= 2);
        output.WriteLine($"{onsets.Count} flashes, largest |tone - flash| = {onsets.Zip(flashTimes).Max(p => Math.Abs(p.First - p.Second)) * 1000:0.000} ms");
        for (var i = 0; i < onsets.Count; i++)
        {
            Assert.InRange(onsets[i] - flashTimes[i], -ToleranceSeconds, ToleranceSeconds);
        }
    }

    [Fact]
    public async Task ClickComesOnTheContactFrame()
    {
        using var temp = new CorpusTempDirectory();
        var plan = CleanPlan(ClipKind.Bounce, 1, 30000, 1001, 48000);
        var (entry, media) = await RenderAndDecodeAsync(plan, temp.Path);
        var video = media.Video!;

        // The ball is what differs from the per-pixel median over time; its lowest points are the contacts.
        var size = video.Width * video.Height;
        var median = new byte[size];
        var column = new byte[video.FrameCount];
        for (var p = 0; p < size; p++)
        {
            for (var f = 0; f < video.FrameCount; f++)
            {
                column[f] = video.Pixels[(f * size) + p];
            }

            Array.Sort(column);
            median[p] = column[column.Length / 2];
        }

        var heights = new double[video.FrameCount];
        for (var f = 0; f < video.FrameCount; f++)
        {
            var frame = video.Frame(f);
            double sumY = 0, n = 0;
            for (var p = 0; p < size; p++)
            {
                if (Math.Abs(frame[p] - median[p]) > 25)
                {
                    sumY += p / video.Width;
                    n++;
                }
            }

            heights[f] = n > 0 ? sumY / n : double.NaN;
        }

        var contactTimes = new List<double>();
        for (var f = 1; f < video.FrameCount - 1; f++)
        {
            if (heights[f] > heights[f - 1] && heights[f] >= heights[f + 1])
            {
                contactTimes.Add(video.TimestampsSeconds[f]);
            }
        }

        var onsets = Onsets(media.Audio!);
        Assert.Equal(entry.EventFrames.Count, onsets.Count);
        Assert.Equal([.. entry.EventFrames.Where(f => f < video.FrameCount - 1).Select(f => video.TimestampsSeconds[f])], contactTimes);
        output.WriteLine($"{onsets.Count} clicks, largest |click - contact| = {onsets.Max(o => contactTimes.Min(t => Math.Abs(t - o))) * 1000:0.000} ms");
        foreach (var onset in onsets)
        {
            var nearest = contactTimes.MinBy(t => Math.Abs(t - onset));
            Assert.InRange(onset - nearest, -ToleranceSeconds, ToleranceSeconds);
        }
    }

    [Fact]
    public async Task MouthFollowsSpeechEnvelopeAtLagZero()
    {
        using var temp = new CorpusTempDirectory();
        var speechDirectory = temp.Sub("speech");
        Directory.CreateDirectory(speechDirectory);
        WriteSpeechLike(Path.Combine(speechDirectory, "talk.wav"), 16000, 6);
        var speech = SpeechLibrary.Open(speechDirectory);
        var plan = CleanPlan(ClipKind.Avatar, 2, 25, 1, 22050) with { DurationSeconds = 3 };
        var (entry, media) = await RenderAndDecodeAsync(plan, temp.Path, speech);
        Assert.Equal("talk.wav", entry.Speech);

        // Dark pixels: background and face area are constant (the face only moves), so the count varies with the
        // mouth (and blinks). The envelope is measured on the decoded audio, independently of the generator.
        var video = media.Video!;
        var audio = media.Audio!;
        var mouth = new double[video.FrameCount];
        var envelope = new double[video.FrameCount];
        var half = (int)(audio.SampleRate / plan.Fps / 2);
        for (var f = 0; f < video.FrameCount; f++)
        {
            var frame = video.Frame(f);
            for (var p = 0; p < frame.Length; p++)
            {
                mouth[f] += frame[p] < 70 ? 1 : 0;
            }

            var centre = (int)Math.Round((video.TimestampsSeconds[f] - audio.StartSeconds) * audio.SampleRate);
            double sum = 0;
            var from = Math.Max(0, centre - half);
            var to = Math.Min(audio.Samples.Length, centre + half);
            for (var i = from; i < to; i++)
            {
                sum += audio.Samples[i] * audio.Samples[i];
            }

            envelope[f] = Math.Sqrt(sum / Math.Max(1, to - from));
        }

        var atZero = Correlation(mouth, envelope, 0);
        output.WriteLine($"mouth vs envelope: r(-1) = {Correlation(mouth, envelope, -1):0.000}, r(0) = {atZero:0.000}, r(+1) = {Correlation(mouth, envelope, 1):0.000}");
        Assert.True(atZero > 0.8, $"r(0) = {atZero:0.000}");
        for (var lag = -6; lag <= 6; lag++)
        {
            if (lag != 0)
            {
                Assert.True(Correlation(mouth, envelope, lag) < atZero, $"lag {lag} beats lag 0");
            }
        }
    }

    /// <summary>Noise under a 2-5 Hz syllable-like on/off envelope with random gaps (no recordings needed).</summary>
    private static void WriteSpeechLike(string path, int sampleRate, double seconds)
    {
        var random = new Random(12);
        var samples = new float[(int)(sampleRate * seconds)];
        var position = 0;
        while (position < samples.Length)
        {
            var length = (int)(sampleRate * (0.1 + (0.2 * random.NextDouble())));
            var amplitude = 0.2 + (0.6 * random.NextDouble());
            for (var i = 0; i < length && position + i < samples.Length; i++)
            {
                var shape = Math.Sin(Math.PI * i / length);
                samples[position + i] = (float)(amplitude * shape * ((2 * random.NextDouble()) - 1));
            }

            position += length + (int)(sampleRate * (0.05 + (0.2 * random.NextDouble())));
        }

        WavWriter.WriteMonoFloat(path, samples, sampleRate);
    }

    /// <summary>Onset times: a sample well above anything in the previous 10 ms (then 50 ms of refractory time).</summary>
    private static List<double> Onsets(AudioTrack audio)
    {
        var onsets = new List<double>();
        var window = audio.SampleRate / 100;
        var x = audio.Samples;
        for (var i = 1; i < x.Length; i++)
        {
            var level = Math.Abs(x[i]);
            if (level < 0.15)
            {
                continue;
            }

            var before = 0f;
            for (var j = Math.Max(0, i - window); j < i; j++)
            {
                before = Math.Max(before, Math.Abs(x[j]));
            }

            if (level > 3 * before)
            {
                onsets.Add(audio.StartSeconds + ((double)i / audio.SampleRate));
                i += audio.SampleRate / 20;
            }
        }

        return onsets;
    }

    private static double Mean(ReadOnlySpan<byte> frame)
    {
        long sum = 0;
        foreach (var b in frame)
        {
            sum += b;
        }

        return (double)sum / frame.Length;
    }

    private static double Correlation(double[] a, double[] b, int lag)
    {
        var pairs = Enumerable.Range(0, a.Length).Where(i => i + lag >= 0 && i + lag < b.Length).Select(i => (a[i], b[i + lag])).ToArray();
        var ma = pairs.Average(p => p.Item1);
        var mb = pairs.Average(p => p.Item2);
        double sab = 0, saa = 0, sbb = 0;
        foreach (var (x, y) in pairs)
        {
            sab += (x - ma) * (y - mb);
            saa += (x - ma) * (x - ma);
            sbb += (y - mb) * (y - mb);
        }

        return sab / Math.Sqrt(Math.Max(1e-12, saa * sbb));
    }
}
