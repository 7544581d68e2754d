using OpenCvSharp;

namespace Avts.Training.Corpus;

/// <summary>
/// One scenario's content for one clip: the clean soundtrack, the frames where something audible happens, and a
/// painter for the foreground of each frame. Audio and pictures are planned together up front, so an event drawn on
/// frame f sounds at <see cref="ClipPlan.SampleOf"/>(f) exactly.
/// </summary>
public interface IClipScene
{
    /// <summary>The clean soundtrack, <see cref="ClipPlan.SampleCount"/> samples in [-1, 1] before noise is added.</summary>
    float[] Audio { get; }

    /// <summary>Frames that show an audible event (contact, flash onset, syllable onset), ascending.</summary>
    IReadOnlyList<int> EventFrames { get; }

    /// <summary>Paints the scene's foreground for frame <paramref name="frame"/> over <paramref name="canvas"/> (BGR).</summary>
    void Draw(Mat canvas, int frame);
}
