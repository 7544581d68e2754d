namespace Avts.Training.Corpus;

/// <summary>What a synthetic clip shows and sounds like.</summary>
public enum ClipKind
{
    /// <summary>A drawn face whose mouth opening follows the speech envelope (real speech or syllable-like noise).</summary>
    Avatar,

    /// <summary>A ball bouncing on a floor, with a click/thud at every contact frame.</summary>
    Bounce,

    /// <summary>Shapes that flash on screen together with a tone burst.</summary>
    Flash,
}
