using Avts.Engine.Model;

namespace Avts.Training.Training;

/// <summary>
/// The <c>shift_loss</c> section of a training config: the multi-way objective that picks the true shift among all
/// shifts in ±<see cref="RangeS"/> at the model's hop (used when <c>loss</c> is "contrastive+shift" or "shift").
/// </summary>
public sealed record ShiftLossSection
{
    /// <summary>Largest |shift| of the candidates in seconds (rounded to whole hops): 2·range/hop + 1 candidates.</summary>
    public double RangeS { get; set; } = 0.5;

    /// <summary>Temperature τ of the logits −d²/τ.</summary>
    public double Temperature { get; set; } = ShiftLoss.DefaultTemperature;

    /// <summary>Standard deviation of a Gaussian soft target around the true shift, in ms (0 = one-hot).</summary>
    public double LabelSigmaMs { get; set; }

    /// <summary>Weight of the shift loss in "contrastive+shift" (the contrastive part has weight 1).</summary>
    public double Weight { get; set; } = 1.0;

    /// <summary>Clips per batch for the shift loss, drawn besides the pairs; absent = half the batch size.</summary>
    public int? ClipsPerBatch { get; set; }
}
