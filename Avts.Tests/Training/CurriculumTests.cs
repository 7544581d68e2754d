using Avts.Training.Training;

namespace Avts.Tests.Training;

public sealed class CurriculumTests
{
    [Fact]
    public void Curriculum_SwitchesToTheMixAfterTheEasyEpochs()
    {
        var curriculum = new Curriculum(new CurriculumSection { Mode = CurriculumMode.CurriculumName, EasyEpochs = 3, HardShare = 0.25 });
        Assert.Equal([1, 1, 1, 2, 2], Enumerable.Range(1, 5).Select(curriculum.Stage));
        Assert.Equal(0, curriculum.HardShare(3));
        Assert.Equal(0.25, curriculum.HardShare(4));
    }

    [Fact]
    public void AblationModes_IgnoreTheEasyEpochs()
    {
        var easyOnly = new Curriculum(new CurriculumSection { Mode = CurriculumMode.EasyOnlyName, EasyEpochs = 1, HardShare = 0.25, SuperHardShare = 0.1 });
        var hardFromStart = new Curriculum(new CurriculumSection { Mode = CurriculumMode.HardFromStartName, EasyEpochs = 5, HardShare = 0.25 });
        Assert.All(Enumerable.Range(1, 6), e => Assert.Equal(0, easyOnly.HardShare(e) + easyOnly.SuperHardShare(e)));
        Assert.All(Enumerable.Range(1, 6), e => Assert.Equal(0.25, hardFromStart.HardShare(e)));
    }
}
