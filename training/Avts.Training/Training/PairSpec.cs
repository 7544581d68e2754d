namespace Avts.Training.Training;

/// <summary>
/// One pair of a batch: the clip of video <paramref name="VideoIndex"/> starting at <paramref name="ClipStart"/>, and the
/// audio window of video <paramref name="AudioVideoIndex"/> starting at <paramref name="ClipStart"/> +
/// <paramref name="AudioShift"/> (positive = later audio), label <paramref name="Label"/> (1 = in sync).
/// </summary>
/// <param name="VideoIndex">Video of the clip.</param>
/// <param name="ClipStart">Clip start in the video's presentation time (s).</param>
/// <param name="AudioVideoIndex">Video whose audio is used.</param>
/// <param name="AudioShift">Audio window start minus clip start (s).</param>
/// <param name="Label">1 for in sync, 0 for negatives.</param>
/// <param name="Kind">Positive, easy, hard or super-hard.</param>
public readonly record struct PairSpec(int VideoIndex, double ClipStart, int AudioVideoIndex, double AudioShift, int Label, PairKind Kind);
