using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Avts.Training.Corpus;

/// <summary>
/// Blur and additive Gaussian noise on each picture. The noise comes from a seeded bank a little larger than the
/// frame, read at a random offset per frame: deterministic, varied from frame to frame, and cheap.
/// </summary>
public sealed class PictureNuisance : IDisposable
{
    private const int Margin = 16;
    private readonly double _blurSigma;
    private readonly Mat? _noise;
    private readonly Random _random;
    private readonly int _width;
    private readonly int _height;

    /// <summary>Prepares blur <paramref name="blurSigma"/> and noise of standard deviation <paramref name="noiseSigma"/> levels.</summary>
    public PictureNuisance(int width, int height, double blurSigma, double noiseSigma, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _width = width;
        _height = height;
        _blurSigma = blurSigma;
        _random = random;
        if (noiseSigma > 0)
        {
            var values = new short[(height + Margin) * (width + Margin) * 3];
            for (var i = 0; i < values.Length; i += 2)
            {
                // Box-Muller: two normal draws per pair of uniforms.
                var u1 = 1 - random.NextDouble();
                var radius = noiseSigma * Math.Sqrt(-2 * Math.Log(u1));
                var angle = 2 * Math.PI * random.NextDouble();
                values[i] = (short)Math.Round(radius * Math.Cos(angle));
                if (i + 1 < values.Length)
                {
                    values[i + 1] = (short)Math.Round(radius * Math.Sin(angle));
                }
            }

            _noise = new Mat(height + Margin, width + Margin, MatType.CV_16SC3);
            Marshal.Copy(values, 0, _noise.Data, values.Length);
        }
    }

    /// <summary>Applies blur then noise to <paramref name="frame"/> (8-bit BGR) in place.</summary>
    public void Apply(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_blurSigma > 0)
        {
            Cv2.GaussianBlur(frame, frame, new Size(0, 0), _blurSigma);
        }

        if (_noise is not null)
        {
            using var window = new Mat(_noise, new Rect(_random.Next(Margin), _random.Next(Margin), _width, _height));
            using var sum = new Mat();
            Cv2.Add(frame, window, sum, null, MatType.CV_8UC3.Value);
            sum.CopyTo(frame);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _noise?.Dispose();
}
