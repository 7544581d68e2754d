#:project ../Avts.Engine/Avts.Engine.csproj
#:property TreatWarningsAsErrors=false
// Inference cost of the AVTS model for one 1 s window and a +-2 s search at 10 ms steps (401 shifts): video embedding
// once, audio feature map over 1 s + 2x2 s once, pooling + distances for every shift. Untrained weights (cost only).
// Run: cd scripts && dotnet run -c Release model-timing.cs   (prints min and median over the repetitions; the
// machine may be shared, so the min is the better estimate of the uncontended cost).
using System.Diagnostics;
using Avts.Engine.Dsp;
using Avts.Engine.Model;
using TorchSharp;

torch.set_num_threads(2);
torch.random.manual_seed(1);
Console.WriteLine($"threads {torch.get_num_threads()}");
foreach (var opt in new[] { AvtsModelOptions.Tiny, AvtsModelOptions.Tiny with { InputSize = 112 }, AvtsModelOptions.Mc318 })
{
using var model = AvtsModel.Create(opt);
model.eval();
Console.WriteLine($"{opt.Architecture} {opt.InputSize}: params {model.ParameterCount:N0} video {model.Video.parameters().Sum(p => p.numel()):N0} audio {model.Audio.parameters().Sum(p => p.numel()):N0}");
var mel = new LogMelSpectrogram(opt.SampleRate, opt.FftSize, opt.HopLength, opt.WindowLength, opt.MelBins, opt.MelMinHz, opt.MelMaxHz, opt.LogOffset);
var melFrames = opt.AudioWindowFrames + 400 + 2 * opt.AudioContextFrames;
var pcm = new float[(melFrames - 1) * opt.HopLength + opt.WindowLength];
var rnd = new Random(1); for (var i = 0; i < pcm.Length; i++) pcm[i] = (float)(rnd.NextDouble() - 0.5);
var frames = new float[opt.VideoChannels * opt.ClipFrames * opt.InputSize * opt.InputSize];
var tMel = new List<double>(); var tVid = new List<double>(); var tAud = new List<double>(); var tPool = new List<double>(); var tAll = new List<double>();
var reps = opt.Architecture == "tiny" ? 20 : 4;
for (var r = 0; r < reps; r++)
{
    using var scope = torch.NewDisposeScope();
    using var ng = torch.no_grad();
    var sw = Stopwatch.StartNew();
    var img = mel.Compute(pcm);
    var flat = new float[img.Length]; Buffer.BlockCopy(img, 0, flat, 0, flat.Length * 4);
    var audio = torch.tensor(flat, new long[] { 1, 1, img.GetLength(0), img.GetLength(1) });
    var melMs = sw.Elapsed.TotalMilliseconds;
    var video = torch.tensor(frames, new long[] { 1, opt.VideoChannels, opt.ClipFrames, opt.InputSize, opt.InputSize });
    var t0 = sw.Elapsed.TotalMilliseconds;
    var ev = model.Video.call(video).unsqueeze(1);
    var t1 = sw.Elapsed.TotalMilliseconds;
    var map = model.Audio.FeatureMap(audio);
    var t2 = sw.Elapsed.TotalMilliseconds;
    var ea = model.Audio.PoolShifts(map, 0, 401, opt.AudioWindowFrames);
    var d = (ev - ea).square().sum(-1).sqrt();
    var best = d.argmin().item<long>();
    var t3 = sw.Elapsed.TotalMilliseconds;
    if (r > 0) { tMel.Add(melMs); tVid.Add(t1 - t0); tAud.Add(t2 - t1); tPool.Add(t3 - t2); tAll.Add(t3); }
}
static string Med(List<double> v) { v.Sort(); return $"{v[0]:F1}/{v[v.Count / 2]:F1}"; }
Console.WriteLine($"  min/median ms: logmel(C#+tensor, {melFrames} frames) {Med(tMel)} | video {Med(tVid)} | audio map {Med(tAud)} | pool+dist 401 shifts {Med(tPool)} | total {Med(tAll)}");
}
