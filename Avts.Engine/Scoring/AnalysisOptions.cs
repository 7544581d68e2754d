namespace Avts.Engine.Scoring;

/// <summary>How an estimator windows and searches a decoded input.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Window length in seconds.</summary>
    public double WindowSeconds { get; init; } = 6;

    /// <summary>Hop between window starts in seconds.</summary>
    public double HopSeconds { get; init; } = 3;

    /// <summary>Largest audio delay searched each way, in seconds.</summary>
    public double RangeSeconds { get; init; } = 2;
}
