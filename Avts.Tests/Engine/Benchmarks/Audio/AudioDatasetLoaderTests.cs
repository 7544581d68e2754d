using Avts.Engine.Benchmarks.Audio;
using Avts.Tests.Training;

namespace Avts.Tests.Engine.Benchmarks.Audio;

/// <summary>The ESC-50 / ESC-10 and DCASE2013 loaders on hand-written indexes (empty files stand for the audio).</summary>
public sealed class AudioDatasetLoaderTests
{
    [Fact]
    public void Esc50_Esc10Subset_KeepsOnlyEsc10RowsWithCategoryLabelsAndFolds()
    {
        using var temp = new CorpusTempDirectory();
        WriteEsc50(temp.Path,
            "1-100032-A-0.wav,1,0,dog,True,100032,A",
            "2-1000-A-5.wav,2,5,cat,False,1000,A",
            "3-5000-B-38.wav,3,38,clock_tick,True,5000,B");

        var all = Esc50Dataset.Load(temp.Path, subset: null);
        var esc10 = Esc50Dataset.Load(temp.Path, Esc50Dataset.Esc10Subset);

        Assert.Equal(3, all.Clips.Count);
        Assert.Equal(["clock_tick", "dog"], esc10.Classes);
        Assert.Equal([1, 3], esc10.Folds);
        Assert.Equal(Path.Combine(temp.Path, "audio", "1-100032-A-0.wav"), esc10.Clips[0].Path);
        Assert.Contains("ESC-10 subset of ESC-50", esc10.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Esc10Index_MapsRelativePathsWithSpacesToClips()
    {
        using var temp = new CorpusTempDirectory();
        Touch(temp.Sub("001 - Dog bark/1-100032-A.ogg"));
        Touch(temp.Sub("005 - Clock tick/4-181286-A.ogg"));
        File.WriteAllLines(temp.Sub("esc10_index.csv"),
        [
            "path,esc50_filename,fold,target,category,src_file,take",
            "001 - Dog bark/1-100032-A.ogg,1-100032-A-0.wav,1,0,dog,100032,A",
            "005 - Clock tick/4-181286-A.ogg,4-181286-A-38.wav,4,38,clock_tick,181286,A",
        ]);

        var dataset = Esc50Dataset.Load(temp.Path, Esc50Dataset.Esc10Subset);

        Assert.Equal(
            [new AudioClip(temp.Sub("001 - Dog bark/1-100032-A.ogg"), "dog", 1), new AudioClip(temp.Sub("005 - Clock tick/4-181286-A.ogg"), "clock_tick", 4)],
            dataset.Clips);
    }

    [Fact]
    public void Esc50_NoIndex_NamesBothLayouts()
    {
        using var temp = new CorpusTempDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => Esc50Dataset.Load(temp.Path, null));

        Assert.Contains("meta/esc50.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("esc10_index.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Esc50_MissingAudio_SaysHowManyAndWhich()
    {
        using var temp = new CorpusTempDirectory();
        WriteEsc50(temp.Path, "1-1-A-0.wav,1,0,dog,True,1,A", "1-2-A-0.wav,1,0,dog,True,2,A");
        File.Delete(Path.Combine(temp.Path, "audio", "1-2-A-0.wav"));

        var error = Assert.Throws<FileNotFoundException>(() => Esc50Dataset.Load(temp.Path, null));

        Assert.Contains("1 of 2 audio files are missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("1-2-A-0.wav", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Esc50_HeaderWithoutFold_IsAnIoError()
    {
        using var temp = new CorpusTempDirectory();
        Directory.CreateDirectory(temp.Sub("meta"));
        File.WriteAllLines(temp.Sub("meta/esc50.csv"), ["filename,target,category,esc10", "a.wav,0,dog,True"]);

        var error = Assert.Throws<IOException>(() => Esc50Dataset.Load(temp.Path, null));

        Assert.Contains("fold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dcase_FileNames_SplitEachSceneIntoFiveContiguousFolds()
    {
        using var temp = new CorpusTempDirectory();
        foreach (var scene in new[] { "bus", "office" })
        {
            for (var n = 1; n <= 10; n++)
            {
                Touch(temp.Sub($"scenes_stereo/{scene}{n:00}.wav"));
            }
        }

        var dataset = DcaseSceneDataset.Load(temp.Path);

        Assert.Equal(["bus", "office"], dataset.Classes);
        Assert.Equal([1, 2, 3, 4, 5], dataset.Folds);
        var bus = dataset.Clips.Where(c => c.Label == "bus").ToList();
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], bus.Select(c => c.Fold));
        Assert.EndsWith("bus03.wav", bus[2].Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Dcase_EvaluationSetupLists_GiveTheFoldsAndLabels()
    {
        using var temp = new CorpusTempDirectory();
        Touch(temp.Sub("audio/bus01.wav"));
        Touch(temp.Sub("audio/park07.wav"));
        Touch(temp.Sub("audio/x.wav"));
        Directory.CreateDirectory(temp.Sub("evaluation_setup"));
        File.WriteAllLines(temp.Sub("evaluation_setup/fold1_test.txt"), ["audio/bus01.wav", "audio/x.wav\toffice"]);
        File.WriteAllLines(temp.Sub("evaluation_setup/fold2_test.txt"), ["audio/park07.wav"]);

        var dataset = DcaseSceneDataset.Load(temp.Path);

        Assert.Equal(
            [new AudioClip(temp.Sub("audio/bus01.wav"), "bus", 1), new AudioClip(temp.Sub("audio/x.wav"), "office", 1), new AudioClip(temp.Sub("audio/park07.wav"), "park", 2)],
            dataset.Clips);
    }

    [Fact]
    public void Dcase_TooFewRecordingsPerScene_IsAnIoError()
    {
        using var temp = new CorpusTempDirectory();
        Touch(temp.Sub("bus01.wav"));
        Touch(temp.Sub("bus02.wav"));

        var error = Assert.Throws<IOException>(() => DcaseSceneDataset.Load(temp.Path));

        Assert.Contains("'bus' has 2 recordings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dcase_EmptyFolder_SaysWhatIsExpected()
    {
        using var temp = new CorpusTempDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => DcaseSceneDataset.Load(temp.Path));

        Assert.Contains("bus01.wav", error.Message, StringComparison.Ordinal);
        Assert.Contains("evaluation_setup", error.Message, StringComparison.Ordinal);
    }

    private static void WriteEsc50(string root, params string[] rows)
    {
        Directory.CreateDirectory(Path.Combine(root, "meta"));
        File.WriteAllLines(Path.Combine(root, "meta", "esc50.csv"), ["filename,fold,target,category,esc10,src_file,take", .. rows]);
        foreach (var row in rows)
        {
            Touch(Path.Combine(root, "audio", row.Split(',')[0]));
        }
    }

    private static void Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
    }
}
