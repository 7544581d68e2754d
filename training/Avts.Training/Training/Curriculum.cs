namespace Avts.Training.Training;

/// <summary>
/// Which negatives an epoch gets. Stage 1 = easy negatives only; stage 2 = the configured hard (and super-hard) share
/// of the negatives, the rest easy. Epochs are 1-based.
/// </summary>
public sealed class Curriculum
{
    private readonly CurriculumSection section;

    /// <summary>Creates the schedule of <paramref name="section"/>.</summary>
    public Curriculum(CurriculumSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        this.section = section;
    }

    /// <summary>1 (easy only) or 2 (easy/hard mix) for <paramref name="epoch"/>.</summary>
    public int Stage(int epoch) => section.Mode switch
    {
        CurriculumMode.EasyOnlyName => 1,
        CurriculumMode.HardFromStartName => 2,
        _ => epoch > section.EasyEpochs ? 2 : 1,
    };

    /// <summary>Share of the negatives that are hard in <paramref name="epoch"/>.</summary>
    public double HardShare(int epoch) => Stage(epoch) == 2 ? section.HardShare : 0;

    /// <summary>Share of the negatives that are super-hard in <paramref name="epoch"/> (only in stage 2).</summary>
    public double SuperHardShare(int epoch) => Stage(epoch) == 2 ? section.SuperHardShare : 0;
}
