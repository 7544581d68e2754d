#:project ../Avts.Engine/Avts.Engine.csproj
#:property TreatWarningsAsErrors=false
// Fits the Haar -> dlib HOG box mapping (FaceDetector.ToPredictorBox) on a folder of grey PNG frames, each with the
// JSON lines dlib's reference tool printed for it (scripts/fit-face-box.sh makes both). Pairs each dlib box with the
// Haar box of largest overlap, fits centre shifts (as shares of the Haar width) and the side scale by least squares,
// and reports how well the mapped boxes and the landmarks predicted from them agree with dlib's boxes, and FaceTracker's
// start agreement (FaceTracker.MinStartAgreement) on real faces. Then the
// cascade vote: the share of default-cascade faces paired with a dlib face that FaceDetector.Detect keeps, how the other
// cascades' boxes sit against the default one's, and, per clip, the default cascade's proposals and Detect's faces on
// the frames without faces in FOLDER/nonface (looking for faces down to 24 px there).
// Run: cd scripts && dotnet run -c Release fit-face-box.cs -- FOLDER
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Avts.Engine.Vision;
using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Tracking;
using OpenCvSharp;

var folder = args.Length > 0 ? args[0] : "/tmp/avts-face-box-fit";
using var detector = new FaceDetector(minFaceWidth: 40);
var predictor = ShapePredictor.Load(ShapePredictor.DefaultModelPath);
var pairs = new List<(string Frame, FaceBox Haar, FaceBox Dlib, byte[] Pixels, int Width, int Height)>();
int dlibFaces = 0, haarFaces = 0, pairedVerified = 0;
foreach (var json in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
{
    using var image = Cv2.ImRead(Path.ChangeExtension(json, ".png"), ImreadModes.Grayscale);
    var pixels = new byte[image.Width * image.Height];
    Marshal.Copy(image.Data, pixels, 0, pixels.Length);
    var haar = detector.DetectHaar(pixels, image.Width, image.Height);
    haarFaces += haar.Count;
    foreach (var line in File.ReadLines(json))
    {
        dlibFaces++;
        using var doc = JsonDocument.Parse(line);
        var b = doc.RootElement.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var dlib = new FaceBox(b[0], b[1], b[2], b[3]);
        var best = haar.OrderByDescending(h => h.IntersectionOverUnion(dlib)).FirstOrDefault();
        if (haar.Count > 0 && best.IntersectionOverUnion(dlib) > 0.2)
        {
            pairs.Add((Path.GetFileNameWithoutExtension(json), best, dlib, pixels, image.Width, image.Height));
            pairedVerified += detector.Detect(pixels, image.Width, image.Height).Any(v => v.IntersectionOverUnion(FaceDetector.ToPredictorBox(best)) >= 0.5) ? 1 : 0;
        }
    }
}

double Mean(IEnumerable<double> v) => v.Average();
double Sd(IEnumerable<double> v) { var a = v.ToArray(); var m = a.Average(); return Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / Math.Max(1, a.Length - 1)); }
var dx = pairs.Select(p => (p.Dlib.CentreX - p.Haar.CentreX) / p.Haar.Width).ToArray();
var dy = pairs.Select(p => (p.Dlib.CentreY - p.Haar.CentreY) / p.Haar.Width).ToArray();
// Least squares through the origin: dlib width = scale x Haar width.
var scale = pairs.Sum(p => (double)p.Dlib.Width * p.Haar.Width) / pairs.Sum(p => (double)p.Haar.Width * p.Haar.Width);
var ratio = pairs.Select(p => (double)p.Dlib.Width / p.Haar.Width).ToArray();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dlibFaces} dlib faces, {haarFaces} Haar faces, {pairs.Count} pairs (IoU > 0.2)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"centre x shift {Mean(dx):F4} (sd {Sd(dx):F4}) x Haar width"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"centre y shift {Mean(dy):F4} (sd {Sd(dy):F4}) x Haar width"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"side scale {scale:F4} (per-pair ratio mean {Mean(ratio):F4}, sd {Sd(ratio):F4}); Haar widths {pairs.Min(p => p.Haar.Width)}-{pairs.Max(p => p.Haar.Width)} px"));

