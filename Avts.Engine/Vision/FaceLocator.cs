using OpenCvSharp;

namespace Avts.Engine.Vision;

/// <summary>
/// Finds the mouth region of a talking head with the frontal-face Haar cascade. Detection runs on a few sampled
/// frames only (it costs milliseconds per frame) and the boxes are combined by a per-coordinate median, so one
/// false detection neither moves nor resizes the region.
/// </summary>
internal sealed class FaceLocator : IDisposable
{
    private readonly CascadeClassifier classifier;
    private readonly Lock gate = new();

    /// <summary>Loads the cascade at <paramref name="cascadePath"/>.</summary>
    public FaceLocator(string cascadePath)
    {
        if (!File.Exists(cascadePath))
        {
            throw new FileNotFoundException("Haar cascade not found.", cascadePath);
        }

        classifier = new CascadeClassifier(cascadePath);
        if (classifier.Empty())
        {
            classifier.Dispose();
            throw new InvalidOperationException($"Haar cascade could not be loaded: {cascadePath}");
        }
    }

    /// <summary>The cascade shipped next to the engine assembly.</summary>
    public static string DefaultCascadePath =>
        Path.Combine(AppContext.BaseDirectory, "cascades", "haarcascade_frontalface_default.xml");

    /// <summary>
    /// The largest face in frame <paramref name="frame"/> (grey, <paramref name="width"/> x <paramref name="height"/>),
    /// or null.
    /// </summary>
    public Rect? DetectLargestFace(Mat frame, int width, int height)
    {
        // Detection cost grows with the pixel count; a face big enough to show a mouth survives halving a 320-wide frame.
        var scale = width > DetectionWidth ? (double)DetectionWidth / width : 1.0;
        using var small = new Mat();
        Cv2.Resize(frame, small, new Size((int)Math.Round(width * scale), (int)Math.Round(height * scale)), 0, 0, InterpolationFlags.Area);
        var minSide = Math.Max(20, Math.Min(small.Width, small.Height) / 8);
        Rect[] faces;
        lock (gate)
        {
            // CascadeClassifier keeps per-call scratch state; one detection at a time.
            faces = classifier.DetectMultiScale(small, 1.2, 4, HaarDetectionTypes.ScaleImage, new Size(minSide, minSide));
        }

        if (faces.Length == 0)
        {
            return null;
        }

        var best = faces.MaxBy(f => f.Width * f.Height);
        return new Rect(
            (int)Math.Round(best.X / scale),
            (int)Math.Round(best.Y / scale),
            (int)Math.Round(best.Width / scale),
            (int)Math.Round(best.Height / scale));
    }

    /// <summary>Frames wider than this are downscaled before detection.</summary>
    private const int DetectionWidth = 200;

    /// <summary>
    /// Mouth region for a face box: the lower third of the face, middle 60 % of its width, extended a little below
    /// the box because the open jaw leaves it. Clipped to the frame.
    /// </summary>
    public static Rect MouthRegion(Rect face, int width, int height)
    {
        var x = face.X + (int)(0.2 * face.Width);
        var y = face.Y + (int)(0.62 * face.Height);
        var w = (int)(0.6 * face.Width);
        var h = (int)(0.5 * face.Height);
        var x0 = Math.Clamp(x, 0, width - 1);
        var y0 = Math.Clamp(y, 0, height - 1);
        var x1 = Math.Clamp(x + w, x0 + 1, width);
        var y1 = Math.Clamp(y + h, y0 + 1, height);
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>Per-coordinate median of <paramref name="boxes"/> (not empty).</summary>
    public static Rect Median(IReadOnlyList<Rect> boxes)
    {
        static int Mid(IEnumerable<int> v)
        {
            var sorted = v.Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        return new Rect(Mid(boxes.Select(b => b.X)), Mid(boxes.Select(b => b.Y)), Mid(boxes.Select(b => b.Width)), Mid(boxes.Select(b => b.Height)));
    }

    /// <inheritdoc />
    public void Dispose() => classifier.Dispose();
}
