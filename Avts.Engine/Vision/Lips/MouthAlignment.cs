namespace Avts.Engine.Vision.Lips;

/// <summary>
/// The face-aligned frame for mouth points: a similarity fitted from a face's stable landmarks (nose 27-35, eyes
/// 36-47) to <see cref="Reference"/>, those landmarks on dlib's 68-point mean face moved so the midpoint between the
/// eye centres is the origin, the eye line is the x axis (y down, as in images) and the eye centres are 1 apart. Head
/// position, size and in-plane rotation go into the similarity; what is left of the mouth points is mouth shape.
/// </summary>
internal static class MouthAlignment
{
    /// <summary>First stable landmark (nose bridge top).</summary>
    public const int FirstStablePoint = 27;

    /// <summary>Number of stable landmarks (27-47).</summary>
    public const int StablePointCount = 21;

    /// <summary>First mouth landmark (left mouth corner in the image).</summary>
    public const int FirstMouthPoint = 48;

    /// <summary>Number of mouth landmarks (48-67: outer lip 48-59, inner lip 60-67).</summary>
    public const int MouthPointCount = 20;

    /// <summary>
    /// Landmarks 27-47 of the mean shape of /usr/share/dlib/shape_predictor_68_face_landmarks.dat in the aligned frame
    /// (x, y interleaved; the model's mean face is left-right symmetric and its eye line level to 1e-5 rad).
    /// </summary>
    public static readonly float[] Reference =
    [
        0.0000f, -0.0236f, 0.0000f, 0.1716f, 0.0000f, 0.3650f, 0.0000f, 0.5640f,
        -0.2324f, 0.6986f, -0.1208f, 0.7397f, 0.0000f, 0.7748f, 0.1208f, 0.7397f, 0.2324f, 0.6986f,
        -0.6963f, 0.0008f, -0.5725f, -0.0704f, -0.4238f, -0.0683f, -0.2936f, 0.0300f, -0.4330f, 0.0549f, -0.5810f, 0.0529f,
        0.2936f, 0.0300f, 0.4238f, -0.0683f, 0.5725f, -0.0704f, 0.6963f, 0.0008f, 0.5810f, 0.0529f, 0.4330f, 0.0549f,
    ];

    /// <summary>The similarity from image pixels to the aligned frame for a face's 68 landmarks (x, y interleaved).</summary>
    public static Similarity ImageToAligned(ReadOnlySpan<float> landmarks) =>
        Similarity.Fit(landmarks.Slice(2 * FirstStablePoint, 2 * StablePointCount), Reference);
}
