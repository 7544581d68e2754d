using Avts.Engine.Media;
using Avts.Engine.Scoring;
using Avts.Engine.Vision;
using Avts.Tests.Engine.Scoring;

namespace Avts.Tests.Engine.Vision;

/// <summary>The frozen-picture measure: a small moving object on a still background is motion, identical frames are not.</summary>
public sealed class FrameChangeTests
{
    private const int Width = 160;
    private const int Height = 120;

    [Fact]
    public void PerFrame_SmallObjectOnAStillPicture_ClearsTheFrozenGate_WhereTheWholeFrameMeanDoesNot()
    {
        var video = SmallSquareVideo(SyntheticClips.Timestamps(0, 25, 100), [10, 40, 70]);

        var change = FrameChange.PerFrame(video);

        Assert.True(double.IsNaN(change[0]));
        Assert.InRange(WholeFrameMeans(video).Max(), 0.01, SyncGate.FrozenMotion); // why the whole-frame mean was not enough
        Assert.True(change.Skip(1).Max() >= 4 * SyncGate.FrozenMotion, $"largest cell change {change.Skip(1).Max()}");
        Assert.Equal(0, change[5]); // the square rests before the first event
        Assert.False(SyncGate.IsFrozen(FrameChange.Largest(change, video.TimestampsSeconds, 0, 4)));
        Assert.True(SyncGate.IsFrozen(FrameChange.Largest(change, video.TimestampsSeconds, 0, 0.3)));
    }

    [Fact]
    public void PerFrame_IdenticalFrames_IsZero()
    {
        var pixels = new byte[Width * Height * 20];
        new Random(3).NextBytes(pixels.AsSpan(0, Width * Height));
        for (var f = 1; f < 20; f++)
        {
            pixels.AsSpan(0, Width * Height).CopyTo(pixels.AsSpan(f * Width * Height));
        }

        var change = FrameChange.PerFrame(new VideoTrack(Width, Height, pixels, SyntheticClips.Timestamps(0, 25, 20)));

        Assert.All(change.Skip(1), c => Assert.Equal(0, c));
    }

    [Fact]
    public void Onset_SmallBouncingSquareWithClicks_IsAnalysed_AndFindsTheDelay()
    {
        const double delayMs = 120;
        var random = new Random(21);
        var timestamps = SyntheticClips.Timestamps(0, 25, 250);
        var events = SyntheticClips.EventFrames(25, timestamps.Length, random);
        var video = SmallSquareVideo(timestamps, events);
        var audio = SyntheticClips.EventAudio(0, 10, events.Select(e => timestamps[e] + (delayMs / 1000)), random, click: true);

        var result = new OnsetEstimator(cascadePath: null).Analyze(SyntheticClips.Media(video, audio), new AnalysisOptions(), CancellationToken.None);

        Assert.True(result.Synchronizable);
        Assert.NotNull(result.AudioDelayMs);
        Assert.InRange(result.AudioDelayMs.Value, delayMs - 5, delayMs + 5);
    }

    /// <summary>
    /// A still grey picture (no noise) with a 6 px bright square that glides 4 px a frame for 6 frames from each event
    /// frame, alternating direction: about 0.2 % of the picture changes.
    /// </summary>
    private static VideoTrack SmallSquareVideo(double[] timestamps, IReadOnlyCollection<int> events)
    {
        const int side = 6;
        var frameSize = Width * Height;
        var pixels = new byte[frameSize * timestamps.Length];
        var starts = new HashSet<int>(events);
        int x = 40, moveLeft = 0, direction = 1;
        for (var f = 0; f < timestamps.Length; f++)
        {
            if (starts.Contains(f))
            {
                moveLeft = 6;
                direction = x < Width / 2 ? 1 : -1;
            }

            if (moveLeft > 0)
            {
                x += 4 * direction;
                moveLeft--;
            }

            var frame = pixels.AsSpan(f * frameSize, frameSize);
            frame.Fill(90);
            for (var r = 80; r < 80 + side; r++)
            {
                frame.Slice((r * Width) + x, side).Fill(200);
            }
        }

        return new VideoTrack(Width, Height, pixels, timestamps);
    }

    private static double[] WholeFrameMeans(VideoTrack video) =>
        Enumerable.Range(1, video.FrameCount - 1)
            .Select(i =>
            {
                var a = video.Frame(i - 1);
                var b = video.Frame(i);
                long sum = 0;
                for (var p = 0; p < a.Length; p++)
                {
                    sum += Math.Abs(a[p] - b[p]);
                }

                return (double)sum / a.Length;
            })
            .ToArray();
}
