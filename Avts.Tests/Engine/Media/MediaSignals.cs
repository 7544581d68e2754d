using Avts.Engine.Media;

namespace Avts.Tests.Engine.Media;

/// <summary>Finds the synthetic flash and beep in decoded media.</summary>
internal static class MediaSignals
{
    /// <summary>Presentation time of the brightest frame.</summary>
    public static double FlashSeconds(VideoTrack video)
    {
        var best = -1.0;
        var bestIndex = -1;
        for (var i = 0; i < video.FrameCount; i++)
        {
            long sum = 0;
            foreach (var pixel in video.Frame(i))
            {
                sum += pixel;
            }

            var mean = (double)sum / (video.Width * video.Height);
            if (mean > best)
            {
                best = mean;
                bestIndex = i;
            }
        }

        Assert.True(best > 200, $"no white frame (brightest mean {best:0})");
        return video.TimestampsSeconds[bestIndex];
    }

    /// <summary>Presentation time of the first sample above half the beep's 0.8 amplitude.</summary>
    public static double BeepSeconds(AudioTrack audio)
    {
        var index = Array.FindIndex(audio.Samples, s => Math.Abs(s) > 0.4f);
        Assert.True(index >= 0, "no beep found");
        return audio.StartSeconds + ((double)index / audio.SampleRate);
    }
}
