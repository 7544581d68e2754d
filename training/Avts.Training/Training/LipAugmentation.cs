using Avts.Engine.Model;

namespace Avts.Training.Training;

/// <summary>
/// Identity augmentation of a lips clip (<see cref="LipClipLayout"/>, value-major [values, frames]): the whole mouth
/// is stretched by its own factor along x and y and turned a little (mouths differ in width, height and tilt between
/// speakers, and landmark fits differ with pose), every coordinate gets landmark-level noise, and the crop, when the
/// clip has one, a brightness and contrast change. Timing is never touched: the sync label must stay true.
/// </summary>
public static class LipAugmentation
{
    /// <summary>Largest relative stretch of the mouth along either axis.</summary>
    public const double MaxStretch = 0.2;

    /// <summary>Largest tilt, radians (about 8.6°).</summary>
    public const double MaxTilt = 0.15;

    /// <summary>Noise on every coordinate, in clip units (<see cref="LipInputs.ShapeScale"/> x eye distances: 0.004 eye distances).</summary>
    public const double CoordinateNoise = 0.04;

    /// <summary>Augments <paramref name="clip"/> in place with draws from <paramref name="random"/>.</summary>
    public static void Apply(float[] clip, AvtsModelOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var layout = LipClipLayout.For(options);
        var frames = options.ClipFrames;
        var sx = 1 + (MaxStretch * ((2 * random.NextDouble()) - 1));
        var sy = 1 + (MaxStretch * ((2 * random.NextDouble()) - 1));
        var angle = MaxTilt * ((2 * random.NextDouble()) - 1);
        var (sin, cos) = Math.SinCos(angle);
        for (var point = 0; point < LipClipLayout.ShapeValues / 2; point++)
        {
            var xs = clip.AsSpan(2 * point * frames, frames);
            var ys = clip.AsSpan(((2 * point) + 1) * frames, frames);
            for (var k = 0; k < frames; k++)
            {
                double x = xs[k], y = ys[k];
                xs[k] = (float)((sx * ((cos * x) - (sin * y))) + (CoordinateNoise * Gaussian(random)));
                ys[k] = (float)((sy * ((sin * x) + (cos * y))) + (CoordinateNoise * Gaussian(random)));
            }
        }

        if (layout.CropSize > 0)
        {
            var contrast = 0.7 + (0.6 * random.NextDouble());
            var brightness = 0.6 * (random.NextDouble() - 0.5);
            var crop = clip.AsSpan(LipClipLayout.ShapeValues * frames, layout.CropValues * frames);
            for (var i = 0; i < crop.Length; i++)
            {
                crop[i] = (float)((contrast * crop[i]) + brightness);
            }
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
