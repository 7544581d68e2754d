namespace Avts.Training.Training;

/// <summary>Names of the curriculum modes in the config.</summary>
public static class CurriculumMode
{
    /// <summary>Easy negatives only for the first epochs, then the easy/hard mix (the paper's recipe).</summary>
    public const string CurriculumName = "curriculum";

    /// <summary>Ablation: easy negatives throughout.</summary>
    public const string EasyOnlyName = "easy-only";

    /// <summary>Ablation: the easy/hard mix from the first epoch (the paper reports it fails to learn).</summary>
    public const string HardFromStartName = "hard-from-start";
}
