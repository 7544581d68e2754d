namespace Avts.Training.Training;

/// <summary>One clip of the shift loss: video <paramref name="VideoIndex"/> from <paramref name="ClipStart"/> s, scored against its own audio at every shift.</summary>
/// <param name="VideoIndex">Video of the clip (and of the audio).</param>
/// <param name="ClipStart">Clip start in the video's presentation time (s).</param>
public readonly record struct ShiftClip(int VideoIndex, double ClipStart);
