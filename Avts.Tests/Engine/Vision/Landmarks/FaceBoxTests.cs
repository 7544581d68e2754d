using Avts.Engine.Vision.Landmarks;

namespace Avts.Tests.Engine.Vision.Landmarks;

public sealed class FaceBoxTests
{
    [Fact]
    public void Around_CentresABoxOfTheGivenSize()
    {
        var box = FaceBox.Around(50, 40, 21, 11);

        Assert.Equal(new FaceBox(40, 35, 60, 45), box);
        Assert.Equal((21, 11), (box.Width, box.Height));
        Assert.Equal((50.0, 40.0), (box.CentreX, box.CentreY));
    }

    [Fact]
    public void Overlaps_OfNestedApartAndEqualBoxes()
    {
        var large = new FaceBox(0, 0, 99, 99);
        var small = new FaceBox(10, 10, 59, 59);

        Assert.Equal(0.25, large.IntersectionOverUnion(small), 9);
        Assert.Equal(1, large.OverlapOfSmaller(small), 9);
        Assert.Equal(0, large.IntersectionOverUnion(new FaceBox(100, 0, 120, 20)));
        Assert.Equal(1, small.IntersectionOverUnion(small), 9);
    }
}
