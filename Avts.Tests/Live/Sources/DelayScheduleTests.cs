using Avts.Live.Sources;

namespace Avts.Tests.Live.Sources;

public sealed class DelayScheduleTests
{
    [Theory]
    [InlineData("120", 0, 120)]
    [InlineData("120", 1000, 120)]
    [InlineData("-45.5", 3, -45.5)]
    [InlineData("0@0,200@20,-80@40", 0, 0)]
    [InlineData("0@0,200@20,-80@40", 19.99, 0)]
    [InlineData("0@0,200@20,-80@40", 20, 200)]
    [InlineData("0@0,200@20,-80@40", 39, 200)]
    [InlineData("0@0,200@20,-80@40", 400, -80)]
    [InlineData("200@5", 4.9, 0)]
    [InlineData("200@5", 5, 200)]
    [InlineData("cycle:0,150,-100@20", 0, 0)]
    [InlineData("cycle:0,150,-100@20", 25, 150)]
    [InlineData("cycle:0,150,-100@20", 59.9, -100)]
    [InlineData("cycle:0,150,-100@20", 60, 0)]
    [InlineData("cycle:0,150,-100@20", 85, 150)]
    public void Parse_DelayAt(string text, double seconds, double expectedMs) =>
        Assert.Equal(expectedMs, DelaySchedule.Parse(text).DelayAt(seconds));

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("10@x")]
    [InlineData("10@5,20@5")]
    [InlineData("10@-1")]
    [InlineData("cycle:0,100")]
    [InlineData("cycle:0,100@0")]
    public void Parse_Invalid_OneLineFormatException(string text)
    {
        var error = Assert.Throws<FormatException>(() => DelaySchedule.Parse(text));
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("Delay schedule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_IsTheParsedText_AndZeroIsZero()
    {
        Assert.Equal("0@0,200@20", DelaySchedule.Parse(" 0@0,200@20 ").ToString());
        Assert.True(DelaySchedule.None.IsZero);
        Assert.False(DelaySchedule.Parse("cycle:0,1@2").IsZero);
    }
}
