namespace Avts.Training.Training;

/// <summary>The <c>curriculum</c> section of a training config.</summary>
public sealed record CurriculumSection
{
    /// <summary>"curriculum" (easy first, then the mix), "easy-only" or "hard-from-start" (ablations).</summary>
    public string Mode { get; set; } = CurriculumMode.CurriculumName;

    /// <summary>Epochs of easy negatives only before hard ones appear (mode "curriculum").</summary>
    public int EasyEpochs { get; set; } = 1;

    /// <summary>Share of negatives that are hard once they are introduced (the paper: about 25 %).</summary>
    public double HardShare { get; set; } = 0.25;

    /// <summary>Share of negatives that are super-hard (small shifts; the paper found them harmful, default 0).</summary>
    public double SuperHardShare { get; set; }
}
