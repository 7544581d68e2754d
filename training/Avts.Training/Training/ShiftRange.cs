namespace Avts.Training.Training;

/// <summary>A range of absolute audio shifts in seconds (either sign is drawn).</summary>
public sealed record ShiftRange
{
    /// <summary>Smallest |shift| in seconds.</summary>
    public double MinS { get; set; }

    /// <summary>Largest |shift| in seconds.</summary>
    public double MaxS { get; set; }
}
