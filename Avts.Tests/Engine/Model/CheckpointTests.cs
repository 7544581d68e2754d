using System.Text.Json.Nodes;
using Avts.Engine.Model;
using TorchSharp;

namespace Avts.Tests.Engine.Model;

public sealed class CheckpointTests : IDisposable
{
    private static readonly AvtsModelOptions Small = AvtsModelOptions.Tiny with { InputSize = 32 };
    private readonly string folder = Path.Combine(Path.GetTempPath(), "avts-checkpoint-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void RoundTrip_GivesIdenticalOutputs_AndTheCardDescribesTheRun()
    {
        torch.random.manual_seed(5);
        var path = Path.Combine(folder, "tiny.bin");
        using var model = AvtsModel.Create(Small);
        var card = Checkpoint.Save(model, path, "synthetic", "avts train --size tiny", new Dictionary<string, double> { ["val_accuracy"] = 0.5 });
        Assert.True(File.Exists(Path.Combine(folder, "tiny.card.json")));

        using var loaded = Checkpoint.Load(path, Small);
        model.eval();
        loaded.eval();
        using var noGrad = torch.no_grad();
        using var video = torch.randn(new long[] { 2, 1, Small.ClipFrames, 32, 32 });
        using var audio = torch.randn(new long[] { 2, 1, Small.MelBins, Small.AudioWindowFrames + (2 * Small.AudioContextFrames) });
        using var before = model.call(video, audio);
        using var after = loaded.call(video, audio);
        Assert.Equal(before.data<float>().ToArray(), after.data<float>().ToArray());

        var reread = Checkpoint.ReadCard(path);
        Assert.Equal(Small, reread.Options);
        Assert.Equal(card.ParameterCount, reread.ParameterCount);
        Assert.Equal(0.5, reread.Metrics["val_accuracy"]);
        Assert.Equal("avts train --size tiny", reread.Command);
        var json = JsonNode.Parse(File.ReadAllText(Checkpoint.CardPath(path)))!;
        Assert.Equal(40, json["options"]!["mel_bins"]!.GetValue<int>());
        Assert.Equal(160, json["options"]!["hop_length"]!.GetValue<int>());
    }

    [Fact]
    public void TamperedCard_IsRejectedWithAOneLineMessage()
    {
        torch.random.manual_seed(6);
        var path = Path.Combine(folder, "tiny.bin");
        using (var model = AvtsModel.Create(Small))
        {
            Checkpoint.Save(model, path, "synthetic", "test", new Dictionary<string, double>());
        }

        var cardPath = Checkpoint.CardPath(path);
        var json = JsonNode.Parse(File.ReadAllText(cardPath))!;
        json["options"]!["mel_bins"] = 64;
        File.WriteAllText(cardPath, json.ToJsonString());

        var error = Assert.Throws<ModelCardException>(() => Checkpoint.Load(path, Small));
        Assert.Contains("mel_bins is 64 in the card but 40 requested", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);

        json["schema_version"] = 99;
        File.WriteAllText(cardPath, json.ToJsonString());
        error = Assert.Throws<ModelCardException>(() => Checkpoint.Load(path, Small));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherArchitectureRequested_IsRejected()
    {
        torch.random.manual_seed(7);
        var path = Path.Combine(folder, "tiny.bin");
        using (var model = AvtsModel.Create(Small))
        {
            Checkpoint.Save(model, path, "synthetic", "test", new Dictionary<string, double>());
        }

        var error = Assert.Throws<ModelCardException>(() => Checkpoint.Load(path, AvtsModelOptions.Mc318));
        Assert.Contains("architecture is \"tiny\" in the card but \"mc3-18\" requested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCard_IsRejected()
    {
        torch.random.manual_seed(8);
        var path = Path.Combine(folder, "bare.bin");
        Directory.CreateDirectory(folder);
        using (var model = AvtsModel.Create(Small))
        {
            model.save(path);
        }

        var error = Assert.Throws<ModelCardException>(() => Checkpoint.Load(path, Small));
        Assert.Contains("bare.card.json' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VideoCrop_IsPartOfTheCard_AndCardsWrittenBeforeItReadAsCentre()
    {
        torch.random.manual_seed(9);
        var path = Path.Combine(folder, "face.bin");
        var face = Small with { VideoCrop = AvtsModelOptions.FaceCrop };
        using (var model = AvtsModel.Create(face))
        {
            Checkpoint.Save(model, path, "synthetic", "test", new Dictionary<string, double>());
        }

        Assert.Equal(AvtsModelOptions.FaceCrop, Checkpoint.ReadCard(path).Options.VideoCrop);
        var error = Assert.Throws<ModelCardException>(() => Checkpoint.Load(path, Small));
        Assert.Contains("video_crop is \"face\" in the card but \"centre\" requested", error.Message, StringComparison.Ordinal);

        var cardPath = Checkpoint.CardPath(path);
        var json = JsonNode.Parse(File.ReadAllText(cardPath))!;
        json["options"]!.AsObject().Remove("video_crop");
        File.WriteAllText(cardPath, json.ToJsonString());
        Assert.Equal(AvtsModelOptions.CentreCrop, Checkpoint.ReadCard(path).Options.VideoCrop);
        using var loaded = Checkpoint.Load(path, Small);
    }
}
