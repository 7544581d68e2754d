#:project ../Avts.Engine/Avts.Engine.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
// Dumps every 1 s model clip's distance curve (±2 s at 10 ms) of the lips models for the shifted copies that
// `avts bench shift --work DIR` leaves behind, so that rules for combining clips and models can be compared offline
// (scripts/clip-rules.py) without running the models again.
// Each copy is decoded as a lips check decodes it (AvtsEstimator.PrepareDecodeAsync) and scored in windows of one clip
// each (clips every 0.2 s, as a check places them); the face is the one a check would pick.
// Run: cd scripts && dotnet run -c Release lips-clip-curves.cs -- COPIES-DIR OUT.json WEIGHTS [WEIGHTS...]
// A copy is named SOURCE.shift{+N|-N|0}.mkv by the bench.
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Avts.Engine.Media;
using Avts.Engine.Scoring;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: lips-clip-curves.cs COPIES-DIR OUT.json WEIGHTS [WEIGHTS...]");
    return 2;
}

var copies = Directory.GetFiles(args[0], "*.shift*.mkv").Order(StringComparer.Ordinal).ToList();
var models = args.Skip(2).Select(w => (Name: Path.GetFileNameWithoutExtension(w), Estimator: new AvtsEstimator(w))).ToList();
const double range = 2.0;
var cases = new List<object>();
var watch = System.Diagnostics.Stopwatch.StartNew();
foreach (var copy in copies)
{
    var match = Regex.Match(Path.GetFileName(copy), @"^(?<source>.+)\.shift(?<shift>[+-]?\d+)\.mkv$");
    var info = await MediaProbe.ProbeAsync(copy, CancellationToken.None);
    var perModel = new Dictionary<string, object>();
    foreach (var (name, estimator) in models)
    {
        var decode = await estimator.PrepareDecodeAsync(copy, info, new DecodeOptions(), CancellationToken.None);
        var media = await MediaDecoder.DecodeAsync(copy, decode, CancellationToken.None);
        var video = media.Video!;
        var audio = media.Audio!;
        var spanStart = Math.Max(video.StartSeconds, audio.StartSeconds);
        var spanEnd = Math.Min(video.EndSeconds, audio.EndSeconds);
        var hop = AvtsEstimator.ClipHop(estimator.Options);
        var bounds = new List<(double, double)>();
        for (var i = 0; spanStart + (i * hop) + estimator.Options.WindowSeconds <= spanEnd + 1e-6; i++)
        {
            bounds.Add((spanStart + (i * hop), spanStart + (i * hop) + estimator.Options.WindowSeconds));
        }

        var windows = estimator.ScoreWindows(video, audio, bounds, range, CancellationToken.None).ToList();
        perModel[name] = windows.Select(w => new
        {
            start = Math.Round(w.StartSeconds, 3),
            curve = w.Curve?.Select(d => double.IsNaN(d) ? (double?)null : Math.Round(d, 5)).ToArray(),
        }).ToList();
    }

    cases.Add(new
    {
        source = match.Groups["source"].Value,
        shift = int.Parse(match.Groups["shift"].Value, CultureInfo.InvariantCulture),
        models = perModel,
    });
    Console.Error.WriteLine($"{watch.Elapsed.TotalSeconds,6:0} s  {Path.GetFileName(copy)}");
}

await File.WriteAllTextAsync(args[1], JsonSerializer.Serialize(new { range_s = range, step_ms = 10, cases }));
return 0;
