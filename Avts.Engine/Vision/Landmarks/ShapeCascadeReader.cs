using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// Parses a serialized dlib::shape_predictor (dlib/image_processing/shape_predictor.h, version 1): the initial shape
/// (a float column), the forests (per level a vector of regression trees, each a vector of splits {idx1, idx2,
/// thresh} and a vector of leaf columns), then per level the feature pixels' anchor landmarks and their offsets.
/// Everything the predictor indexes with is validated here, so prediction never reads outside an array.
/// </summary>
internal static class ShapeCascadeReader
{
    private const int MaxParts = 1000;
    private const int MaxLevels = 1000;
    private const int MaxTreesPerLevel = 1_000_000;
    private const int MaxSplitsPerTree = (1 << 20) - 1;
    private const int MaxPixelsPerLevel = 65_536;

    // A tree holds at least a split count, a leaf count and one leaf's matrix size.
    private const int MinTreeBytes = 4 * DlibStreamReader.MinIntegerBytes;
    private const int MinSplitBytes = (2 * DlibStreamReader.MinIntegerBytes) + DlibStreamReader.MinFloatBytes;
    private const int MinColumnBytes = 2 * DlibStreamReader.MinIntegerBytes;

    /// <summary>The cascade serialized in <paramref name="data"/>; <paramref name="source"/> names it in errors.</summary>
    public static ShapeCascade Read(byte[] data, string source)
    {
        var reader = new DlibStreamReader(data, source);
        var version = reader.ReadSigned(sizeof(int), "the version");
        if (version != 1)
        {
            throw reader.Corrupt(string.Create(CultureInfo.InvariantCulture, $"format version {version}, expected 1"));
        }

        var (rows, columns) = reader.ReadMatrixSize("the initial shape");
        if (columns != 1 || rows < 2 || rows % 2 != 0 || rows > 2 * MaxParts)
        {
            throw reader.Corrupt(string.Create(CultureInfo.InvariantCulture, $"the initial shape is {rows}x{columns}"));
        }

        if (rows * DlibStreamReader.MinFloatBytes > reader.Remaining)
        {
            throw reader.Corrupt("the file ends inside the initial shape");
        }

        var shapeLength = (int)rows;
        var initialShape = new float[shapeLength];
        for (var i = 0; i < shapeLength; i++)
        {
            initialShape[i] = reader.ReadFloat("the initial shape");
        }

        var levelCount = reader.ReadCount(MaxLevels, DlibStreamReader.MinIntegerBytes, "the number of cascade levels");
        var levelTreeStart = new int[levelCount + 1];
        var treeSplitStart = new List<int> { 0 };
        var treeLeafStart = new List<int>();
        var splits = new List<SplitNode>();
        var leaves = new List<float>();
        for (var level = 0; level < levelCount; level++)
        {
            var trees = reader.ReadCount(MaxTreesPerLevel, MinTreeBytes, "the number of trees");
            for (var t = 0; t < trees; t++)
            {
                treeLeafStart.Add(leaves.Count);
                ReadTree(reader, shapeLength, splits, leaves);
                treeSplitStart.Add(splits.Count);
            }

            levelTreeStart[level + 1] = levelTreeStart[level] + trees;
        }

        var (levelPixelStart, anchors, deltaX, deltaY) = ReadFeaturePixels(reader, levelCount, shapeLength / 2);
        CheckSplitPixels(reader, levelTreeStart, treeSplitStart, splits, levelPixelStart);

        var maxPixels = 0;
        for (var level = 0; level < levelCount; level++)
        {
            maxPixels = Math.Max(maxPixels, levelPixelStart[level + 1] - levelPixelStart[level]);
        }

        return new ShapeCascade
        {
            PartCount = shapeLength / 2,
            InitialShape = initialShape,
            LevelTreeStart = levelTreeStart,
            TreeSplitStart = [.. treeSplitStart],
            TreeLeafStart = [.. treeLeafStart],
            Splits = [.. splits],
            Leaves = [.. leaves],
            LevelPixelStart = levelPixelStart,
            PixelAnchor = anchors,
            PixelDeltaX = deltaX,
            PixelDeltaY = deltaY,
            MaxPixelsPerLevel = maxPixels,
        };
    }

