#:project ../Avts.Engine/Avts.Engine.csproj
#:property TreatWarningsAsErrors=false
// Cost of one 68-point landmark prediction per face on one core: every committed landmark fixture face, 200 warm-up
// calls, then 20 rounds of 500 calls each on this one thread. Prints the model load time and, per face, the min and
// median microseconds per call over the rounds (the machine may be shared: the min is the better estimate).
// Run: cd scripts && dotnet run -c Release landmark-timing.cs
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Avts.Engine.Vision.Landmarks;
using OpenCvSharp;

var fixtures = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", "Avts.Tests", "TestData", "landmarks");
var load = Stopwatch.StartNew();
var predictor = ShapePredictor.Load(ShapePredictor.DefaultModelPath);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model load {load.Elapsed.TotalMilliseconds:F0} ms"));
var points = new float[predictor.PartCount * 2];
var medians = new List<double>();
foreach (var json in Directory.GetFiles(fixtures, "*.json").Order(StringComparer.Ordinal))
{
    using var image = Cv2.ImRead(Path.ChangeExtension(json, ".png"), ImreadModes.Grayscale);
    var pixels = new byte[image.Width * image.Height];
    Marshal.Copy(image.Data, pixels, 0, pixels.Length);
    foreach (var line in File.ReadLines(json))
    {
        using var doc = JsonDocument.Parse(line);
        var b = doc.RootElement.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var box = new FaceBox(b[0], b[1], b[2], b[3]);
        for (var i = 0; i < 200; i++)
        {
            predictor.Predict(pixels, image.Width, image.Height, box, points);
        }

        var rounds = new List<double>();
        for (var r = 0; r < 20; r++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 500; i++)
            {
                predictor.Predict(pixels, image.Width, image.Height, box, points);
            }

            rounds.Add(watch.Elapsed.TotalMicroseconds / 500);
        }

        rounds.Sort();
        medians.Add(rounds[rounds.Count / 2]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileNameWithoutExtension(json),-14} face {b[2] - b[0] + 1,3} px: min {rounds[0],6:F1} us, median {rounds[rounds.Count / 2],6:F1} us per face"));
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all faces: median of medians {medians.Order().ElementAt(medians.Count / 2):F1} us per face"));
