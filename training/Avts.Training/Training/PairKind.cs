namespace Avts.Training.Training;

/// <summary>What a training pair is.</summary>
public enum PairKind
{
    /// <summary>In sync: the video's own audio at shift 0.</summary>
    Positive,

    /// <summary>Audio from another video.</summary>
    Easy,

    /// <summary>The same video's audio shifted by a large amount (at least the hard minimum).</summary>
    Hard,

    /// <summary>The same video's audio shifted by a small amount.</summary>
    SuperHard,
}
