using Avts.Engine.Media;
using Avts.Engine.Reports;

namespace Avts.Tests.Engine.Reports;

public sealed class ToleranceProfileTests
{
    [Theory]
    [InlineData("ebu-r37", -40, 60)]
    [InlineData("itu-bt1359", -90, 185)]
    [InlineData("itu-bt1359-detect", -45, 125)]
    [InlineData("atsc-is191", -15, 45)]
    [InlineData("EBU-R37", -40, 60)]
    public void Built_ins_are_converted_to_sound_late_positive(string name, double min, double max)
    {
        var profile = ToleranceProfiles.Resolve(name, frameRate: null);
        Assert.Equal((min, max), (profile.MinMs, profile.MaxMs));
        Assert.True(profile.BoundsInclusive);
    }

    [Fact]
    public void Default_is_ebu_r37_and_every_name_resolves()
    {
        Assert.Equal("ebu-r37", ToleranceProfiles.Names[0]);
        foreach (var name in ToleranceProfiles.Names)
        {
            Assert.Equal(name, ToleranceProfiles.Resolve(name, 25).Name);
        }
    }

    [Theory]
    [InlineData(-40.0, Verdict.Pass)]
    [InlineData(-40.1, Verdict.Fail)]
    [InlineData(0.0, Verdict.Pass)]
    [InlineData(60.0, Verdict.Pass)]
    [InlineData(60.1, Verdict.Fail)]
    [InlineData(-60.0, Verdict.Fail)] // 60 ms early is not allowed: EBU allows only 40 ms early
    public void Ebu_r37_boundaries_are_inclusive(double delay, Verdict expected)
    {
        Assert.Equal(expected, ToleranceProfiles.Resolve("ebu-r37", null).Judge(delay, synchronizable: true));
    }

    [Theory]
    [InlineData(-66.0, 80.0, Verdict.Undetermined)] // outside EBU R37 by 26 ms, less than the method's 80 ms
    [InlineData(-120.0, 80.0, Verdict.Undetermined)] // on the widened bound: still within the method's error
    [InlineData(-120.1, 80.0, Verdict.Fail)]
    [InlineData(140.1, 80.0, Verdict.Fail)]
    [InlineData(139.0, 80.0, Verdict.Undetermined)]
    [InlineData(-30.0, 80.0, Verdict.Pass)]
    [InlineData(-66.0, 0.0, Verdict.Fail)] // a method that declares no uncertainty is judged on the range alone
    public void A_delay_outside_the_range_by_less_than_the_measured_uncertainty_is_no_fail(double delay, double uncertaintyMs, Verdict expected)
    {
        Assert.Equal(expected, ToleranceProfiles.Resolve("ebu-r37", null).Judge(delay, synchronizable: true, uncertaintyMs));
    }

    [Theory]
    [InlineData(25, 39.9, Verdict.Pass)]
    [InlineData(25, 40.0, Verdict.Fail)]
    [InlineData(25, -40.0, Verdict.Fail)]
    [InlineData(25, -39.9, Verdict.Pass)]
    [InlineData(29.97, 33.3, Verdict.Pass)]
    [InlineData(29.97, 33.4, Verdict.Fail)]
    [InlineData(60, 16.6, Verdict.Pass)]
    [InlineData(60, 16.7, Verdict.Fail)]
    public void Netflix_is_strictly_under_one_frame(double fps, double delay, Verdict expected)
    {
        var profile = ToleranceProfiles.Resolve("netflix", fps);
        Assert.False(profile.BoundsInclusive);
        Assert.Equal(1000 / fps, profile.MaxMs, 9);
        Assert.Equal(expected, profile.Judge(delay, synchronizable: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void Netflix_without_a_frame_rate_is_an_input_error(double? fps)
    {
        Assert.True(ToleranceProfiles.NeedsFrameRate("netflix"));
        Assert.Throws<MediaInputException>(() => ToleranceProfiles.Resolve("netflix", fps));
    }

    [Fact]
    public void Unknown_name_throws()
    {
        Assert.Throws<ArgumentException>(() => ToleranceProfiles.Resolve("smpte", 25));
    }

    [Fact]
    public void Undetermined_when_not_synchronizable_or_no_delay()
    {
        var profile = ToleranceProfiles.Resolve("ebu-r37", null);
        Assert.Equal(Verdict.Undetermined, profile.Judge(null, synchronizable: true));
        Assert.Equal(Verdict.Undetermined, profile.Judge(0, synchronizable: false));
        Assert.Equal(Verdict.Undetermined, profile.Judge(double.NaN, synchronizable: true));
    }

    [Theory]
    [InlineData("-60,+40", -60, 40)]
    [InlineData("-60,40", -60, 40)]
    [InlineData(" -12.5 , 7.25 ", -12.5, 7.25)]
    [InlineData("0,0", 0, 0)]
    [InlineData("10,50", 10, 50)]
    public void Custom_tolerance_parses_min_max(string text, double min, double max)
    {
        Assert.True(ToleranceProfile.TryParseCustom(text, out var profile, out var error));
        Assert.Null(error);
        Assert.Equal(("custom", min, max), (profile!.Name, profile.MinMs, profile.MaxMs));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("40")]
    [InlineData("-60;40")]
    [InlineData("-60,40,5")]
    [InlineData("a,b")]
    [InlineData("60,-40")]
    [InlineData("NaN,1")]
    [InlineData("-Infinity,1")]
    [InlineData("-60,4O")]
    [InlineData("−60,40")] // a Unicode minus sign, as pasted from a standard's PDF
    [InlineData("-60,1e3")]
    public void Custom_tolerance_rejects_bad_text(string? text)
    {
        Assert.False(ToleranceProfile.TryParseCustom(text, out var profile, out var error));
        Assert.Null(profile);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain('\n', error);
    }
}
