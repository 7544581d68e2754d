namespace Avts.Training.Training;

/// <summary>Names of the training objectives in the config (<c>loss</c>).</summary>
public static class LossMode
{
    /// <summary>The contrastive loss on sampled pairs only (the paper's objective, the default).</summary>
    public const string ContrastiveName = "contrastive";

    /// <summary>The contrastive loss plus <c>shift_loss.weight</c> × the multi-way shift loss on extra clips.</summary>
    public const string ContrastiveAndShiftName = "contrastive+shift";

    /// <summary>The multi-way shift loss only.</summary>
    public const string ShiftName = "shift";

    /// <summary>Whether <paramref name="mode"/> is one of the names above.</summary>
    public static bool IsKnown(string mode) => mode is ContrastiveName or ContrastiveAndShiftName or ShiftName;

    /// <summary>Whether <paramref name="mode"/> trains on contrastive pairs.</summary>
    public static bool UsesContrastive(string mode) => mode is ContrastiveName or ContrastiveAndShiftName;

    /// <summary>Whether <paramref name="mode"/> trains with the shift loss.</summary>
    public static bool UsesShift(string mode) => mode is ContrastiveAndShiftName or ShiftName;
}
