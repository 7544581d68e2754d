using Avts.Engine.Media;
using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Tracking;

namespace Avts.Engine.Vision.Lips;

/// <summary>
/// Lip input for lip-sync models from 68-point landmarks: the mouth points in a face-aligned frame (a similarity
/// fitted to the eyes and nose removes head position, size and in-plane rotation) and a grey mouth crop aligned on
/// the mouth corners.
/// </summary>
public static class LipFeatures
{
    /// <summary>Default side of the mouth crop in pixels.</summary>
    public const int DefaultCropSize = 32;

    /// <summary>Number of floats in <see cref="LipFrame.MouthPoints"/>: x and y of landmarks 48-67.</summary>
    public const int MouthPointValues = 2 * MouthAlignment.MouthPointCount;

    private const int LandmarkCount = 68;

    /// <summary>The lip input of the face with <paramref name="landmarks"/> (68 points) in an 8-bit grey frame; <paramref name="cropSize"/> 0 leaves the crop out.</summary>
    public static LipFrame Extract(
        ReadOnlySpan<byte> grey, int width, int height, FaceLandmarks landmarks, int frameIndex, double timestampSeconds, double faceSize, int cropSize = DefaultCropSize) =>
        new(frameIndex, timestampSeconds, AlignMouthPoints(landmarks), cropSize > 0 ? MouthCrop(grey, width, height, landmarks, cropSize) : [], cropSize, faceSize, landmarks.Box);

    /// <summary>
    /// Landmarks 48-67 in the face-aligned frame (x, y interleaved): origin midway between the eye centres, x along
    /// the eye line, y down, unit = eye-centre distance, fitted on landmarks 27-47 against dlib's mean face.
    /// </summary>
    public static float[] AlignMouthPoints(FaceLandmarks landmarks)
    {
        CheckLandmarks(landmarks);
        var toAligned = MouthAlignment.ImageToAligned(landmarks.Points);
        var aligned = new float[MouthPointValues];
        for (var i = 0; i < MouthAlignment.MouthPointCount; i++)
        {
            var point = MouthAlignment.FirstMouthPoint + i;
            var (x, y) = toAligned.Apply(landmarks.X(point), landmarks.Y(point));
            aligned[2 * i] = (float)x;
            aligned[(2 * i) + 1] = (float)y;
        }

        return aligned;
    }

    /// <summary>
    /// The <paramref name="cropSize"/>-pixel square grey mouth crop (values 0..1, bilinear): the similarity that puts
    /// mouth corner 48 on pixel (S/4, S/2) and corner 54 on (3S/4, S/2), so the crop spans twice the mouth width.
    /// </summary>
    public static float[] MouthCrop(ReadOnlySpan<byte> grey, int width, int height, FaceLandmarks landmarks, int cropSize = DefaultCropSize)
    {
        CheckLandmarks(landmarks);
        ArgumentOutOfRangeException.ThrowIfLessThan(cropSize, 4);
        ReadOnlySpan<float> cropCorners = [cropSize / 4f, cropSize / 2f, 3 * cropSize / 4f, cropSize / 2f];
        ReadOnlySpan<float> imageCorners = [landmarks.X(48), landmarks.Y(48), landmarks.X(54), landmarks.Y(54)];
        var crop = new float[cropSize * cropSize];
        AlignedSampler.Sample(grey, width, height, Similarity.Fit(cropCorners, imageCorners), cropSize, crop);
        for (var i = 0; i < crop.Length; i++)
        {
            crop[i] /= byte.MaxValue;
        }

        return crop;
    }

    /// <summary>
    /// The lip input of every face tracked through <paramref name="video"/> (<see cref="VideoFaceTracks"/>), one track
    /// per face, longest first. Decode the video so faces are 80 px or more (<see cref="FaceScale"/>).
    /// </summary>
    public static IReadOnlyList<LipTrack> FromVideo(
        VideoTrack video, ShapePredictor predictor, FaceTrackerOptions? options = null, int cropSize = DefaultCropSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        var faces = VideoFaceTracks.Track(video, predictor, options, cancellationToken);
        var tracks = new Dictionary<int, List<LipFrame>>();
        for (var i = 0; i < faces.Length; i++)
        {
            foreach (var face in faces[i])
            {
                if (!tracks.TryGetValue(face.TrackId, out var frames))
                {
                    tracks[face.TrackId] = frames = [];
                }

                frames.Add(Extract(video.Frame(i), video.Width, video.Height, face.Landmarks, i, video.TimestampsSeconds[i], face.FaceSize, cropSize));
            }
        }

        return [.. tracks.Select(t => new LipTrack(t.Key, t.Value)).OrderByDescending(t => t.Frames.Count).ThenBy(t => t.TrackId)];
    }

    private static void CheckLandmarks(FaceLandmarks landmarks)
    {
        ArgumentNullException.ThrowIfNull(landmarks);
        if (landmarks.Count != LandmarkCount)
        {
            throw new ArgumentException($"Lip features need the 68-point iBUG landmark layout, not {landmarks.Count} points.", nameof(landmarks));
        }
    }
}
