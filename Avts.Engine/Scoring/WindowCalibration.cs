using Avts.Engine.Model;

namespace Avts.Engine.Scoring;

/// <summary>
/// The confidence map of a model card: one measured table for full windows and, when the card has one, another for
/// windows with less evidence (a scored span below <paramref name="ShortBelowSeconds"/>). The same raw score means
/// less from a short span (fewer clips averaged: on the calibration videos, 3 s windows with top scores were right
/// about 70 % of the time where 6 s windows were right 97 %), so one table would be overconfident on short inputs.
/// </summary>
/// <param name="FullTable">Table for windows of at least <paramref name="ShortBelowSeconds"/>; null = the default squash.</param>
/// <param name="ShortTable">Table for shorter windows; null = <paramref name="FullTable"/> for every window.</param>
/// <param name="ShortBelowSeconds">Span below which a window is short, seconds.</param>
public sealed record WindowCalibration(IReadOnlyList<CalibrationPoint>? FullTable, IReadOnlyList<CalibrationPoint>? ShortTable, double ShortBelowSeconds)
{
    /// <summary>No table: the uncalibrated default squash for every window.</summary>
    public static WindowCalibration None { get; } = new(null, null, 0);

    /// <summary>The tables of <paramref name="card"/>.</summary>
    public static WindowCalibration From(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new(card.ConfidenceCalibration, card.ShortWindowCalibration, card.ShortWindowSeconds ?? 0);
    }

    /// <summary>Confidence 0..1 of <paramref name="rawScore"/> measured over <paramref name="spanSeconds"/> of evidence.</summary>
    public double Confidence(double rawScore, double spanSeconds) =>
        DistanceCurve.Confidence(rawScore, ShortTable is { Count: > 0 } && spanSeconds < ShortBelowSeconds ? ShortTable : FullTable);
}
