using Avts.Engine.Dsp;

namespace Avts.Tests.Engine.Dsp;

public sealed class LogMelSpectrogramTests
{
    private static LogMelSpectrogram Default() => new(16000, 512, 160, 400, 40, 0f, 8000f, 1e-6f);

    [Theory]
    [InlineData(16000, 98)]
    [InlineData(16240, 100)]
    [InlineData(400, 1)]
    [InlineData(399, 0)]
    public void FrameCount_IsOnePlusWholeHopsAfterFirstWindow(int samples, int expected)
    {
        var mel = Default();
        Assert.Equal(expected, mel.FrameCount(samples));
        Assert.Equal(expected, mel.Compute(new float[samples]).GetLength(1));
    }

    [Fact]
    public void Tone1kHz_PeaksInTheBandCentredNearest1kHz()
    {
        var samples = new float[16000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(0.5 * Math.Sin(2 * Math.PI * 1000 * i / 16000.0));
        }

        var image = Default().Compute(samples);
        var expectedBand = Enumerable.Range(0, 40)
            .MinBy(b => Math.Abs(LogMelSpectrogram.BandCenterHz(b, 40, 0, 8000) - 1000));
        for (var f = 0; f < image.GetLength(1); f += 17)
        {
            var peak = Enumerable.Range(0, 40).MaxBy(b => image[b, f]);
            Assert.Equal(expectedBand, peak);
        }

        // Far bands hold only window leakage: many orders of magnitude (natural log) below the peak.
        Assert.True(image[expectedBand, 10] - image[39, 10] > 10);
    }

    [Fact]
    public void Silence_IsLogOffset_AndLongSpanIsConcatenationOfHopAlignedPieces()
    {
        var mel = Default();
        Assert.Equal(Math.Log(1e-6), mel.Compute(new float[400])[5, 0], 4);

        var random = new Random(3);
        var samples = new float[8000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(random.NextDouble() - 0.5);
        }

        var whole = mel.Compute(samples);
        var piece = mel.Compute(samples.AsSpan(160 * 7, 400 + (160 * 3)));
        for (var f = 0; f < piece.GetLength(1); f++)
        {
            for (var b = 0; b < 40; b++)
            {
                Assert.Equal(whole[b, f + 7], piece[b, f]);
            }
        }
    }

    [Fact]
    public void FramePower_EqualsDirectDftOfTheWindowedZeroPaddedFrame()
    {
        var mel = Default();
        var random = new Random(11);
        var frame = new float[400];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (float)(random.NextDouble() - 0.5);
        }

        var power = mel.FramePower(frame);
        Assert.Equal(257, power.Length);

        // torch.stft's layout: the periodic Hann of 400 samples centred in the 512-point frame. The estimator forms the
        // windowed samples in float, hence the 1e-5 relative tolerance.
        const int n = 512;
        var padded = new double[n];
        for (var i = 0; i < frame.Length; i++)
        {
            padded[56 + i] = frame[i] * (0.5 - (0.5 * Math.Cos(2 * Math.PI * i / 400)));
        }

        for (var k = 0; k <= n / 2; k++)
        {
            double re = 0, im = 0;
            for (var t = 0; t < n; t++)
            {
                re += padded[t] * Math.Cos(-2 * Math.PI * k * t / n);
                im += padded[t] * Math.Sin(-2 * Math.PI * k * t / n);
            }

            var expected = (re * re) + (im * im);
            Assert.True(Math.Abs(power[k] - expected) <= 1e-5 * Math.Max(1, expected), $"bin {k}: {power[k]} vs {expected}");
        }
    }
}
