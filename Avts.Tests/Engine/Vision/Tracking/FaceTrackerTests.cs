using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Tracking;
using Avts.Tests.Fixtures;

namespace Avts.Tests.Engine.Vision.Tracking;

/// <summary>The tracker on videos made of the committed GRID frames: a face that moves, a cut, two faces.</summary>
public sealed class FaceTrackerTests
{
    private const int Frames = 30;
    private const int Width = 320;

    [Fact]
    public void Detect_GridFrame_FindsTheFaceWhereDlibsDetectorPutsIt()
    {
        var (pixels, width, height) = LandmarkFrames.Read("closed-smile");
        using var detector = new FaceDetector();

        var faces = detector.Detect(pixels, width, height);

        var face = Assert.Single(faces);
        Assert.True(face.IntersectionOverUnion(LandmarkFrames.DlibFaces("closed-smile")[0].Box) > 0.7, $"{face}");
    }

    [Fact]
    public void Detect_FaceCutAtTheEyebrowsByTheTopOfThePicture_IsStillFound()
    {
        // A tight close-up: the picture starts a sixteenth of the way down dlib's box, at the eyebrows, so the
        // cascades' window only fits with the margin of repeated edge rows (without it: no face here).
        var (pixels, width, height) = LandmarkFrames.Read("closed-smile");
        var dlibBox = LandmarkFrames.DlibFaces("closed-smile")[0].Box;
        var cut = dlibBox.Top + (dlibBox.Height / 16);
        var cropped = pixels.AsSpan(cut * width).ToArray();
        using var detector = new FaceDetector();

        var faces = detector.Detect(cropped, width, height - cut);

        var face = Assert.Single(faces);
        var expected = new FaceBox(dlibBox.Left, dlibBox.Top - cut, dlibBox.Right, dlibBox.Bottom - cut);
        Assert.True(face.IntersectionOverUnion(expected) > 0.6, $"{face} against {expected}");
    }

    [Fact]
    public void Next_MovingFace_OneTrackFromItsThirdDetectionOn_ThatFollowsTheFace()
    {
        var video = LandmarkFrames.SlidingVideo("closed-smile", Frames, Width);
        using var tracker = new FaceTracker(LandmarkModel.Predictor);

        var faces = Enumerable.Range(0, Frames).Select(i => tracker.Next(video.Frame(i), Width, video.Height)).ToList();

        // Detection runs every frame until three detections confirm the face (frame 2); after that it is followed.
        Assert.Empty(faces[0]);
        Assert.Empty(faces[1]);
        Assert.All(faces.Skip(2), f => Assert.Single(f));
        Assert.Single(faces.Skip(2).Select(f => f[0].TrackId).Distinct());
        // The face slides one pixel right per frame; the nose tip (landmark 30) must follow within a pixel.
        var noseX = faces.Skip(2).Select(f => f[0].Landmarks.X(30)).ToArray();
        for (var i = 1; i < noseX.Length; i++)
        {
            Assert.InRange(noseX[i] - noseX[i - 1], 0, 2);
        }

        Assert.InRange(noseX[^1] - noseX[0], Frames - 2 - 3, Frames - 2 + 1);
        Assert.All(faces.Skip(2), f => Assert.InRange(f[0].FaceSize, 100, 140));
    }

    [Fact]
    public void Next_CutToAPictureWithoutAFace_EndsTheTrackAtOnce()
    {
        var video = LandmarkFrames.SlidingVideo("closed-smile", Frames, Width, noiseFrames: 5);
        using var tracker = new FaceTracker(LandmarkModel.Predictor);

        var faces = Enumerable.Range(0, video.FrameCount).Select(i => tracker.Next(video.Frame(i), Width, video.Height)).ToList();

        Assert.NotEmpty(faces[Frames - 1]);
        Assert.All(faces.Skip(Frames), Assert.Empty);
    }

