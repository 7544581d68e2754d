namespace Avts.Engine.Dsp;

/// <summary>
/// Log-mel spectrogram of mono PCM, in plain C# (TorchSharp has no torchaudio): periodic Hann window, power spectrum
/// |FFT|², HTK mel triangles (unnormalised, as torchaudio's <c>melscale_fbanks(norm=None, mel_scale="htk")</c>), then
/// ln(x + offset). Frames are not centred or padded: frame k covers samples [k·hop, k·hop + win), so a long span's
/// spectrogram is exactly the concatenation of its hop-aligned pieces (the shift search relies on that).
/// </summary>
public sealed class LogMelSpectrogram
{
    private readonly int fftSize;
    private readonly int hop;
    private readonly float logOffset;
    private readonly float[] window;
    private readonly float[][] filters;
    private readonly int[] filterStart;
    private readonly int half;
    private readonly double[] cos;
    private readonly double[] sin;
    private readonly int[] bitReverse;

    /// <summary>Builds the window, the filterbank and the FFT tables once.</summary>
    public LogMelSpectrogram(int sampleRate, int fftSize, int hopLength, int windowLength, int melBins, float melMinHz, float melMaxHz, float logOffset)
    {
        if (fftSize < 2 || (fftSize & (fftSize - 1)) != 0 || windowLength > fftSize || windowLength < 1 || hopLength < 1 || melBins < 1)
        {
            throw new ArgumentException("Invalid spectrogram parameters: need a power-of-two FFT size >= window length >= 1, hop >= 1, mel bins >= 1.");
        }

        this.fftSize = fftSize;
        hop = hopLength;
        this.logOffset = logOffset;
        SampleRate = sampleRate;
        WindowLength = windowLength;
        MelBins = melBins;

        // Periodic Hann (torch.hann_window default), padded to the FFT size at the front like torch.stft does.
        window = new float[fftSize];
        var pad = (fftSize - windowLength) / 2;
        for (var i = 0; i < windowLength; i++)
        {
            window[pad + i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / windowLength)));
        }

        (filters, filterStart) = MelFilterbank(sampleRate, fftSize, melBins, melMinHz, melMaxHz);

        // A real frame of fftSize samples is transformed as a complex one of half the size (even samples real, odd
        // imaginary) and then separated: half the butterflies of a full complex FFT, and each frame still on its own,
        // so a long span's spectrogram stays exactly the concatenation of its pieces.
        half = fftSize / 2;
        cos = new double[half];
        sin = new double[half];
        for (var i = 0; i < half; i++)
        {
            cos[i] = Math.Cos(-2 * Math.PI * i / fftSize);
            sin[i] = Math.Sin(-2 * Math.PI * i / fftSize);
        }

        var bits = (int)Math.Log2(half);
        bitReverse = new int[half];
        for (var i = 0; i < half; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            bitReverse[i] = r;
        }
    }

    /// <summary>Sample rate in Hz the filterbank was built for.</summary>
    public int SampleRate { get; }

    /// <summary>Analysis window length in samples.</summary>
    public int WindowLength { get; }

    /// <summary>Number of mel bands (rows of the output).</summary>
    public int MelBins { get; }

    /// <summary>Frames produced from <paramref name="sampleCount"/> samples: 1 + (n − win)/hop (floor), 0 when n &lt; win.</summary>
    public int FrameCount(int sampleCount) => sampleCount < WindowLength ? 0 : 1 + ((sampleCount - WindowLength) / hop);

    /// <summary>HTK mel of a frequency: 2595·log10(1 + f/700).</summary>
    public static double HzToMel(double hz) => 2595.0 * Math.Log10(1.0 + (hz / 700.0));

    /// <summary>Inverse of <see cref="HzToMel"/>.</summary>
    public static double MelToHz(double mel) => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);

    /// <summary>Centre frequency in Hz of mel band <paramref name="band"/>.</summary>
    public static double BandCenterHz(int band, int melBins, double melMinHz, double melMaxHz)
    {
        var lo = HzToMel(melMinHz);
        var hi = HzToMel(melMaxHz);
        return MelToHz(lo + ((hi - lo) * (band + 1) / (melBins + 1)));
    }

    /// <summary>Log-mel image [mel band, frame] of <paramref name="samples"/> (floats in [-1, 1]).</summary>
    public float[,] Compute(ReadOnlySpan<float> samples)
    {
        var frames = FrameCount(samples.Length);
        var result = new float[MelBins, frames];
        var re = new double[half];
        var im = new double[half];
        var power = new double[half + 1];
        for (var f = 0; f < frames; f++)
        {
            var frame = samples.Slice(f * hop, WindowLength);
            PowerSpectrum(frame, re, im, power);
            for (var m = 0; m < MelBins; m++)
            {
                var weights = filters[m];
                var start = filterStart[m];
                var sum = 0.0;
                for (var k = 0; k < weights.Length; k++)
                {
                    sum += weights[k] * power[start + k];
                }

                result[m, f] = (float)Math.Log(sum + logOffset);
            }
        }

        return result;
    }

    /// <summary>Power spectrum |X[k]|², k = 0..fftSize/2, of one frame of the window's length (tests check the FFT with it).</summary>
    internal double[] FramePower(ReadOnlySpan<float> frame)
    {
        var power = new double[half + 1];
        PowerSpectrum(frame[..WindowLength], new double[half], new double[half], power);
        return power;
    }

    /// <summary>
    /// |X[k]|² for k = 0..fftSize/2 of one windowed, zero-padded frame, X the real FFT: z[m] = x[2m] + i·x[2m+1] goes
    /// through a complex FFT of half the size, then X[k] = E[k] + W^k·O[k] with E[k] = (Z[k] + conj Z[h−k]) / 2 and
    /// O[k] = (Z[k] − conj Z[h−k]) / 2i (h = fftSize/2, W = e^(−2πi/fftSize), Z[h] = Z[0]).
    /// </summary>
    private void PowerSpectrum(ReadOnlySpan<float> frame, double[] re, double[] im, double[] power)
    {
        Array.Clear(re);
        Array.Clear(im);
        var pad = (fftSize - WindowLength) / 2;
        for (var i = 0; i < frame.Length; i++)
        {
            var n = pad + i;
            var value = frame[i] * window[n];
            if ((n & 1) == 0)
            {
                re[bitReverse[n >> 1]] = value;
            }
            else
            {
                im[bitReverse[n >> 1]] = value;
            }
        }

        HalfSizeFft(re, im);
        power[0] = (re[0] + im[0]) * (re[0] + im[0]);
        power[half] = (re[0] - im[0]) * (re[0] - im[0]);
        for (var k = 1; k < half; k++)
        {
            var zr = re[k];
            var zi = im[k];
            var cr = re[half - k];
            var ci = -im[half - k];
            var er = 0.5 * (zr + cr);
            var ei = 0.5 * (zi + ci);

            // (Z − conj Z') / 2i: dividing by i swaps the parts and negates the new imaginary one.
            var or = 0.5 * (zi - ci);
            var oi = -0.5 * (zr - cr);
            var xr = er + ((cos[k] * or) - (sin[k] * oi));
            var xi = ei + ((cos[k] * oi) + (sin[k] * or));
            power[k] = (xr * xr) + (xi * xi);
        }
    }

    /// <summary>In-place radix-2 FFT of fftSize/2 points; the input must already be in bit-reversed order.</summary>
    private void HalfSizeFft(double[] re, double[] im)
    {
        for (var size = 2; size <= half; size <<= 1)
        {
            var span = size / 2;
            var step = fftSize / size;
            for (var start = 0; start < half; start += size)
            {
                for (var j = 0; j < span; j++)
                {
                    var c = cos[j * step];
                    var s = sin[j * step];
                    var a = start + j;
                    var b = a + span;
                    var tr = (re[b] * c) - (im[b] * s);
                    var ti = (re[b] * s) + (im[b] * c);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    private static (float[][] Filters, int[] Start) MelFilterbank(int sampleRate, int fftSize, int melBins, double minHz, double maxHz)
    {
        var bins = (fftSize / 2) + 1;
        var lo = HzToMel(minHz);
        var hi = HzToMel(maxHz);
        var edges = new double[melBins + 2];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = MelToHz(lo + ((hi - lo) * i / (melBins + 1)));
        }

        var filters = new float[melBins][];
        var starts = new int[melBins];
        var dense = new float[bins];
        for (var m = 0; m < melBins; m++)
        {
            int first = -1, last = -1;
            for (var k = 0; k < bins; k++)
            {
                var hz = (double)k * sampleRate / fftSize;
                var down = (hz - edges[m]) / (edges[m + 1] - edges[m]);
                var up = (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
                dense[k] = (float)Math.Max(0.0, Math.Min(down, up));
                if (dense[k] > 0)
                {
                    first = first < 0 ? k : first;
                    last = k;
                }
            }

            // A band narrower than one FFT bin (many bands, small FFT) gets no weight; keep it empty, not invalid.
            starts[m] = Math.Max(first, 0);
            filters[m] = first < 0 ? [] : dense.AsSpan(first, last - first + 1).ToArray();
        }

        return (filters, starts);
    }
}
