using Avts.Engine.Model;
using TorchSharp;

namespace Avts.Tests.Engine.Model;

public sealed class AvtsModelTests
{
    private static readonly AvtsModelOptions Small = AvtsModelOptions.Tiny with { InputSize = 32 };

    [Fact]
    public void ShiftDistances_EqualForwardOnTheCutWindows()
    {
        torch.random.manual_seed(9);
        using var model = AvtsModel.Create(Small);
        model.eval();
        using var noGrad = torch.no_grad();
        var span = Small.AudioWindowFrames + (2 * Small.AudioContextFrames) + 20;
        using var video = torch.randn(new long[] { 1, 1, Small.ClipFrames, 32, 32 });
        using var audio = torch.randn(new long[] { 1, 1, Small.MelBins, span });

        using var curve = model.ShiftDistances(video, audio, 0, 21);
        Assert.Equal(new long[] { 1, 21 }, curve.shape);
        foreach (var shift in new[] { 0, 9, 20 })
        {
            using var window = audio.narrow(3, shift, Small.AudioWindowFrames + (2 * Small.AudioContextFrames));
            using var direct = model.call(video, window);
            Assert.Equal(direct.item<float>(), curve[0, shift].item<float>(), 5);
        }

        // Unit embeddings: distances lie in [0, 2].
        Assert.All(curve.data<float>().ToArray(), d => Assert.InRange(d, 0f, 2f));
    }

    [Fact]
    public void Training_StepLowersTheLossOfAFixedBatch()
    {
        torch.random.manual_seed(10);
        using var model = AvtsModel.Create(Small);
        using var loss = new ContrastiveLoss();
        using var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
        using var video = torch.randn(new long[] { 4, 1, Small.ClipFrames, 32, 32 });
        using var audio = torch.randn(new long[] { 4, 1, Small.MelBins, Small.AudioWindowFrames + (2 * Small.AudioContextFrames) });
        using var labels = torch.tensor(new float[] { 1, 0, 1, 0 });
        var values = new List<float>();
        for (var step = 0; step < 4; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var value = loss.call(model.call(video, audio), labels);
            value.backward();
            optimizer.step();
            values.Add(value.item<float>());
        }

        Assert.True(values[^1] < values[0], string.Join(", ", values));
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("CPU")]
    [InlineData("auto")]
    public void ResolveDevice_CpuAndAuto(string name)
    {
        var device = AvtsModel.ResolveDevice(name);
        var expected = name == "auto" && torch.cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU;
        Assert.Equal(expected, device.type);
    }

    [Fact]
    public void ResolveDevice_RejectsUnknownAndUnavailable()
    {
        Assert.Throws<ArgumentException>(() => AvtsModel.ResolveDevice("tpu"));
        if (!torch.cuda.is_available())
        {
            Assert.Throws<ArgumentException>(() => AvtsModel.ResolveDevice("cuda"));
        }
    }

    [Fact]
    public void InvalidOptions_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new AvtsModel(AvtsModelOptions.Tiny with { TemporalSegments = 3 }));
        Assert.Contains("temporal segments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogMelTensor_KeepsBandsAsRowsAndFramesAsColumns()
    {
        var image = new float[3, 4];
        for (var m = 0; m < 3; m++)
        {
            for (var f = 0; f < 4; f++)
            {
                image[m, f] = (10 * m) + f;
            }
        }

        using var t = AvtsModel.LogMelTensor(image);
        Assert.Equal(new long[] { 1, 1, 3, 4 }, t.shape);
        Assert.Equal(23f, t[0, 0, 2, 3].item<float>());
        Assert.Equal(1f, t[0, 0, 0, 1].item<float>());
    }
}
