using TorchSharp;

namespace Avts.Tests.Engine;

/// <summary>The libtorch native load works on this platform (the GLIBCXX patch in Directory.Build.targets).</summary>
public sealed class TorchRuntimeTests
{
    [Fact]
    public void Autograd_OnCpu_ComputesGradient()
    {
        torch.random.manual_seed(1);
        using var x = torch.tensor(new float[] { 1f, 2f, 3f }, requires_grad: true);
        using var y = (x * x).sum();
        y.backward();
        using var grad = x.grad!;
        Assert.Equal(new float[] { 2f, 4f, 6f }, grad.data<float>().ToArray());
    }
}
