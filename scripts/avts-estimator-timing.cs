#:project ../Avts.Engine/Avts.Engine.csproj
#:property TreatWarningsAsErrors=false
// Cost of AvtsEstimator.Analyze per 1 s model clip (video embedding once + log-mel and audio feature map over the clip
// ± range + distances for all 401 shifts of a ±2 s search, plus cutting the inputs), untrained tiny weights (cost only).
// Run: cd scripts && dotnet run -c Release avts-estimator-timing.cs   (min and median over the repetitions).
using System.Diagnostics;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Scoring;
using TorchSharp;

torch.set_num_threads(2);
torch.random.manual_seed(1);
var folder = Path.Combine(Path.GetTempPath(), "avts-estimator-timing-" + Environment.ProcessId);
var weights = Path.Combine(folder, "tiny.pt");
using (var model = AvtsModel.Create(AvtsModelOptions.Tiny))
{
    Checkpoint.Save(model, weights, "untrained", "timing", new Dictionary<string, double>());
}

const int Width = 320, Height = 180, Fps = 25, SampleRate = 16000;
const double Seconds = 20;
var frames = (int)(Seconds * Fps);
var random = new Random(1);
var pixels = new byte[Width * Height * frames];
random.NextBytes(pixels);
var video = new VideoTrack(Width, Height, pixels, [.. Enumerable.Range(0, frames).Select(i => (double)i / Fps)]);
var samples = new float[(int)(Seconds * SampleRate)];
for (var i = 0; i < samples.Length; i++) samples[i] = (float)(0.1 * (random.NextDouble() - 0.5));
var audio = new AudioTrack(samples, SampleRate, 0);
var media = new DecodedMedia(
    new MediaInfo("synthetic", "rawvideo", Seconds, new VideoStreamInfo(0, "rawvideo", Width, Height, Fps, 0, Seconds, 0, false), new AudioStreamInfo(1, "pcm", SampleRate, 1, 0, Seconds)),
    video,
    audio);

using var estimator = new AvtsEstimator(weights);
var options = new AnalysisOptions { RangeSeconds = 2 };
var clips = (int)Math.Floor((Seconds - 1) / AvtsEstimator.ClipHop(estimator.Options)) + 1;
var perClip = new List<double>();
for (var r = 0; r < 6; r++)
{
    var sw = Stopwatch.StartNew();
    var result = estimator.Analyze(media, options, CancellationToken.None);
    sw.Stop();
    if (r > 0) perClip.Add(sw.Elapsed.TotalMilliseconds / clips);
    Console.WriteLine($"run {r}: {sw.Elapsed.TotalMilliseconds:F0} ms for {Seconds} s ({clips} clips, {result.Windows.Count} windows, {result.Curve?.DelaysMs.Length} delays)");
}

perClip.Sort();
Console.WriteLine($"per 1 s clip (401 shifts): min {perClip[0]:F1} ms, median {perClip[perClip.Count / 2]:F1} ms; threads {torch.get_num_threads()}; load {File.ReadAllText("/proc/loadavg").Trim()}");
Directory.Delete(folder, recursive: true);
