using System.Globalization;
using System.Text.Json;
using Avts.Engine.Model;

namespace Avts.Training.Training;

/// <summary>
/// The <c>avts-train train --config FILE.json</c> file (snake_case JSON). Relative data paths are resolved against
/// the current directory (the examples in training/configs are written for the repository root).
/// </summary>
public sealed record TrainingConfig
{
    /// <summary>Folders searched (recursively) for training videos.</summary>
    public List<string> Data { get; set; } = [];

    /// <summary>Share of the videos held out for validation (used when <see cref="ValidationFiles"/> is empty).</summary>
    public double ValidationFraction { get; set; } = 0.2;

    /// <summary>Explicit validation videos (paths or file names); overrides <see cref="ValidationFraction"/>.</summary>
    public List<string> ValidationFiles { get; set; } = [];

    /// <summary>Model architecture and input options.</summary>
    public ModelSection Model { get; set; } = new();

    /// <summary>Number of epochs in total (a resumed run continues up to this).</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>Pairs per batch.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Batches per epoch; 0 = one batch per <see cref="BatchSize"/> training videos, rounded up.</summary>
    public int BatchesPerEpoch { get; set; }

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Objective: "contrastive" (default), "contrastive+shift" or "shift" (see <see cref="LossMode"/>).</summary>
    public string Loss { get; set; } = LossMode.ContrastiveName;

    /// <summary>Settings of the multi-way shift loss (used when <see cref="Loss"/> includes it).</summary>
    public ShiftLossSection ShiftLoss { get; set; } = new();

    /// <summary>Contrastive margin.</summary>
    public double Margin { get; set; } = ContrastiveLoss.DefaultMargin;

    /// <summary>Share of in-sync pairs in a batch.</summary>
    public double PositiveShare { get; set; } = 0.5;

    /// <summary>Negatives curriculum.</summary>
    public CurriculumSection Curriculum { get; set; } = new();

    /// <summary>|shift| range of hard negatives in seconds.</summary>
    public ShiftRange HardShift { get; set; } = new() { MinS = 0.5, MaxS = 2.9 };

    /// <summary>|shift| range of super-hard negatives in seconds.</summary>
    public ShiftRange SuperHardShift { get; set; } = new() { MinS = 0.04, MaxS = 0.3 };

    /// <summary>Seed of the split, the sampler and the weights.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Torch CPU threads (0 = leave the default).</summary>
    public int Threads { get; set; } = 2;

    /// <summary>Width videos are decoded at (grey); enough for the model's square crop.</summary>
    public int DecodeWidth { get; set; } = 96;

    /// <summary>Clip starts per validation video (each gives a positive, an easy and a hard negative).</summary>
    public int ValidationClipsPerVideo { get; set; } = 4;

    /// <summary>|shift| searched by the offset metric, in seconds (clamped to what the audio covers).</summary>
    public double OffsetSearchS { get; set; } = 1.0;

    /// <summary>A progress line on stderr every this many batches.</summary>
    public int LogEvery { get; set; } = 10;

    /// <summary>Lips models: folder where each video's lip track is stored after the first tracking (null: not stored).</summary>
    public string? LipsCache { get; set; } = "runs/lips-cache";

    /// <summary>
    /// Lips models: identity augmentation of training clips (random mouth stretch and tilt, landmark noise, crop
    /// brightness and contrast), so the net cannot tell speakers by their mouth's shape. Validation clips are never
    /// augmented.
    /// </summary>
    public bool Augment { get; set; } = true;

    /// <summary>
    /// Audio augmentation of training windows (<see cref="AudioAugmentation"/>: gain, spectral tilt, another video's
    /// sound mixed under at 0–20 dB SNR). Off by default, so configs written before it train as they did.
    /// </summary>
    public bool AudioAugment { get; set; }

    /// <summary>
    /// Sampling weight of the videos under each <see cref="Data"/> folder (a folder not named here weighs 1 per video):
    /// a clip is cut from a video drawn in proportion to its weight, so a folder of a few dozen clips of many speakers
    /// can count as much as a thousand clips of one.
    /// </summary>
    public Dictionary<string, double> DataWeights { get; set; } = [];

    /// <summary>
    /// The sampling weight of each of <paramref name="paths"/> (<see cref="DataWeights"/> of the folder it lies under;
    /// the longest matching folder wins), or null when no weights are configured (uniform draws, as before).
    /// </summary>
    public double[]? VideoWeights(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (DataWeights.Count == 0)
        {
            return null;
        }

        var folders = DataWeights
            .Select(kv => (Folder: Path.TrimEndingDirectorySeparator(Path.GetFullPath(kv.Key)) + Path.DirectorySeparatorChar, Weight: kv.Value))
            .OrderByDescending(f => f.Folder.Length)
            .ToArray();
        return [.. paths.Select(p => folders.FirstOrDefault(f => Path.GetFullPath(p).StartsWith(f.Folder, StringComparison.Ordinal)).Weight is var w && w > 0 ? w : 1)];
    }

    /// <summary>Use at most this many videos (0 = all), taken after a seeded shuffle.</summary>
    public int MaxVideos { get; set; }

    /// <summary>Clips per batch the shift loss is computed on (the configured count, else half the batch size).</summary>
    public int ShiftClipsPerBatch() => ShiftLoss.ClipsPerBatch ?? Math.Max(1, BatchSize / 2);

