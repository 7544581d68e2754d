using OpenCvSharp;

namespace Avts.Training.Corpus;

/// <summary>
/// A drawn talking face: the mouth opening on frame f is the soundtrack's normalised RMS around frame f's
/// presentation time, with head bob and blinks that carry no sound (nuisance motion the network must ignore).
/// </summary>
public sealed class AvatarScene : IClipScene
{
    private readonly ClipPlan _plan;
    private readonly Scalar _skin;
    private readonly Scalar _mouthColour;
    private readonly double _faceX;
    private readonly double _faceRadius;
    private readonly double _bobHz;
    private readonly double _bobPhase;
    private readonly double _swayHz;
    private readonly HashSet<int> _blinkFrames = [];

    /// <summary>Builds the face for <paramref name="plan"/> speaking <paramref name="audio"/> (SampleCount samples).</summary>
    public AvatarScene(ClipPlan plan, float[] audio, Random random)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(random);
        _plan = plan;
        Audio = audio;
        MouthOpening = AudioEnvelope.Normalise(AudioEnvelope.PerFrame(audio, plan));
        EventFrames = Onsets(MouthOpening);

        _skin = new Scalar(120 + random.Next(90), 150 + random.Next(80), 170 + random.Next(80));
        _mouthColour = new Scalar(20 + random.Next(30), 10 + random.Next(30), 50 + random.Next(60));
        _faceRadius = plan.Height * (0.2 + (0.08 * random.NextDouble()));
        _faceX = (plan.Width / 2.0) + (plan.Width * 0.15 * ((2 * random.NextDouble()) - 1));
        _bobHz = 0.4 + random.NextDouble();
        _bobPhase = 2 * Math.PI * random.NextDouble();
        _swayHz = 0.2 + (0.5 * random.NextDouble());

        // Blinks every 1.5-4.5 s, three frames each.
        var t = 0.5 + (2 * random.NextDouble());
        while (t < plan.DurationSeconds)
        {
            var frame = (int)(t * plan.Fps);
            for (var k = 0; k < 3; k++)
            {
                _blinkFrames.Add(frame + k);
            }

            t += 1.5 + (3 * random.NextDouble());
        }
    }

    /// <inheritdoc/>
    public float[] Audio { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> EventFrames { get; }

    /// <summary>Mouth opening per frame in [0, 1]: the normalised audio envelope at that frame's time.</summary>
    public IReadOnlyList<double> MouthOpening { get; }

    /// <inheritdoc/>
    public void Draw(Mat canvas, int frame)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var t = _plan.TimeOf(frame);
        var r = _faceRadius;
        var cx = _faceX + (0.04 * _plan.Width * Math.Sin(2 * Math.PI * _swayHz * t));
        var cy = (_plan.Height / 2.0) + (0.04 * _plan.Height * Math.Sin((2 * Math.PI * _bobHz * t) + _bobPhase));

        Cv2.Ellipse(canvas, P(cx, cy), S(r, r * 1.25), 0, 0, 360, _skin, -1, LineTypes.AntiAlias);
        var eyeHeight = _blinkFrames.Contains(frame) ? 0.02 * r : 0.12 * r;
        var eyeColour = new Scalar(40, 30, 30);
        Cv2.Ellipse(canvas, P(cx - (0.4 * r), cy - (0.3 * r)), S(0.14 * r, eyeHeight), 0, 0, 360, eyeColour, -1, LineTypes.AntiAlias);
        Cv2.Ellipse(canvas, P(cx + (0.4 * r), cy - (0.3 * r)), S(0.14 * r, eyeHeight), 0, 0, 360, eyeColour, -1, LineTypes.AntiAlias);

        var open = MouthOpening[frame];
        var mouthY = cy + (0.55 * r);
        Cv2.Ellipse(canvas, P(cx, mouthY), S(0.4 * r, (0.03 * r) + (0.35 * r * open)), 0, 0, 360, _mouthColour, -1, LineTypes.AntiAlias);
    }

    /// <summary>Frames where the mouth opens after being nearly closed (syllable onsets), with hysteresis.</summary>
    private static int[] Onsets(IReadOnlyList<double> opening)
    {
        var onsets = new List<int>();
        var closed = true;
        for (var f = 0; f < opening.Count; f++)
        {
            if (closed && opening[f] > 0.4)
            {
                onsets.Add(f);
                closed = false;
            }
            else if (!closed && opening[f] < 0.15)
            {
                closed = true;
            }
        }

        return [.. onsets];
    }

    private static Point P(double x, double y) => new((int)Math.Round(x), (int)Math.Round(y));

    private static Size S(double w, double h) => new(Math.Max(1, (int)Math.Round(w)), Math.Max(1, (int)Math.Round(h)));
}
