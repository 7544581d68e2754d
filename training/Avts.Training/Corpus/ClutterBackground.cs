using OpenCvSharp;

namespace Avts.Training.Corpus;

/// <summary>
/// A background colour plus shapes drifting at constant speed, wrapping at the edges: motion that never makes a
/// sound, so the network must learn to ignore it.
/// </summary>
public sealed class ClutterBackground
{
    private readonly Scalar _colour;
    private readonly (double X, double Y, double Vx, double Vy, int Size, Scalar Colour, int Shape)[] _shapes;
    private readonly int _width;
    private readonly int _height;

    /// <summary>Draws <paramref name="count"/> shapes for a <paramref name="width"/> x <paramref name="height"/> picture.</summary>
    public ClutterBackground(int width, int height, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _width = width;
        _height = height;
        _colour = new Scalar(random.Next(140), random.Next(140), random.Next(140));
        _shapes = new (double, double, double, double, int, Scalar, int)[count];
        for (var i = 0; i < count; i++)
        {
            _shapes[i] = (
                width * random.NextDouble(),
                height * random.NextDouble(),
                width * 0.3 * ((2 * random.NextDouble()) - 1),
                height * 0.3 * ((2 * random.NextDouble()) - 1),
                (int)(height * (0.04 + (0.12 * random.NextDouble()))),
                new Scalar(random.Next(200), random.Next(200), random.Next(200)),
                random.Next(3));
        }
    }

    /// <summary>Paints the background at time <paramref name="seconds"/> over the whole of <paramref name="canvas"/>.</summary>
    public void Draw(Mat canvas, double seconds)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        canvas.SetTo(_colour);
        foreach (var (x0, y0, vx, vy, size, colour, shape) in _shapes)
        {
            var x = (int)Wrap(x0 + (vx * seconds), _width);
            var y = (int)Wrap(y0 + (vy * seconds), _height);
            switch (shape)
            {
                case 0:
                    Cv2.Circle(canvas, new Point(x, y), size, colour, -1, LineTypes.AntiAlias);
                    break;
                case 1:
                    Cv2.Rectangle(canvas, new Rect(x - size, y - (size / 2), 2 * size, size), colour, -1);
                    break;
                default:
                    Cv2.Line(canvas, new Point(x - size, y - size), new Point(x + size, y + size), colour, Math.Max(1, size / 4), LineTypes.AntiAlias);
                    break;
            }
        }
    }

    private static double Wrap(double value, double range) => ((value % range) + range) % range;
}
