#:project ../Avts.Engine/Avts.Engine.csproj
#:property TreatWarningsAsErrors=false
// Cost per clip of nano's video subnet by batch size (1, 4, 8, 16 clips per forward pass) on one and on two torch
// threads, untrained seeded weights (the cost does not depend on them), OMP_WAIT_POLICY=PASSIVE as avts sets it:
// 5 warm-up passes, then min and median over 25 passes. Run: cd scripts && dotnet run -c Release video-batch-timing.cs
using System.Diagnostics;
using Avts.Engine.Model;
using TorchSharp;

OpenMpWaitPolicy.PreferPassive();
foreach (var threads in new[] { 1, 2 })
{
    torch.set_num_threads(threads);
    torch.random.manual_seed(1);
    var options = AvtsModelOptions.Nano;
    using var model = AvtsModel.Create(options);
    model.eval();
    foreach (var batch in new[] { 1, 4, 8, 16 })
    {
        var shape = options.VideoClipShape(batch);
        var clips = new float[shape.Aggregate(1L, (x, y) => x * y)];
        var times = new List<double>();
        for (var r = 0; r < 30; r++)
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var clock = Stopwatch.StartNew();
            _ = model.VideoSubnet.call(torch.tensor(clips, shape)).data<float>().ToArray();
            if (r >= 5)
            {
                times.Add(clock.Elapsed.TotalMilliseconds / batch);
            }
        }

        times.Sort();
        Console.WriteLine($"threads {threads} batch {batch,2}: per clip min {times[0]:F2} median {times[times.Count / 2]:F2} ms");
    }
}