    [Fact]
    public void Next_FacelessPicture_SearchesDenselyForTwoSeconds_ThenOnceASecond_AndStillFindsAFaceThatAppears()
    {
        const int noise = 150;
        var face = LandmarkFrames.SlidingVideo("closed-smile", Frames, Width);
        var frameBytes = Width * face.Height;
        var pixels = new byte[(noise + Frames) * frameBytes];
        new Random(9).NextBytes(pixels.AsSpan(0, noise * frameBytes));
        for (var i = 0; i < Frames; i++)
        {
            face.Frame(i).CopyTo(pixels.AsSpan((noise + i) * frameBytes, frameBytes));
        }

        using var tracker = new FaceTracker(LandmarkModel.Predictor);
        var faces = new List<IReadOnlyList<TrackedFace>>();
        for (var i = 0; i < noise + Frames; i++)
        {
            faces.Add(tracker.Next(pixels.AsSpan(i * frameBytes, frameBytes), Width, face.Height));
            if (i == noise - 1)
            {
                // 50 frames at every 2nd (25 detections), then 100 frames at every 25th (4).
                Assert.InRange(tracker.Detections, 28, 30);
            }
        }

        // The face appears at frame 150: the idle search reaches it within 25 frames, then 3 detections confirm it.
        var found = faces.FindIndex(f => f.Count > 0);
        Assert.InRange(found, noise, noise + 25 + 3);
        Assert.All(faces.Skip(found), f => Assert.Single(f));
    }

    [Fact]
    public void Next_TwoFaces_TwoTracksWithTheirOwnIds()
    {
        var (pixels, width, height) = LandmarkFrames.Read("two-faces");
        using var tracker = new FaceTracker(LandmarkModel.Predictor);

        IReadOnlyList<TrackedFace> faces = [];
        for (var i = 0; i < 5; i++)
        {
            faces = tracker.Next(pixels, width, height);
        }

        Assert.Equal(2, faces.Count);
        Assert.NotEqual(faces[0].TrackId, faces[1].TrackId);
        // Each track sits on its own face: one in each half of the side-by-side frame.
        Assert.Equal([false, true], faces.Select(f => f.Landmarks.X(30) > width / 2).Order());
    }

    [Fact]
    public void Track_WholeVideo_FillsTheFramesBeforeConfirmationByFollowingBackward()
    {
        var video = LandmarkFrames.SlidingVideo("open", Frames, Width);

        var faces = VideoFaceTracks.Track(video, LandmarkModel.Predictor);

        Assert.All(faces, f => Assert.Single(f));
        Assert.Single(faces.Select(f => f[0].TrackId).Distinct());
        Assert.True(faces[0][0].Landmarks.X(30) < faces[2][0].Landmarks.X(30), "frame 0's face lies left of frame 2's");
    }

    [Fact]
    public void Predict_FromTheDetectorsMappedBox_LandsNearTheLandmarksFromDlibsBox()
    {
        var (pixels, width, height) = LandmarkFrames.Read("mid");
        using var detector = new FaceDetector();
        var fromDetector = LandmarkModel.Predictor.Predict(pixels, width, height, Assert.Single(detector.Detect(pixels, width, height)));
        var fromDlib = LandmarkModel.Predictor.Predict(pixels, width, height, LandmarkFrames.DlibFaces("mid")[0].Box);

        var mean = Enumerable.Range(0, 68).Average(i => Math.Sqrt(
            Math.Pow(fromDetector.X(i) - fromDlib.X(i), 2) + Math.Pow(fromDetector.Y(i) - fromDlib.Y(i), 2)));

        Assert.True(mean < 3, $"mean distance {mean:F2} px");
    }

    [Theory]
    [InlineData(130, 200, 60, true)] // a smaller "face" under the face: the same person's shirt
    [InlineData(100, 60, 40, true)] // mostly inside the face: a part of it
    [InlineData(250, 100, 100, false)] // beside it, the same size: another person
    [InlineData(100, 450, 60, false)] // far below: someone else
    [InlineData(100, 20, 60, false)] // above, smaller: someone further back
    public void Shadows_FaceAndAnotherBox_RulesOutPartsAndBodyOfTheFace(int centreX, int centreY, int side, bool expected)
    {
        var face = FaceBox.Around(100, 100, 100, 100);

        Assert.Equal(expected, FaceTracker.Shadows(face, FaceBox.Around(centreX, centreY, side, side)));
    }
}
