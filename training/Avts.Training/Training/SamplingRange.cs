namespace Avts.Training.Training;

/// <summary>
/// Where one video can be cut: clip starts in [<paramref name="ClipMin"/>, <paramref name="ClipMax"/>] keep the whole
/// clip on screen; audio window starts (the clip time they pair with) in [<paramref name="AudioMin"/>,
/// <paramref name="AudioMax"/>] keep the window and its context inside the soundtrack. Seconds, presentation time.
/// </summary>
/// <param name="ClipMin">Earliest clip start.</param>
/// <param name="ClipMax">Latest clip start.</param>
/// <param name="AudioMin">Earliest audio window start.</param>
/// <param name="AudioMax">Latest audio window start.</param>
public readonly record struct SamplingRange(double ClipMin, double ClipMax, double AudioMin, double AudioMax)
{
    /// <summary>Earliest clip start whose in-sync audio is also available.</summary>
    public double PairMin => Math.Max(ClipMin, AudioMin);

    /// <summary>Latest clip start whose in-sync audio is also available.</summary>
    public double PairMax => Math.Min(ClipMax, AudioMax);

    /// <summary>Whether at least one in-sync pair can be cut.</summary>
    public bool CanPair => PairMax >= PairMin;
}
