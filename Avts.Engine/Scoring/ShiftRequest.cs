namespace Avts.Engine.Scoring;

/// <summary>
/// One model clip to score against consecutive 10 ms audio shifts: distance i pairs <paramref name="Clip"/> with the
/// window whose samples (context included) start at sample <paramref name="FirstSample"/> + i hops of the track.
/// </summary>
/// <param name="Clip">The clip's model input (pixels or lip features), in the model's clip layout.</param>
/// <param name="FirstSample">The first shift's first sample, in samples of the analysed audio track.</param>
/// <param name="ShiftCount">How many consecutive shifts.</param>
internal readonly record struct ShiftRequest(float[] Clip, long FirstSample, int ShiftCount);
