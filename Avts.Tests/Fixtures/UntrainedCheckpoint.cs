using Avts.Engine.Model;
using TorchSharp;

namespace Avts.Tests.Fixtures;

/// <summary>A freshly initialised, seeded model saved with its card: the weights tests use where training does not matter.</summary>
internal static class UntrainedCheckpoint
{
    /// <summary>Saves an untrained <paramref name="options"/> model initialised from <paramref name="seed"/> at <paramref name="path"/>; returns the path.</summary>
    public static string Save(string path, AvtsModelOptions options, int seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        torch.random.manual_seed(seed);
        using var model = AvtsModel.Create(options);
        Checkpoint.Save(model, path, "untrained (test)", "test", new Dictionary<string, double>());
        return path;
    }
}