    /// <summary>Reads and validates <paramref name="path"/>; throws <see cref="TrainingConfigException"/> with one line.</summary>
    public static TrainingConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TrainingConfigException($"cannot read config '{path}': {ex.Message}", ex);
        }

        TrainingConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(text, TrainingJsonContext.Default.TrainingConfig);
        }
        catch (JsonException ex)
        {
            throw new TrainingConfigException($"config '{path}' is not valid: {ex.Message}", ex);
        }

        if (config is null)
        {
            throw new TrainingConfigException($"config '{path}' is empty");
        }

        config.Validate();
        return config;
    }

    /// <summary>The model options the config describes.</summary>
    public AvtsModelOptions ModelOptions()
    {
        var baseOptions = Model.Architecture switch
        {
            AvtsModelOptions.Mc318Architecture => AvtsModelOptions.Mc318,
            AvtsModelOptions.NanoArchitecture => AvtsModelOptions.Nano,
            AvtsModelOptions.LipsArchitecture => AvtsModelOptions.Lips,
            _ => AvtsModelOptions.Tiny,
        };
        return baseOptions with
        {
            InputSize = Model.InputSize ?? baseOptions.InputSize,
            VideoChannels = Model.VideoChannels ?? baseOptions.VideoChannels,
            EmbeddingDim = Model.EmbeddingDim ?? baseOptions.EmbeddingDim,
            VideoCrop = Model.VideoCrop ?? baseOptions.VideoCrop,
            LipCropSize = Model.LipCropSize ?? baseOptions.LipCropSize,
        };
    }

    /// <summary>Throws <see cref="TrainingConfigException"/> naming the first inconsistent setting.</summary>
    public void Validate()
    {
        Require(Data.Count > 0, "data must list at least one folder");
        Require(ValidationFiles.Count > 0 || (ValidationFraction > 0 && ValidationFraction < 1), "validation_fraction must lie in (0, 1) or validation_files be given");
        Require(Epochs >= 1 && BatchSize >= 2 && BatchesPerEpoch >= 0, "epochs must be >= 1, batch_size >= 2, batches_per_epoch >= 0");
        Require(LearningRate > 0 && Margin > 0, "learning_rate and margin must be positive");
        Require(PositiveShare > 0 && PositiveShare < 1, "positive_share must lie in (0, 1)");
        Require(Curriculum.Mode is CurriculumMode.CurriculumName or CurriculumMode.EasyOnlyName or CurriculumMode.HardFromStartName, $"curriculum.mode must be {CurriculumMode.CurriculumName}, {CurriculumMode.EasyOnlyName} or {CurriculumMode.HardFromStartName}");
        Require(Curriculum.EasyEpochs >= 0, "curriculum.easy_epochs must be >= 0");
        Require(Curriculum.HardShare is >= 0 and <= 1 && Curriculum.SuperHardShare is >= 0 and <= 1 && Curriculum.HardShare + Curriculum.SuperHardShare <= 1, "curriculum.hard_share and super_hard_share must lie in [0, 1] and sum to at most 1");
        Require(HardShift.MinS > 0 && HardShift.MaxS >= HardShift.MinS, "hard_shift needs 0 < min_s <= max_s");
        Require(SuperHardShift.MinS > 0 && SuperHardShift.MaxS >= SuperHardShift.MinS, "super_hard_shift needs 0 < min_s <= max_s");
        Require(Threads >= 0 && DecodeWidth >= 16 && ValidationClipsPerVideo >= 1 && OffsetSearchS > 0 && LogEvery >= 1 && MaxVideos >= 0, "threads >= 0, decode_width >= 16, validation_clips_per_video >= 1, offset_search_s > 0, log_every >= 1, max_videos >= 0");
        Require(LossMode.IsKnown(Loss), $"loss must be {LossMode.ContrastiveName}, {LossMode.ContrastiveAndShiftName} or {LossMode.ShiftName}");
        Require(ShiftLoss.RangeS is >= 0.01 and <= 5, "shift_loss.range_s must lie in [0.01, 5]");
        Require(ShiftLoss.Temperature > 0 && ShiftLoss.Weight > 0, "shift_loss.temperature and weight must be positive");
        Require(ShiftLoss.LabelSigmaMs >= 0, "shift_loss.label_sigma_ms must be >= 0 (0 = one-hot)");
        Require(ShiftLoss.ClipsPerBatch is null or >= 1, "shift_loss.clips_per_batch must be >= 1");
        Require(DataWeights.Values.All(w => w > 0 && double.IsFinite(w)), "data_weights must be positive numbers");
        Require(AvtsModelOptions.IsKnownArchitecture(Model.Architecture), $"model.architecture must be {AvtsModelOptions.NanoArchitecture}, {AvtsModelOptions.TinyArchitecture}, {AvtsModelOptions.LipsArchitecture} or {AvtsModelOptions.Mc318Architecture}");
        try
        {
            ModelOptions().Validate();
        }
        catch (ArgumentException ex)
        {
            throw new TrainingConfigException(ex.Message, ex);
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new TrainingConfigException(string.Create(CultureInfo.InvariantCulture, $"bad config: {message}"));
        }
    }
}
