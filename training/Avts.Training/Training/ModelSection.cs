using Avts.Engine.Model;

namespace Avts.Training.Training;

/// <summary>The <c>model</c> section of a training config: architecture plus the overrides training may change.</summary>
public sealed record ModelSection
{
    /// <summary>"nano", "tiny", "lips" or "mc3-18".</summary>
    public string Architecture { get; set; } = AvtsModelOptions.TinyArchitecture;

    /// <summary>Square input side in pixels (architecture default when absent).</summary>
    public int? InputSize { get; set; }

    /// <summary>1 (grey) or 3 (RGB; grey decoding feeds all three alike).</summary>
    public int? VideoChannels { get; set; }

    /// <summary>Embedding dimension.</summary>
    public int? EmbeddingDim { get; set; }

    /// <summary>"centre" (default) or "face": where clips are cut from the frame (see <see cref="AvtsModelOptions.VideoCrop"/>).</summary>
    public string? VideoCrop { get; set; }

    /// <summary>Lips: side of the aligned mouth crop each frame carries besides the mouth shape (0 or absent: shape only).</summary>
    public int? LipCropSize { get; set; }
}