    private static void ReadTree(DlibStreamReader reader, int shapeLength, List<SplitNode> splits, List<float> leaves)
    {
        var splitCount = reader.ReadCount(MaxSplitsPerTree, MinSplitBytes, "the number of splits");
        for (var s = 0; s < splitCount; s++)
        {
            // The pixel indexes are checked against the level's pixel count once the pixels are read (they come last).
            var first = reader.ReadUnsigned(sizeof(ulong), "a split's first pixel");
            var second = reader.ReadUnsigned(sizeof(ulong), "a split's second pixel");
            var threshold = reader.ReadFloat("a split's threshold");
            if (first > MaxPixelsPerLevel || second > MaxPixelsPerLevel)
            {
                throw reader.Corrupt("a split names a pixel out of range");
            }

            splits.Add(new SplitNode((int)first, (int)second, threshold));
        }

        var leafCount = reader.ReadCount(MaxSplitsPerTree + 1, MinColumnBytes, "the number of leaves");
        if (leafCount != splitCount + 1 || !BitOperations.IsPow2(leafCount))
        {
            // The predictor walks complete trees: the leaves follow the splits, a power of two of them.
            throw reader.Corrupt(string.Create(
                CultureInfo.InvariantCulture, $"a tree has {splitCount} splits and {leafCount} leaves"));
        }

        if ((long)leafCount * shapeLength * DlibStreamReader.MinFloatBytes > reader.Remaining)
        {
            throw reader.Corrupt("the file ends inside a tree's leaves");
        }

        var start = leaves.Count;
        CollectionsMarshal.SetCount(leaves, start + (leafCount * shapeLength));
        var target = CollectionsMarshal.AsSpan(leaves);
        for (var leaf = 0; leaf < leafCount; leaf++)
        {
            reader.ReadColumn(target.Slice(start + (leaf * shapeLength), shapeLength), "a leaf");
        }
    }

    private static (int[] LevelStart, int[] Anchors, float[] DeltaX, float[] DeltaY) ReadFeaturePixels(
        DlibStreamReader reader, int levelCount, int partCount)
    {
        if (reader.ReadCount(MaxLevels, DlibStreamReader.MinIntegerBytes, "the number of anchor lists") != levelCount)
        {
            throw reader.Corrupt("the anchor lists do not match the cascade levels");
        }

        var levelStart = new int[levelCount + 1];
        var anchors = new List<int>();
        for (var level = 0; level < levelCount; level++)
        {
            var count = reader.ReadCount(MaxPixelsPerLevel, DlibStreamReader.MinIntegerBytes, "the number of feature pixels");
            for (var k = 0; k < count; k++)
            {
                var anchor = reader.ReadUnsigned(sizeof(ulong), "a feature pixel's anchor");
                anchors.Add(anchor < (ulong)partCount ? (int)anchor : throw reader.Corrupt("a feature pixel's anchor is out of range"));
            }

            levelStart[level + 1] = anchors.Count;
        }

        if (reader.ReadCount(MaxLevels, DlibStreamReader.MinIntegerBytes, "the number of offset lists") != levelCount)
        {
            throw reader.Corrupt("the offset lists do not match the cascade levels");
        }

        var deltaX = new float[anchors.Count];
        var deltaY = new float[anchors.Count];
        for (var level = 0; level < levelCount; level++)
        {
            var count = reader.ReadCount(MaxPixelsPerLevel, 2 * DlibStreamReader.MinFloatBytes, "the number of pixel offsets");
            if (count != levelStart[level + 1] - levelStart[level])
            {
                throw reader.Corrupt("a level has different numbers of anchors and offsets");
            }

            for (var k = levelStart[level]; k < levelStart[level + 1]; k++)
            {
                deltaX[k] = reader.ReadFloat("a pixel offset");
                deltaY[k] = reader.ReadFloat("a pixel offset");
            }
        }

        return (levelStart, [.. anchors], deltaX, deltaY);
    }

    private static void CheckSplitPixels(
        DlibStreamReader reader, int[] levelTreeStart, List<int> treeSplitStart, List<SplitNode> splits, int[] levelPixelStart)
    {
        for (var level = 0; level + 1 < levelTreeStart.Length; level++)
        {
            var pixels = levelPixelStart[level + 1] - levelPixelStart[level];
            for (var s = treeSplitStart[levelTreeStart[level]]; s < treeSplitStart[levelTreeStart[level + 1]]; s++)
            {
                if (splits[s].First >= pixels || splits[s].Second >= pixels)
                {
                    throw reader.Corrupt("a split names a feature pixel its level does not have");
                }
            }
        }
    }
}
