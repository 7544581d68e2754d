namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// A loaded ensemble-of-regression-trees cascade in flat arrays, the layout the predictor's loop reads: per level a
/// range of trees and of feature pixels; per tree a range of splits and of leaf vectors (each leaf holds a shape
/// update of <see cref="ShapeLength"/> floats). Coordinates are in the box-normalised frame (the box's top-left corner
/// at 0,0 and its bottom-right at 1,1).
/// </summary>
internal sealed class ShapeCascade
{
    /// <summary>Number of landmarks.</summary>
    public required int PartCount { get; init; }

    /// <summary>The mean shape the cascade starts from, x and y interleaved.</summary>
    public required float[] InitialShape { get; init; }

    /// <summary>Level l owns trees [LevelTreeStart[l], LevelTreeStart[l+1]).</summary>
    public required int[] LevelTreeStart { get; init; }

    /// <summary>Tree t owns splits [TreeSplitStart[t], TreeSplitStart[t+1]).</summary>
    public required int[] TreeSplitStart { get; init; }

    /// <summary>Tree t's leaf vectors start at this index of <see cref="Leaves"/>.</summary>
    public required int[] TreeLeafStart { get; init; }

    /// <summary>Every split of every tree, breadth first within a tree (children of i at 2i+1, 2i+2).</summary>
    public required SplitNode[] Splits { get; init; }

    /// <summary>Every leaf vector, back to back.</summary>
    public required float[] Leaves { get; init; }

    /// <summary>Level l owns feature pixels [LevelPixelStart[l], LevelPixelStart[l+1]).</summary>
    public required int[] LevelPixelStart { get; init; }

    /// <summary>The landmark each feature pixel is anchored to.</summary>
    public required int[] PixelAnchor { get; init; }

    /// <summary>Each feature pixel's x offset from its anchor in the mean shape.</summary>
    public required float[] PixelDeltaX { get; init; }

    /// <summary>Each feature pixel's y offset from its anchor in the mean shape.</summary>
    public required float[] PixelDeltaY { get; init; }

    /// <summary>Number of cascade levels.</summary>
    public int LevelCount => LevelTreeStart.Length - 1;

    /// <summary>Floats per shape: x and y of every landmark.</summary>
    public int ShapeLength => 2 * PartCount;

    /// <summary>Most feature pixels any level samples.</summary>
    public required int MaxPixelsPerLevel { get; init; }
}
