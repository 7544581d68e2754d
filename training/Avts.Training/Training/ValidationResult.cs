namespace Avts.Training.Training;

/// <summary>One epoch's validation numbers (accuracies in [0, 1]; NaN when a set was empty).</summary>
public sealed record ValidationResult
{
    /// <summary>Accuracy on positives + easy negatives at <see cref="Threshold"/>.</summary>
    public double EasyAccuracy { get; init; }

    /// <summary>Accuracy on positives + hard negatives at <see cref="Threshold"/>.</summary>
    public double HardAccuracy { get; init; }

    /// <summary>Share of in-sync clips whose offset search (argmin over shifts) lands within ±40 ms of 0.</summary>
    public double OffsetAccuracy40Ms { get; init; }

    /// <summary>Decision threshold on the distance (fixed at half the margin).</summary>
    public double Threshold { get; init; }

    /// <summary>Mean distance of positives.</summary>
    public double PositiveDistance { get; init; }

    /// <summary>Mean distance of easy negatives.</summary>
    public double EasyDistance { get; init; }

    /// <summary>Mean distance of hard negatives.</summary>
    public double HardDistance { get; init; }

    /// <summary>Median |offset| found by the search, in ms.</summary>
    public double MedianAbsOffsetMs { get; init; }
}
