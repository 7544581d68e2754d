using System.Runtime.InteropServices;
using Avts.Engine.Model;
using Avts.Tests.Fixtures;
using TorchSharp;

namespace Avts.Tests.Engine.Model;

[Collection(SeededTorchRuns.Name)]
public sealed class LipModelTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "avts-lips-model-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void LipsModel_EmbedsLipClips_AndScoresShiftsLikeThePixelModel(int cropSize)
    {
        var options = AvtsModelOptions.Lips with { LipCropSize = cropSize };
        torch.random.manual_seed(5);
        using var model = AvtsModel.Create(options);
        model.eval();
        using var noGrad = torch.no_grad();
        using var clips = torch.randn(options.VideoClipShape(3));
        var windowFrames = options.AudioWindowFrames + (2 * options.AudioContextFrames);
        using var audio = torch.randn(3, 1, options.MelBins, windowFrames);
        using var spans = torch.randn(3, 1, options.MelBins, windowFrames + 20);

        using var distances = model.call(clips, audio);
        using var shifts = model.ShiftDistances(clips, spans, 0, 21);

        Assert.Equal([3L], distances.shape);
        Assert.Equal([3L, 21L], shifts.shape);
        Assert.All(distances.data<float>().ToArray(), d => Assert.InRange(d, 0, 2));
        Assert.Throws<InvalidOperationException>(() => model.Video);
    }

    [Fact]
    public void LipsCheckpoint_RoundTripsWithItsCard()
    {
        var options = AvtsModelOptions.Lips with { LipCropSize = 16 };
        var path = UntrainedCheckpoint.Save(Path.Combine(folder, "lips.bin"), options, seed: 3);

        var card = Checkpoint.ReadCard(path);
        using var loaded = Checkpoint.Load(path, card.Options);

        Assert.True(card.Options.IsLips);
        Assert.Equal(16, card.Options.LipCropSize);
        Assert.Equal(LipClipLayout.ShapeValues + 256, options.VideoClipShape(1)[1]);
    }

    [Fact]
    public void LipsModel_AfterTheNativeHeapHeldNaNBytes_EmbedsABatchAsLibtorchEmbedsEachClipAlone()
    {
        // libtorch 2.10's CPU conv1d over the 40 shape channels read unwritten memory for batches of 4 or more on an
        // AMD EPYC (AVX-512): after face tracking, whole batches came out NaN. Freed blocks full of 0xFF bytes (a NaN
        // as a float) stand for that heap; the reference is libtorch's own modules, one clip at a time (batch 1 was
        // never affected).
        var options = AvtsModelOptions.Lips;
        torch.random.manual_seed(7);
        using var model = AvtsModel.Create(options);
        model.eval();
        using var noGrad = torch.no_grad();
        using var clips = torch.randn(options.VideoClipShape(16));
        var layers = model.VideoSubnet.named_modules().ToDictionary(m => m.name, m => (torch.nn.Module<torch.Tensor, torch.Tensor>)m.module);

        FillFreedNativeMemoryWithNaNBytes();
        using var batch = model.VideoSubnet.call(clips);

        Assert.False(batch.isnan().any().item<bool>());
        for (var i = 0; i < 16; i++)
        {
            using var scope = torch.NewDisposeScope();
            var clip = clips.narrow(0, i, 1);
            var shape = layers["shape"].call(clip.narrow(1, 0, LipClipLayout.ShapeValues));
            var pooled = layers["pool"].call(layers["temporal"].call(shape)).flatten(1);
            var alone = torch.nn.functional.normalize(layers["projection"].call(pooled), p: 2, dim: -1);
            Assert.True(batch.narrow(0, i, 1).allclose(alone, rtol: 1e-4, atol: 1e-5), $"clip {i} differs from its embedding alone");
        }
    }

    [Fact]
    public void LipCropSize_OutsideTheAllowedSizes_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => (AvtsModelOptions.Lips with { LipCropSize = 10 }).Validate());
    }

    // Blocks of 1 KiB to 16 MiB from the C heap, set to 0xFF and freed, so the next native allocations start as NaNs.
    private static void FillFreedNativeMemoryWithNaNBytes()
    {
        var ones = new byte[16 << 20];
        Array.Fill(ones, byte.MaxValue);
        var blocks = new List<IntPtr>();
        for (var size = 1024; size <= ones.Length; size = size * 5 / 4)
        {
            var block = Marshal.AllocHGlobal(size);
            Marshal.Copy(ones, 0, block, size);
            blocks.Add(block);
        }

        blocks.ForEach(Marshal.FreeHGlobal);
    }
}
