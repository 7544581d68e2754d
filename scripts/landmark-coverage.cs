#:project ../Avts.Engine/Avts.Engine.csproj
#:property TreatWarningsAsErrors=false
// Landmark coverage: for each clip, the share of its frames in which FaceTracker has a face with 68 landmarks.
// Each clip is decoded at the width FaceScale.FindDecodeWidthAsync picks (largest face about 100 px; at least 320 px)
// and tracked by VideoFaceTracks (forward, then back from each track's first detection).
// Run: cd scripts && dotnet run -c Release landmark-coverage.cs -- [FILE|DIR ...]
// Default: ../../shared/data/av/talking/*.mp4, ../../shared/data/av/lrs3-00018/00018.mp4, every .mp4 under ../../shared/data/faces.
using System.Globalization;
using Avts.Engine.Media;
using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Tracking;

var scriptDir = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".";
var data = Path.GetFullPath(Path.Combine(scriptDir, "..", "..", "shared", "data"));
var inputs = args.Length > 0 ? args : [Path.Combine(data, "av", "talking"), Path.Combine(data, "av", "lrs3-00018", "00018.mp4"), Path.Combine(data, "faces")];
var clips = inputs.SelectMany(p => Directory.Exists(p)
    ? Directory.GetFiles(p, "*.mp4", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
    : (IEnumerable<string>)[p]).ToList();

var predictor = ShapePredictor.Load(ShapePredictor.DefaultModelPath);
Console.WriteLine("| clip | decode width | frames | frames with landmarks | % | face px (5th pct / median) | tracks | tracking ms/frame |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
int allFrames = 0, allFound = 0, clipsAt95 = 0;
foreach (var clip in clips)
{
    var name = Path.GetRelativePath(data, clip);
    var width = await FaceScale.FindDecodeWidthAsync(clip, CancellationToken.None) ?? FaceScale.ProbeWidth;
    var video = (await MediaDecoder.DecodeAsync(clip, new DecodeOptions { IncludeAudio = false, VideoWidth = width }, CancellationToken.None)).Video!;
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var faces = VideoFaceTracks.Track(video, predictor);
    var perFrame = watch.Elapsed.TotalMilliseconds / Math.Max(1, video.FrameCount);
    var found = faces.Count(f => f.Count > 0);
    var sizes = faces.Where(f => f.Count > 0).Select(f => f[0].FaceSize).Order().ToList();
    var tracks = faces.SelectMany(f => f).Select(f => f.TrackId).Distinct().Count();
    allFrames += video.FrameCount;
    allFound += found;
    var share = video.FrameCount == 0 ? 0 : 100.0 * found / video.FrameCount;
    clipsAt95 += share >= 95 ? 1 : 0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {width} | {video.FrameCount} | {found} | {share:F1} | {(sizes.Count > 0 ? sizes[sizes.Count / 20] : 0):F0} / {(sizes.Count > 0 ? sizes[sizes.Count / 2] : 0):F0} | {tracks} | {perFrame:F1} |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| all {clips.Count} clips | | {allFrames} | {allFound} | {100.0 * allFound / Math.Max(1, allFrames):F1} | | {clipsAt95} clips at 95 % or more | |"));
