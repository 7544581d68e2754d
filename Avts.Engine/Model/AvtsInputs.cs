using Avts.Engine.Media;
using Avts.Engine.Vision;
using OpenCvSharp;

namespace Avts.Engine.Model;

/// <summary>
/// Cuts model inputs out of decoded media by presentation time: the video clip starting at a time (frames resampled
/// to the model's frame rate by PTS, centre square crop, resize, normalise) and the audio samples that pair with it
/// (the window plus the audio subnet's context, or a longer span for a shift search). Plain arrays, no tensors:
/// training and inference share exactly this code, so the two cannot disagree on preprocessing.
/// </summary>
public static class AvtsInputs
{
    /// <summary>
    /// The clip of <see cref="AvtsModelOptions.ClipFrames"/> frames starting at <paramref name="startSeconds"/>, as
    /// [channels, frames, size, size] values, or null when the track does not cover the clip. Frame k shows what was
    /// on screen at start + k / fps: the last frame presented at or before that time. Frames are cut at
    /// <paramref name="region"/> (see <see cref="CropFor"/>), the centred square when null.
    /// </summary>
    public static float[]? VideoClip(VideoTrack video, double startSeconds, AvtsModelOptions options, CropRegion? region = null)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(options);
        var times = video.TimestampsSeconds;
        var clipEnd = startSeconds + ((double)options.ClipFrames / options.FrameRate);
        if (video.FrameCount == 0 || startSeconds < times[0] - 1e-6 || clipEnd > video.EndSeconds + 1e-6)
        {
            return null;
        }

        var size = options.InputSize;
        var plane = size * size;
        var result = new float[options.VideoChannels * options.ClipFrames * plane];
        var square = region ?? CropRegion.Centre(video.Width, video.Height);
        if (!square.FitsIn(video.Width, video.Height))
        {
            throw new ArgumentException($"crop region {square} does not fit a {video.Width}x{video.Height} frame.", nameof(region));
        }

        var crop = new Rect(square.X, square.Y, square.Side, square.Side);
        using var all = Mat.FromPixelData(video.FrameCount * video.Height, video.Width, MatType.CV_8UC1, video.Pixels);
        using var resized = new Mat(size, size, MatType.CV_8UC1);
        var scale = 1f / (255f * options.PixelStd);
        var offset = options.PixelMean / options.PixelStd;
        var pixels = new byte[plane];
        var index = 0;
        for (var k = 0; k < options.ClipFrames; k++)
        {
            var t = startSeconds + ((double)k / options.FrameRate);
            index = FrameShownAt(times, t, index);
            using (var frame = all.SubMat(new Rect(crop.X, (index * video.Height) + crop.Y, crop.Width, crop.Height)))
            {
                Cv2.Resize(frame, resized, new Size(size, size), interpolation: InterpolationFlags.Area);
            }

            resized.GetArray(out byte[] data);
            data.CopyTo(pixels, 0);
            for (var c = 0; c < options.VideoChannels; c++)
            {
                // Grey input feeds every channel alike when the model expects RGB.
                var destination = result.AsSpan(((c * options.ClipFrames) + k) * plane, plane);
                for (var i = 0; i < plane; i++)
                {
                    destination[i] = (pixels[i] * scale) - offset;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The region clips of frames presented in [<paramref name="fromSeconds"/>, <paramref name="toSeconds"/>) are cut
    /// from under <paramref name="options"/>: null (the centred square) for <see cref="AvtsModelOptions.CentreCrop"/> or
    /// when no face is found, else the mouth square. Training and inference both call this, so they crop alike.
    /// </summary>
    public static CropRegion? CropFor(VideoTrack video, double fromSeconds, double toSeconds, AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(options);
        return options.VideoCrop == AvtsModelOptions.FaceCrop ? MouthCrop.Find(video, fromSeconds, toSeconds) : null;
    }

    /// <summary>
    /// Audio samples from <paramref name="fromSeconds"/> to <paramref name="toSeconds"/> of the track (which must be
    /// at the model's sample rate), or null when the track does not cover that span.
    /// </summary>
    public static float[]? AudioSpan(AudioTrack audio, double fromSeconds, double toSeconds, AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(options);
        if (audio.SampleRate != options.SampleRate)
        {
            throw new ArgumentException($"audio is at {audio.SampleRate} Hz; the model takes {options.SampleRate} Hz.", nameof(audio));
        }

        var first = (long)Math.Round((fromSeconds - audio.StartSeconds) * audio.SampleRate);
        var count = (long)Math.Round((toSeconds - fromSeconds) * audio.SampleRate);
        if (first < 0 || count <= 0 || first + count > audio.Samples.Length)
        {
            return null;
        }

        return audio.Samples.AsSpan((int)first, (int)count).ToArray();
    }

    /// <summary>
    /// The samples that pair with the clip starting at <paramref name="clipStartSeconds"/> (moved by
    /// <paramref name="audioShiftSeconds"/>: positive takes later audio), context included:
    /// <see cref="AvtsModelOptions.AudioWindowSamples"/> samples, or null when the track does not cover them.
    /// </summary>
    public static float[]? AudioWindow(AudioTrack audio, double clipStartSeconds, double audioShiftSeconds, AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var from = clipStartSeconds + audioShiftSeconds - ContextSeconds(options);
        return AudioSpan(audio, from, from + ((double)options.AudioWindowSamples / options.SampleRate), options);
    }

    /// <summary>How far before the window's first sample the audio subnet reads (its context), in seconds.</summary>
    public static double ContextSeconds(AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (double)options.AudioContextFrames * options.HopLength / options.SampleRate;
    }

    /// <summary>Index of the last frame presented at or before <paramref name="t"/> (searching on from a hint).</summary>
    private static int FrameShownAt(double[] times, double t, int hint)
    {
        var i = Math.Clamp(hint, 0, times.Length - 1);
        while (i + 1 < times.Length && times[i + 1] <= t + 1e-9)
        {
            i++;
        }

        while (i > 0 && times[i] > t + 1e-9)
        {
            i--;
        }

        return i;
    }
}
