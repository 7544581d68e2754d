using OpenCvSharp;

namespace Avts.Training.Corpus;

/// <summary>
/// A ball bouncing on a floor. Every contact happens exactly on a frame (each hop lasts a whole number of frames),
/// and a click plus a decaying thud starts on the sample presented with that frame.
/// </summary>
public sealed class BounceScene : IClipScene
{
    private readonly ClipPlan _plan;
    private readonly List<(int Start, int Length, double Height)> _hops = [];
    private readonly int _radius;
    private readonly double _floorY;
    private readonly double _x0;
    private readonly double _vx;
    private readonly Scalar _ball;
    private readonly Scalar _floor;

    /// <summary>Plans the hops and synthesises the contact sounds for <paramref name="plan"/>.</summary>
    public BounceScene(ClipPlan plan, Random random)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(random);
        _plan = plan;
        _radius = Math.Max(4, (int)(plan.Height * (0.05 + (0.05 * random.NextDouble()))));
        _floorY = plan.Height * (0.8 + (0.12 * random.NextDouble()));
        _x0 = plan.Width * random.NextDouble();
        _vx = plan.Width * (0.1 + (0.4 * random.NextDouble())) * (random.Next(2) == 0 ? -1 : 1);
        _ball = new Scalar(random.Next(256), random.Next(256), 200 + random.Next(56));
        _floor = new Scalar(60 + random.Next(120), 60 + random.Next(120), 60 + random.Next(120));

        // Hops of 0.25-0.8 s; the first contact comes 2-10 frames in, after the ball falls from mid-hop.
        var maxHeight = _floorY - (2.5 * _radius) - (plan.Height * 0.05);
        var contact = 2 + random.Next(9);
        var contacts = new List<int>();
        while (contact < plan.FrameCount)
        {
            var length = Math.Max(4, (int)Math.Round(plan.Fps * (0.25 + (0.55 * random.NextDouble()))));
            var height = maxHeight * (0.3 + (0.7 * random.NextDouble()));
            _hops.Add((contact, length, height));
            contacts.Add(contact);
            contact += length;
        }

        EventFrames = contacts;
        Audio = new float[plan.SampleCount];
        foreach (var frame in contacts)
        {
            AddImpact(Audio, plan.SampleOf(frame), plan.SampleRate, random);
        }
    }

    /// <inheritdoc/>
    public float[] Audio { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> EventFrames { get; }

    /// <summary>Height of the ball's bottom above the floor on frame <paramref name="frame"/>, in pixels (0 = contact).</summary>
    public double HeightAt(int frame)
    {
        if (_hops.Count == 0 || frame < _hops[0].Start)
        {
            // Falling into the first contact: the second half of a hop like the first one.
            var (start, length, height) = _hops.Count > 0 ? _hops[0] : (_plan.FrameCount + 4, 8, _floorY / 2);
            return Parabola((double)(frame - start + length) / length, height);
        }

        var hop = _hops[^1];
        foreach (var h in _hops)
        {
            if (frame >= h.Start && frame < h.Start + h.Length)
            {
                hop = h;
                break;
            }
        }

        return Parabola((double)(frame - hop.Start) / hop.Length, hop.Height);
    }

    /// <inheritdoc/>
    public void Draw(Mat canvas, int frame)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        Cv2.Rectangle(canvas, new Rect(0, (int)_floorY, _plan.Width, _plan.Height - (int)_floorY), _floor, -1);

        // The ball reflects off the side walls silently (only floor contacts sound).
        var span = Math.Max(1, _plan.Width - (2 * _radius));
        var travel = (((_x0 + (_vx * _plan.TimeOf(frame))) % (2 * span)) + (2 * span)) % (2 * span);
        var x = _radius + (travel < span ? travel : (2 * span) - travel);
        var y = _floorY - _radius - HeightAt(frame);
        Cv2.Circle(canvas, new Point((int)Math.Round(x), (int)Math.Round(y)), _radius, _ball, -1, LineTypes.AntiAlias);
    }

    private static double Parabola(double phase, double height) => 4 * height * phase * (1 - phase);

    private static void AddImpact(float[] audio, int start, int sampleRate, Random random)
    {
        // A click (noise, ~1 ms decay) on top of a thud (low cosine, 20-70 ms decay). The cosine starts at its
        // peak so the onset is on the contact sample itself, not a fraction of a cycle later.
        var amplitude = 0.3 + (0.5 * random.NextDouble());
        var thudHz = 60 + (160 * random.NextDouble());
        var thudTau = 0.02 + (0.05 * random.NextDouble());
        var clickTau = 0.0005 + (0.0015 * random.NextDouble());
        var length = Math.Min(audio.Length - start, (int)(sampleRate * thudTau * 6));
        for (var i = 0; i < length; i++)
        {
            var t = (double)i / sampleRate;
            var thud = Math.Cos(2 * Math.PI * thudHz * t) * Math.Exp(-t / thudTau);
            var click = ((2 * random.NextDouble()) - 1) * Math.Exp(-t / clickTau);
            audio[start + i] += (float)(amplitude * ((0.6 * thud) + (0.4 * (i == 0 ? 1 : click))));
        }
    }
}
