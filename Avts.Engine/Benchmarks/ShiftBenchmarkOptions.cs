using Avts.Engine.Scoring;

namespace Avts.Engine.Benchmarks;

/// <summary>Settings of the shift benchmark (<c>avts bench shift</c>).</summary>
public sealed record ShiftBenchmarkOptions
{
    /// <summary>Folder searched (recursively) for videos with audio.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Where the shifted copies are written (kept for inspection).</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Shift magnitudes in milliseconds; each is applied both ways (sound late and sound early), plus 0.</summary>
    public IReadOnlyList<int> ShiftsMs { get; init; } = [80, 200, 400, 1000];

    /// <summary>Seconds cut from each end of the source so no padding or truncation reveals the shift.</summary>
    public double TrimSeconds { get; init; } = 1.2;

    /// <summary>Shortest inner window worth checking, in seconds; shorter sources are skipped with a reason.</summary>
    public double MinimumInnerSeconds { get; init; } = 2.0;

    /// <summary>Largest width of the re-encoded copies (keeps the benchmark fast; analysis runs far below it).</summary>
    public int MaxCopyWidth { get; init; } = 640;

    /// <summary>File names (or * patterns) whose results are reported apart (e.g. music over a silent film).</summary>
    public IReadOnlyList<string> ReportApart { get; init; } = [];

    /// <summary>Unseen sources shorter than this (seconds, before trimming) are reported apart as group "short".</summary>
    public double ShortBelowSeconds { get; init; } = 4;

    /// <summary>File names or * patterns of sources the weights under test were trained on: reported as group "trained".</summary>
    public IReadOnlyList<string> TrainedOn { get; init; } = [];

    /// <summary>AVTS weights for network methods (null: the default lookup, see <see cref="Checking.AvtsWeights"/>).</summary>
    public string? WeightsPath { get; init; }

    /// <summary>Receives the fraction of sources done (0..1); null: not reported.</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>The 68-point landmark model for lip-sync methods (null: Debian's libdlib-data file).</summary>
    public string? LandmarksPath { get; init; }

    /// <summary>How the estimators window and search.</summary>
    public AnalysisOptions Analysis { get; init; } = new();
}
