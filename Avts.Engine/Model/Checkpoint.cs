using System.Text.Json;
using System.Text.Json.Nodes;
using Avts.Engine.Media;
using TorchSharp;

namespace Avts.Engine.Model;

/// <summary>
/// Saves and loads AVTS weights together with their model card (<c>name.card.json</c> next to <c>name.ext</c>). Loading
/// refuses weights whose card is missing or disagrees with the requested options, with a one-line
/// <see cref="ModelCardException"/>.
/// </summary>
public static class Checkpoint
{
    /// <summary>
    /// Card layout and weight-name version. Bump it when a submodule field is renamed or the card layout changes.
    /// </summary>
    public const int SchemaVersion = 1;

    /// <summary>The card path for a weights path: same folder and stem, extension <c>.card.json</c>.</summary>
    public static string CardPath(string weightsPath) => Path.ChangeExtension(weightsPath, ".card.json");

    /// <summary>Writes the weights to <paramref name="weightsPath"/> and the card next to them; returns the card.</summary>
    public static ModelCard Save(
        AvtsModel model,
        string weightsPath,
        string trainingData,
        string command,
        IReadOnlyDictionary<string, double> metrics,
        TimeProvider? time = null)
    {
        var card = new ModelCard
        {
            SchemaVersion = SchemaVersion,
            Options = model.Options,
            ParameterCount = model.ParameterCount,
            TrainingData = trainingData,
            Command = command,
            Metrics = new Dictionary<string, double>(metrics),
            ToolVersion = EngineInfo.Version,
            CreatedUtc = (time ?? TimeProvider.System).GetUtcNow(),
        };
        var folder = Path.GetDirectoryName(Path.GetFullPath(weightsPath));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        model.save(weightsPath);
        WriteCard(weightsPath, card);
        return card;
    }

    /// <summary>
    /// Writes <paramref name="card"/> as the card of <paramref name="weightsPath"/>, atomically (a temp file in the same
    /// folder, then a move over the old card), so a reader never sees half a card; the weights are not touched.
    /// </summary>
    public static void WriteCard(string weightsPath, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        AtomicFile.WriteAllText(CardPath(weightsPath), JsonSerializer.Serialize(card, ModelJsonContext.Default.ModelCard));
    }

    /// <summary>Reads and checks the card of <paramref name="weightsPath"/> (existence, JSON, schema version).</summary>
    public static ModelCard ReadCard(string weightsPath)
    {
        var cardPath = CardPath(weightsPath);
        if (!File.Exists(cardPath))
        {
            throw new ModelCardException($"Model card '{cardPath}' is missing: weights without their card are refused (the preprocessing they expect is unknown).");
        }

        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize(File.ReadAllText(cardPath), ModelJsonContext.Default.ModelCard);
        }
        catch (JsonException ex)
        {
            throw new ModelCardException($"Model card '{cardPath}' is not a valid card: {ex.Message}", ex);
        }

        if (card is null)
        {
            throw new ModelCardException($"Model card '{cardPath}' is empty.");
        }

        if (card.SchemaVersion != SchemaVersion)
        {
            throw new ModelCardException($"Model card '{cardPath}' has schema version {card.SchemaVersion}; this build of Avts reads version {SchemaVersion}.");
        }

        if (CalibrationProblem(card.ConfidenceCalibration) is { } problem)
        {
            throw new ModelCardException($"Model card '{cardPath}' has an unusable confidence_calibration: {problem}.");
        }

        if (CalibrationProblem(card.ShortWindowCalibration) is { } shortProblem)
        {
            throw new ModelCardException($"Model card '{cardPath}' has an unusable short_window_calibration: {shortProblem}.");
        }

        if (card.ShortWindowCalibration is { Count: > 0 } && card.ShortWindowSeconds is not (> 0 and < double.PositiveInfinity))
        {
            throw new ModelCardException($"Model card '{cardPath}' has a short_window_calibration without a positive short_window_seconds.");
        }

        return card;
    }

    /// <summary>
    /// Loads weights saved by <see cref="Save"/> into a new model for <paramref name="expected"/> on
    /// <paramref name="device"/>, after checking that the card describes exactly those options.
    /// </summary>
    public static AvtsModel Load(string weightsPath, AvtsModelOptions expected, torch.Device? device = null)
    {
        var card = ReadCard(weightsPath);
        var mismatch = Differences(card.Options, expected);
        if (mismatch.Count > 0)
        {
            throw new ModelCardException($"Model card '{CardPath(weightsPath)}' does not match the requested model: {string.Join("; ", mismatch.Take(4))}{(mismatch.Count > 4 ? "; …" : "")}.");
        }

        if (!File.Exists(weightsPath))
        {
            throw new ModelCardException($"Model weights '{weightsPath}' are missing next to their card.");
        }

        var model = new AvtsModel(expected);
        try
        {
            model.load(weightsPath);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or EndOfStreamException)
        {
            model.Dispose();
            throw new ModelCardException($"Model weights '{weightsPath}' do not fit the architecture in their card: {ex.Message}", ex);
        }

        if (device is not null && device.type != DeviceType.CPU)
        {
            model.to(device);
        }

        return model;
    }

    /// <summary>Why a calibration table cannot be interpolated (scores not finite and increasing, probabilities outside 0..1), or null.</summary>
    private static string? CalibrationProblem(IReadOnlyList<CalibrationPoint>? table)
    {
        for (var i = 0; table is not null && i < table.Count; i++)
        {
            var point = table[i];
            if (point is null || !double.IsFinite(point.Score) || !(point.Probability is >= 0 and <= 1))
            {
                return $"point {i} is not a finite score with a probability in 0..1";
            }

            if (i > 0 && !(point.Score > table[i - 1].Score))
            {
                return $"scores must increase (point {i})";
            }
        }

        return null;
    }

    /// <summary>"name is X in the card but Y requested" for every option that differs (derived values recomputed from the card).</summary>
    private static List<string> Differences(AvtsModelOptions card, AvtsModelOptions expected)
    {
        var have = (JsonObject)JsonSerializer.SerializeToNode(card, ModelJsonContext.Default.AvtsModelOptions)!;
        var want = (JsonObject)JsonSerializer.SerializeToNode(expected, ModelJsonContext.Default.AvtsModelOptions)!;
        var result = new List<string>();
        foreach (var (name, value) in want)
        {
            var stored = have[name];
            if (!JsonNode.DeepEquals(stored, value))
            {
                result.Add($"{name} is {stored?.ToJsonString() ?? "absent"} in the card but {value?.ToJsonString() ?? "null"} requested");
            }
        }

        return result;
    }
}
