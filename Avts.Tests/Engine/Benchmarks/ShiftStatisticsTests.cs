using Avts.Engine.Benchmarks;

namespace Avts.Tests.Engine.Benchmarks;

public sealed class ShiftStatisticsTests
{
    [Fact]
    public void Summarize_KeepsTrainedOnAndApartSourcesOutOfTheMainGroup()
    {
        static ShiftCase Case(string source, int shift, double? estimate, string group, string verdict = "pass") =>
            new(source, shift, "avts", estimate, estimate, 0.9, estimate is null ? null : estimate - shift, estimate - shift, estimate is null ? null : estimate - shift, estimate - shift, group, verdict);

        List<ShiftCase> cases =
        [
            Case("unseen.mp4", 0, 0, ShiftCase.MainGroup),
            Case("unseen.mp4", 120, 500, ShiftCase.MainGroup),
            Case("trained.mp4", 0, 0, ShiftCase.TrainedGroup),
            Case("trained.mp4", 120, 120, ShiftCase.TrainedGroup),
            Case("music.mp4", 0, null, ShiftCase.ApartGroup, "undetermined"),
            Case("brief.mp4", 0, 300, ShiftCase.ShortGroup, "fail"),
            Case("brief.mp4", 200, null, ShiftCase.ShortGroup, "undetermined"),
        ];

        var summaries = ShiftStatistics.Summarize(cases, ["avts"]);

        Assert.Equal([ShiftCase.MainGroup, ShiftCase.ShortGroup, ShiftCase.TrainedGroup, ShiftCase.ApartGroup], summaries.Select(s => s.Group));
        var main = summaries[0];
        Assert.Equal(2, main.Cases);
        Assert.Equal(0.0, main.ShareRelativeWithin40Ms);
        Assert.Equal(0.5, main.ShareAbsoluteWithin80Ms);
        Assert.Equal(0.5, main.ShareConfidentlyWrong);
        Assert.Equal(0, main.FalseAlarms);
        var brief = summaries[1];
        Assert.Equal(0.5, brief.ShareConfidentlyWrong);
        Assert.Equal(1, brief.FalseAlarms);
        Assert.Equal(1.0, summaries[2].ShareRelativeWithin40Ms);
        Assert.Equal(1, summaries[3].Undetermined);
    }
}
