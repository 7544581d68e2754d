using System.Runtime.InteropServices;
using System.Text.Json;
using Avts.Engine.Media;
using Avts.Engine.Vision.Landmarks;
using OpenCvSharp;

namespace Avts.Tests.Fixtures;

/// <summary>The committed landmark fixture frames (GRID, grey PNG) and dlib's output for them, and videos made from them.</summary>
internal static class LandmarkFrames
{
    /// <summary>A fixture frame's pixels and size.</summary>
    public static (byte[] Pixels, int Width, int Height) Read(string name)
    {
        var path = Path.Combine(LandmarkModel.FixtureFolder, name + ".png");
        using var image = Cv2.ImRead(path, ImreadModes.Grayscale);
        Assert.False(image.Empty(), $"cannot read {path}");
        Assert.True(image.IsContinuous());
        var pixels = new byte[image.Width * image.Height];
        Marshal.Copy(image.Data, pixels, 0, pixels.Length);
        return (pixels, image.Width, image.Height);
    }

    /// <summary>dlib's boxes and integer points for a fixture frame, one entry per face.</summary>
    public static IReadOnlyList<(FaceBox Box, (int X, int Y)[] Points)> DlibFaces(string name) =>
        [.. File.ReadAllLines(Path.Combine(LandmarkModel.FixtureFolder, name + ".json")).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var box = json.RootElement.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var points = json.RootElement.GetProperty("points").EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32())).ToArray();
            return (new FaceBox(box[0], box[1], box[2], box[3]), points);
        })];

    /// <summary>dlib's points of a fixture face as a float landmark array (x, y interleaved).</summary>
    public static float[] DlibPoints(string name, int face = 0) =>
        [.. DlibFaces(name)[face].Points.SelectMany(p => new[] { (float)p.X, p.Y })];

    /// <summary>
    /// A 25 fps video of <paramref name="frames"/> frames, each a <paramref name="width"/>-wide window of fixture
    /// <paramref name="name"/> that slides one pixel left per frame (so the face moves one pixel right), then
    /// <paramref name="noiseFrames"/> frames of seeded noise (a cut to a picture without a face).
    /// </summary>
    public static VideoTrack SlidingVideo(string name, int frames, int width, int noiseFrames = 0)
    {
        var (pixels, fullWidth, height) = Read(name);
        Assert.True(fullWidth >= width + frames, "the fixture is too narrow for that many frames");
        var video = new byte[(frames + noiseFrames) * width * height];
        for (var f = 0; f < frames; f++)
        {
            var left = frames - f;
            for (var y = 0; y < height; y++)
            {
                pixels.AsSpan((y * fullWidth) + left, width).CopyTo(video.AsSpan((((f * height) + y) * width), width));
            }
        }

        new Random(5).NextBytes(video.AsSpan(frames * width * height));
        return new VideoTrack(width, height, video, [.. Enumerable.Range(0, frames + noiseFrames).Select(i => i / 25.0)]);
    }
}
