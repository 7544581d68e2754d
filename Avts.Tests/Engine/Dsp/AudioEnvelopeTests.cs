using Avts.Engine.Dsp;

namespace Avts.Tests.Engine.Dsp;

public sealed class AudioEnvelopeTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(1.0021)]
    [InlineData(1.0037)]
    public void OnsetStrength_ToneBurst_PeaksAtItsFirstSample(double onsetSeconds)
    {
        const int rate = 16000;
        const double start = 0.013;
        var random = new Random(5);
        var samples = new float[rate * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = start + ((double)i / rate);
            var tone = t >= onsetSeconds && t < onsetSeconds + 0.2 ? 0.5 * Math.Sin(2 * Math.PI * 700 * (t - onsetSeconds)) : 0;
            samples[i] = (float)(tone + (0.002 * (random.NextDouble() - 0.5)));
        }

        var grid = TimeGrid.Covering(0, 2.1, 0.005);
        var onset = AudioEnvelope.OnsetStrength(samples, rate, start, grid, 0.008);

        var peakSeconds = grid.TimeAt(PeakInterpolation.Refine(onset.Values));
        Assert.Equal(onsetSeconds, peakSeconds, 0.0015);
    }

    [Fact]
    public void LogEnergy_OutsideTrack_IsInvalid()
    {
        var grid = TimeGrid.Covering(-1, 3, 0.005);
        var signal = AudioEnvelope.LogEnergy(new float[16000], 16000, 0.5, grid, 0.008);

        Assert.True(grid.TimeAt(signal.ValidFrom) >= 0.5);
        Assert.True(grid.TimeAt(signal.ValidTo - 1) <= 1.5);
    }

    [Fact]
    public void Rms_FullScaleSquareWave_IsOne()
    {
        var samples = Enumerable.Range(0, 1600).Select(i => i % 2 == 0 ? 1f : -1f).ToArray();

        Assert.Equal(1.0, AudioEnvelope.Rms(samples, 16000, 0, 0, 0.1), 9);
    }
}
