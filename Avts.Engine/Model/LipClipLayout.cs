namespace Avts.Engine.Model;

/// <summary>
/// How one frame of a lips-architecture clip is laid out: the 20 mouth landmarks in the face-aligned frame (x, y
/// interleaved, 40 values), then, when the model has a crop branch, the landmark-aligned grey mouth crop
/// (<see cref="CropSize"/>² values, rows back to back). A clip is [values per frame, frames], value-major.
/// </summary>
/// <param name="CropSize">Side of the mouth crop in pixels; 0 when the model reads the mouth shape only.</param>
public sealed record LipClipLayout(int CropSize)
{
    /// <summary>Values of the mouth shape: x and y of landmarks 48-67.</summary>
    public const int ShapeValues = 40;

    /// <summary>Values of the crop (0 without one).</summary>
    public int CropValues => CropSize * CropSize;

    /// <summary>Values per frame.</summary>
    public int ValuesPerFrame => ShapeValues + CropValues;

    /// <summary>The layout of <paramref name="options"/>' clips.</summary>
    public static LipClipLayout For(AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LipClipLayout(options.LipCropSize);
    }
}
