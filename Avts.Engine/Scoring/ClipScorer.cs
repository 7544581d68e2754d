namespace Avts.Engine.Scoring;

/// <summary>
/// Distances between one model clip and the audio windows at consecutive 10 ms shifts of a span: distance i pairs
/// <paramref name="clip"/> (values as <see cref="Model.AvtsInputs.VideoClip"/> makes them) with the window whose
/// samples start i hops into <paramref name="span"/>, context included (so the window's first clip-aligned sample is
/// context hops later). The seam between the estimator's windowing and the network: tests drive the estimator with a
/// scripted scorer to check the time and sign conventions without a trained model.
/// </summary>
internal delegate double[] ClipScorer(float[] clip, float[] span, int shiftCount);
