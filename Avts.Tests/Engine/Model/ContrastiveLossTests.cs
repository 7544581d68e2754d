using Avts.Engine.Model;
using TorchSharp;

namespace Avts.Tests.Engine.Model;

public sealed class ContrastiveLossTests
{
    [Fact]
    public void Value_MatchesHandComputation()
    {
        torch.random.manual_seed(4);
        using var loss = new ContrastiveLoss(0.99);
        using var d = torch.tensor(new float[] { 0.2f, 0.5f, 0.3f, 1.5f });
        using var y = torch.tensor(new float[] { 1f, 1f, 0f, 0f });
        using var value = loss.call(d, y);

        // (0.04 + 0.25 + 0.69² + 0) / 4
        Assert.Equal((0.04 + 0.25 + (0.69 * 0.69)) / 4, value.item<float>(), 5);
    }

    [Fact]
    public void Gradient_PullsInSyncPairsTogether_AndPushesNegativesApart()
    {
        torch.random.manual_seed(4);
        using var loss = new ContrastiveLoss();
        using var d = torch.tensor(new float[] { 0.4f, 0.4f, 1.2f }, requires_grad: true);
        using var y = torch.tensor(new float[] { 1f, 0f, 0f });
        using var value = loss.call(d, y);
        value.backward();
        var grad = d.grad!.data<float>().ToArray();
        Assert.True(grad[0] > 0, "in-sync: a smaller distance lowers the loss");
        Assert.True(grad[1] < 0, "negative inside the margin: a larger distance lowers the loss");
        Assert.Equal(0f, grad[2]);
    }
}
