#:project ../Avts.Engine/Avts.Engine.csproj
#:property TreatWarningsAsErrors=false
// Fits the mean-face template FaceTracker uses to reject Haar false positives (FaceTemplate.MeanFace) and measures it.
// Faces: dlib's HOG boxes in the frames scripts/fit-face-box.sh wrote (many speakers), each fitted with landmarks (from
// the box, then from the box the landmarks imply, as the tracker starts a face) and sampled as a FacePatch. Non-faces:
// the same steps from every Haar detection on frames of clips without faces, and from random boxes away from the
// faces in the face frames. The template is the normalised mean of the face patches; the faces are split in two by
// clip, each half scored with the other half's template, so the face figures are not scored on their own template.
// Run: cd scripts && dotnet run -c Release fit-face-template.cs -- FIT_FOLDER NONFACE_CLIP...
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Avts.Engine.Media;
using Avts.Engine.Vision;
using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Tracking;
using OpenCvSharp;

var folder = args[0];
var predictor = ShapePredictor.Load(ShapePredictor.DefaultModelPath);
using var detector = new FaceDetector(minFaceWidth: 24);
float[] PatchFrom(byte[] pixels, int width, int height, FaceBox box)
{
    var first = predictor.Predict(pixels, width, height, box);
    var placed = Similarity.Fit(predictor.MeanShape, first.Points);
    var (cx, cy) = placed.Apply(0.5, 0.5);
    var second = predictor.Predict(pixels, width, height, FaceBox.Around(cx, cy, placed.Scale + 1, placed.Scale + 1));
    return FacePatch.Sample(pixels, width, height, predictor, second);
}

var faces = new List<(string Clip, float[] Patch)>();
var nonFaces = new List<(string Kind, float[] Patch)>();
var random = new Random(1);
foreach (var json in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
{
    using var image = Cv2.ImRead(Path.ChangeExtension(json, ".png"), ImreadModes.Grayscale);
    var pixels = new byte[image.Width * image.Height];
    Marshal.Copy(image.Data, pixels, 0, pixels.Length);
    var clip = Path.GetFileNameWithoutExtension(json)[..Path.GetFileNameWithoutExtension(json).LastIndexOf('-')];
    var boxes = File.ReadLines(json).Select(line =>
    {
        using var doc = JsonDocument.Parse(line);
        var b = doc.RootElement.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        return new FaceBox(b[0], b[1], b[2], b[3]);
    }).ToList();
    faces.AddRange(boxes.Select(b => (clip, PatchFrom(pixels, image.Width, image.Height, b))));
    foreach (var b in boxes)
    {
        var side = b.Width * (0.5 + random.NextDouble());
        var elsewhere = FaceBox.Around(random.Next(image.Width), random.Next(image.Height), side, side);
        if (boxes.All(o => o.IntersectionOverUnion(elsewhere) < 0.05))
        {
            nonFaces.Add(("random box", PatchFrom(pixels, image.Width, image.Height, elsewhere)));
        }
    }
}

foreach (var clip in args.Skip(1))
{
    var video = (await MediaDecoder.DecodeAsync(clip, new DecodeOptions { IncludeAudio = false, VideoWidth = 640 }, CancellationToken.None)).Video!;
    for (var i = 0; i < video.FrameCount; i += 2)
    {
        var pixels = video.Frame(i).ToArray();
        foreach (var box in detector.Detect(pixels, video.Width, video.Height))
        {
            nonFaces.Add(("Haar on " + Path.GetFileName(clip), PatchFrom(pixels, video.Width, video.Height, box)));
        }
    }
}

float[] Template(IEnumerable<float[]> patches)
{
    var list = patches.ToList();
    var mean = new float[FacePatch.Side * FacePatch.Side];
    foreach (var p in list) for (var i = 0; i < mean.Length; i++) mean[i] += p[i] / list.Count;
    var m = mean.Average();
    var sd = Math.Sqrt(mean.Sum(v => (v - m) * (v - m)) / mean.Length);
    return [.. mean.Select(v => (float)((v - m) / sd))];
}

var clips = faces.Select(f => f.Clip).Distinct().Order(StringComparer.Ordinal).ToList();
var half = clips.Where((_, i) => i % 2 == 0).ToHashSet();
var templateA = Template(faces.Where(f => half.Contains(f.Clip)).Select(f => f.Patch));
var templateB = Template(faces.Where(f => !half.Contains(f.Clip)).Select(f => f.Patch));
var faceScores = faces.Select(f => FacePatch.Correlation(f.Patch, half.Contains(f.Clip) ? templateB : templateA)).Order().ToArray();
var template = Template(faces.Select(f => f.Patch));
string Q(double[] a) => string.Create(CultureInfo.InvariantCulture, $"n={a.Length,4} min {a[0]:F3} p1 {a[a.Length / 100]:F3} p5 {a[a.Length / 20]:F3} p50 {a[a.Length / 2]:F3} p95 {a[a.Length * 19 / 20]:F3} max {a[^1]:F3}");
Console.WriteLine($"faces ({clips.Count} clips, other half's template): {Q(faceScores)}");
foreach (var kind in nonFaces.GroupBy(n => n.Kind))
{
    Console.WriteLine($"{kind.Key}: {Q([.. kind.Select(n => FacePatch.Correlation(n.Patch, template)).Order()])}");
}

foreach (var threshold in new[] { 0.2, 0.3, 0.4, 0.5 })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"threshold {threshold:F1}: faces kept {faceScores.Count(s => s >= threshold) * 100.0 / faceScores.Length:F1} %, non-faces kept {nonFaces.Count(n => FacePatch.Correlation(n.Patch, template) >= threshold) * 100.0 / nonFaces.Count:F1} %"));
}

Console.WriteLine("template (16 x 16, rows):");
for (var r = 0; r < FacePatch.Side; r++)
{
    Console.WriteLine("        " + string.Join(", ", template.Skip(r * FacePatch.Side).Take(FacePatch.Side).Select(v => v.ToString("F2", CultureInfo.InvariantCulture) + "f")) + ",");
}
