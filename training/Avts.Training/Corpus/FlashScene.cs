using OpenCvSharp;

namespace Avts.Training.Corpus;

/// <summary>
/// Bright shapes that appear for a few frames, each with a tone burst that starts on the sample presented with the
/// shape's first frame and lasts exactly as long as the shape is shown.
/// </summary>
public sealed class FlashScene : IClipScene
{
    private readonly List<(int Start, int Length, Point Centre, int Size, Scalar Colour, bool Round)> _flashes = [];

    /// <summary>Plans the flashes and synthesises the tone bursts for <paramref name="plan"/>.</summary>
    public FlashScene(ClipPlan plan, Random random)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(random);
        Audio = new float[plan.SampleCount];
        var frame = 2 + random.Next((int)Math.Max(3, plan.Fps * 0.4));
        var events = new List<int>();
        while (frame < plan.FrameCount)
        {
            var length = Math.Min(3 + random.Next(6), plan.FrameCount - frame);
            var size = (int)(plan.Height * (0.08 + (0.15 * random.NextDouble())));
            var centre = new Point(size + random.Next(Math.Max(1, plan.Width - (2 * size))), size + random.Next(Math.Max(1, plan.Height - (2 * size))));
            var colour = new Scalar(180 + random.Next(76), 180 + random.Next(76), 180 + random.Next(76));
            _flashes.Add((frame, length, centre, size, colour, random.Next(2) == 0));
            events.Add(frame);

            var start = plan.SampleOf(frame);
            var end = plan.SampleOf(frame + length);
            var hz = 300 + (1700 * random.NextDouble());
            var amplitude = 0.2 + (0.5 * random.NextDouble());
            // A 5 ms release avoids a click at the end; the start stays abrupt because that is the sync cue.
            var release = plan.SampleRate / 200;
            for (var i = start; i < end; i++)
            {
                var fade = Math.Min(1.0, (double)(end - i) / release);
                Audio[i] += (float)(amplitude * fade * Math.Cos(2 * Math.PI * hz * (i - start) / plan.SampleRate));
            }

            frame += length + (int)(plan.Fps * (0.15 + (0.6 * random.NextDouble())));
        }

        EventFrames = events;
    }

    /// <inheritdoc/>
    public float[] Audio { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> EventFrames { get; }

    /// <inheritdoc/>
    public void Draw(Mat canvas, int frame)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        foreach (var (start, length, centre, size, colour, round) in _flashes)
        {
            if (frame < start || frame >= start + length)
            {
                continue;
            }

            if (round)
            {
                Cv2.Circle(canvas, centre, size, colour, -1, LineTypes.AntiAlias);
            }
            else
            {
                Cv2.Rectangle(canvas, new Rect(centre.X - size, centre.Y - size, 2 * size, 2 * size), colour, -1);
            }
        }
    }
}
