using Avts.Engine.Benchmarks.ActionRecognition;

namespace Avts.Tests.Engine.Benchmarks.ActionRecognition;

/// <summary>The UCF101 and HMDB51 split-file readers on hand-written split files (no videos needed).</summary>
public sealed class SplitLayoutTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("avts-split-layout-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Ucf101_ReadsClassIndexTrainAndTestLists_LabelsFollowClassInd()
    {
        Write("ucfTrainTestlist/classInd.txt", "1 ApplyEyeMakeup", "2 HandstandPushups", "3 YoYo");
        Write("ucfTrainTestlist/trainlist01.txt", "ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1", "YoYo/v_YoYo_g09_c02.avi 3", "");
        Write("ucfTrainTestlist/testlist01.txt", "HandStandPushups/v_HandStandPushups_g01_c01.avi", "YoYo/v_YoYo_g01_c04.avi");
        Directory.CreateDirectory(Path.Combine(root, "UCF-101"));

        var split = Ucf101Layout.Load(root, 1);

        Assert.Equal(["ApplyEyeMakeup", "HandstandPushups", "YoYo"], split.Classes);
        Assert.Equal([0, 2], split.Train.Select(v => v.Label));
        Assert.Equal([1, 2], split.Test.Select(v => v.Label)); // the folder's other case still maps to classInd's class
        Assert.Equal(Path.Combine(root, "UCF-101", "YoYo", "v_YoYo_g09_c02.avi"), split.Train[1].FullPath);
        Assert.Equal("ucf101", split.Dataset);
    }

    [Fact]
    public void Ucf101_WithoutUcf101Folder_VideosAreRelativeToTheDataFolder()
    {
        Write("ucfTrainTestlist/classInd.txt", "1 A", "2 B");
        Write("ucfTrainTestlist/trainlist02.txt", "A/v_A_g08_c01.avi 1");
        Write("ucfTrainTestlist/testlist02.txt", "B/v_B_g01_c01.avi");

        var split = Ucf101Layout.Load(root, 2);

        Assert.Equal(Path.Combine(root, "A", "v_A_g08_c01.avi"), Assert.Single(split.Train).FullPath);
    }

    [Theory]
    [InlineData("", "ucfTrainTestlist")]
    [InlineData("classInd", "trainlist01.txt")]
    public void Ucf101_MissingSplitFiles_NamesWhatIsMissing(string present, string named)
    {
        if (present == "classInd")
        {
            Write("ucfTrainTestlist/classInd.txt", "1 A");
        }

        var error = Assert.Throws<DatasetLayoutException>(() => Ucf101Layout.Load(root, 1));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A/v_A_g08_c01.avi 3")] // label out of range
    [InlineData("A/v_A_g08_c01.avi 2")] // label disagrees with the class folder
    [InlineData("C/v_C_g08_c01.avi 1")] // class not in classInd
    public void Ucf101_BadTrainLine_IsALayoutError(string line)
    {
        Write("ucfTrainTestlist/classInd.txt", "1 A", "2 B");
        Write("ucfTrainTestlist/trainlist01.txt", line);
        Write("ucfTrainTestlist/testlist01.txt", "B/v_B_g01_c01.avi");

        Assert.Throws<DatasetLayoutException>(() => Ucf101Layout.Load(root, 1));
    }

    [Fact]
    public void Hmdb51_SplitsTrainTestAndUnused_ClassesInOrdinalOrderWithUnderscores()
    {
        Write("testTrainMulti_7030_splits/ride_bike_test_split1.txt", "a.avi 1 ", "b.avi 2 ", "c.avi 0 ");
        Write("testTrainMulti_7030_splits/brush_hair_test_split1.txt", "d.avi 2", "e.avi 1", "f.avi 1");
        Write("testTrainMulti_7030_splits/brush_hair_test_split2.txt", "d.avi 1", "e.avi 2", "f.avi 0");
        Directory.CreateDirectory(Path.Combine(root, "hmdb51_org"));

        var split = Hmdb51Layout.Load(root, 1);

        Assert.Equal(["brush_hair", "ride_bike"], split.Classes);
        Assert.Equal(["brush_hair/e.avi", "brush_hair/f.avi", "ride_bike/a.avi"], split.Train.Select(v => v.Name));
        Assert.Equal([0, 0, 1], split.Train.Select(v => v.Label));
        Assert.Equal(["brush_hair/d.avi", "ride_bike/b.avi"], split.Test.Select(v => v.Name));
        Assert.Equal(Path.Combine(root, "hmdb51_org", "ride_bike", "a.avi"), split.Train[2].FullPath);
    }

    [Fact]
    public void Hmdb51_MissingSplitFolderOrSplit_NamesWhatIsMissing()
    {
        var noFolder = Assert.Throws<DatasetLayoutException>(() => Hmdb51Layout.Load(root, 1));
        Assert.Contains("testTrainMulti_7030_splits", noFolder.Message, StringComparison.Ordinal);

        Write("testTrainMulti_7030_splits/jump_test_split1.txt", "a.avi 1");
        var noSplit = Assert.Throws<DatasetLayoutException>(() => Hmdb51Layout.Load(root, 3));
        Assert.Contains("_test_split3.txt", noSplit.Message, StringComparison.Ordinal);

        Write("testTrainMulti_7030_splits/jump_test_split2.txt", "a.avi 7");
        Assert.Throws<DatasetLayoutException>(() => Hmdb51Layout.Load(root, 2));
    }

    [Fact]
    public void Limit_KeepsAtMostNPerClass_InListOrder_SameForTheSameSeed()
    {
        var videos = Enumerable.Range(0, 12).Select(i => new ActionVideo($"v{i}", $"/v{i}", i % 3)).ToList();
        var split = new ActionSplit("ucf101", 1, ["a", "b", "c"], videos, videos, "/");

        var limited = split.Limit(2, seed: 5);

        Assert.Equal(6, limited.Train.Count);
        Assert.All(limited.Train.GroupBy(v => v.Label), g => Assert.Equal(2, g.Count()));
        Assert.Equal(limited.Train.OrderBy(v => int.Parse(v.Name[1..], System.Globalization.CultureInfo.InvariantCulture)), limited.Train);
        Assert.Equal(limited.Train, split.Limit(2, seed: 5).Train);
        Assert.Same(split, split.Limit(null, seed: 5));
    }

    private string Write(string relative, params string[] lines)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
        return path;
    }
}