FaceBox Fitted(FaceBox h) => FaceBox.Around(h.CentreX + (Mean(dx) * h.Width), h.CentreY + (Mean(dy) * h.Width), h.Width * scale, h.Width * scale);
foreach (var (name, map) in new (string, Func<FaceBox, FaceBox>)[] { ("raw Haar", h => h), ("fitted now", Fitted), ("FaceDetector.ToPredictorBox", FaceDetector.ToPredictorBox) })
{
    // Landmark error: mean point distance between the landmarks from the mapped box and from dlib's box, over the
    // inter-ocular distance (outer eye corners 36 and 45) of the latter.
    var errors = pairs.Select(p =>
    {
        var reference = predictor.Predict(p.Pixels, p.Width, p.Height, p.Dlib);
        var mapped = predictor.Predict(p.Pixels, p.Width, p.Height, map(p.Haar));
        var ocular = Math.Sqrt(Math.Pow(reference.X(36) - reference.X(45), 2) + Math.Pow(reference.Y(36) - reference.Y(45), 2));
        return Enumerable.Range(0, reference.Count).Average(i => Math.Sqrt(Math.Pow(reference.X(i) - mapped.X(i), 2) + Math.Pow(reference.Y(i) - mapped.Y(i), 2))) / ocular;
    }).Order().ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-28}: box IoU with dlib's mean {pairs.Average(p => map(p.Haar).IntersectionOverUnion(p.Dlib)):F3}; landmarks vs dlib-box landmarks: median {errors[errors.Length / 2]:F4}, 90th pct {errors[(int)(errors.Length * 0.9)]:F4} x inter-ocular"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FaceDetector.Detect keeps {pairedVerified} of {pairs.Count} default-cascade faces paired with a dlib face ({100.0 * pairedVerified / pairs.Count:F1} %)"));

// FaceTracker's start check: landmarks from the detected box, again from the box they imply; the overlap of the box
// the second landmarks imply with the detection, for detections of real faces.
FaceBox Implied(FaceLandmarks landmarks)
{
    var placed = Similarity.Fit(predictor.MeanShape, landmarks.Points);
    var (x, y) = placed.Apply(0.5, 0.5);
    return FaceBox.Around(x, y, placed.Scale + 1, placed.Scale + 1);
}

var agreement = new List<double>();
foreach (var (_, haar, _, pixels, width, height) in pairs)
{
    foreach (var detection in detector.Detect(pixels, width, height).Where(d => d.IntersectionOverUnion(FaceDetector.ToPredictorBox(haar)) >= 0.5))
    {
        var refined = predictor.Predict(pixels, width, height, Implied(predictor.Predict(pixels, width, height, detection)));
        agreement.Add(Implied(refined).IntersectionOverUnion(detection));
    }
}

agreement.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"start agreement on {agreement.Count} real-face detections: min {agreement[0]:F3}, 1st pct {agreement[agreement.Count / 100]:F3}, 5th pct {agreement[agreement.Count / 20]:F3}, median {agreement[agreement.Count / 2]:F3}"));

// The other two cascades' boxes on the same faces: position and size relative to the default cascade's box.
foreach (var file in FaceDetector.CascadeFiles.Skip(1))
{
    using var cascade = new CascadeClassifier(Path.Combine(FaceDetector.DefaultCascadeFolder, file));
    var offsets = new List<(double X, double Y, double Size)>();
    foreach (var (_, haar, _, pixels, width, height) in pairs)
    {
        using var image = Mat.FromPixelData(height, width, MatType.CV_8UC1, pixels);
        var other = cascade.DetectMultiScale(image, 1.1, 3, HaarDetectionTypes.ScaleImage, new Size(40, 40))
            .Select(r => new FaceBox(r.X, r.Y, r.X + r.Width - 1, r.Y + r.Height - 1))
            .Where(b => b.IntersectionOverUnion(haar) >= 0.5)
            .ToList();
        if (other.Count == 1)
        {
            offsets.Add(((other[0].CentreX - haar.CentreX) / haar.Width, (other[0].CentreY - haar.CentreY) / haar.Width, (double)other[0].Width / haar.Width));
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{file}: {offsets.Count} faces, centre {offsets.Average(o => o.X):F3}, {offsets.Average(o => o.Y):F3} default widths off, size x{offsets.Average(o => o.Size):F3}"));
}
var nonFace = Path.Combine(folder, "nonface");
var nonFaceFrames = Directory.Exists(nonFace) ? Directory.GetFiles(nonFace, "*.png") : [];
// Faces down to 24 px: more proposals, so more false alarms for the verifier to reject.
using var sensitive = new FaceDetector(minFaceWidth: 24);
foreach (var clip in nonFaceFrames.GroupBy(f => Path.GetFileName(f)[..Path.GetFileName(f).LastIndexOf('-')]).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    int proposals = 0, kept = 0;
    foreach (var png in clip)
    {
        using var image = Cv2.ImRead(png, ImreadModes.Grayscale);
        var pixels = new byte[image.Width * image.Height];
        Marshal.Copy(image.Data, pixels, 0, pixels.Length);
        proposals += sensitive.DetectHaar(pixels, image.Width, image.Height).Count;
        kept += sensitive.Detect(pixels, image.Width, image.Height).Count;
    }

    Console.WriteLine($"{clip.Key} ({clip.Count()} frames without faces): {proposals} default-cascade proposals, {kept} faces detected");
}
