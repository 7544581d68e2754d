using Avts.Engine.Media;

namespace Avts.Tests.Engine.Scoring;

/// <summary>Deterministic in-memory clips with picture events and sounds at exactly known times.</summary>
internal static class SyntheticClips
{
    public const int Width = 64;
    public const int Height = 36;
    public const int SampleRate = 16000;

    /// <summary>Frame timestamps: <paramref name="count"/> frames at <paramref name="fps"/> from <paramref name="start"/>.</summary>
    public static double[] Timestamps(double start, double fps, int count) =>
        Enumerable.Range(0, count).Select(i => start + (i / fps)).ToArray();

    /// <summary>Irregular event frame indices: one every 1-2 s (seeded), clear of both ends.</summary>
    public static int[] EventFrames(double fps, int frameCount, Random random)
    {
        var frames = new List<int>();
        var t = 0.6 + random.NextDouble() * 0.5;
        while (t < (frameCount / fps) - 0.6)
        {
            frames.Add((int)Math.Round(t * fps));
            t += 1.0 + random.NextDouble();
        }

        return [.. frames];
    }

    /// <summary>
    /// A black picture that turns white on each event frame (for a few frames), with a little sensor noise.
    /// </summary>
    public static VideoTrack FlashVideo(double[] timestamps, IReadOnlyCollection<int> eventFrames, Random random, int flashFrames = 3)
    {
        var frameSize = Width * Height;
        var pixels = new byte[frameSize * timestamps.Length];
        var lit = new bool[timestamps.Length];
        foreach (var e in eventFrames)
        {
            for (var i = e; i < Math.Min(e + flashFrames, lit.Length); i++)
            {
                lit[i] = true;
            }
        }

        for (var f = 0; f < timestamps.Length; f++)
        {
            var level = lit[f] ? 220 : 16;
            for (var p = 0; p < frameSize; p++)
            {
                pixels[(f * frameSize) + p] = (byte)(level + random.Next(-3, 4));
            }
        }

        return new VideoTrack(Width, Height, pixels, timestamps);
    }

    /// <summary>
    /// A bright square that rests, then from each event frame glides at constant speed for a few frames and rests
    /// again: frame motion jumps up at the event frame (the picture onset) and stays level while it moves.
    /// </summary>
    public static VideoTrack MovingSquareVideo(double[] timestamps, IReadOnlyCollection<int> eventFrames, Random random)
    {
        const int side = 10;
        const int speed = 3;
        var frameSize = Width * Height;
        var pixels = new byte[frameSize * timestamps.Length];
        var events = new HashSet<int>(eventFrames);
        int x = 8, y = 12, direction = 1, moveLeft = 0;
        for (var f = 0; f < timestamps.Length; f++)
        {
            if (events.Contains(f))
            {
                moveLeft = 6;
                direction = x < Width / 2 ? 1 : -1;
            }

            if (moveLeft > 0)
            {
                x += direction * speed;
                moveLeft--;
            }

            for (var r = 0; r < Height; r++)
            {
                for (var c = 0; c < Width; c++)
                {
                    var inside = r >= y && r < y + side && c >= x && c < x + side;
                    pixels[(f * frameSize) + (r * Width) + c] = (byte)((inside ? 200 : 40) + random.Next(-2, 3));
                }
            }
        }

        return new VideoTrack(Width, Height, pixels, timestamps);
    }

    /// <summary>
    /// Noise at <paramref name="noise"/> amplitude with a sound starting exactly at each of <paramref name="eventTimes"/>
    /// (its first sample is the first one presented at or after that time). <paramref name="click"/> makes short
    /// decaying noise bursts instead of 1 kHz beeps.
    /// </summary>
    public static AudioTrack EventAudio(
        double start, double duration, IEnumerable<double> eventTimes, Random random, double noise = 0.005, bool click = false)
    {
        var samples = new float[(int)(duration * SampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(noise * ((random.NextDouble() * 2) - 1));
        }

        foreach (var t in eventTimes)
        {
            var first = (int)Math.Ceiling(((t - start) * SampleRate) - 1e-9);
            var length = click ? SampleRate / 50 : SampleRate / 8;
            for (var i = 0; i < length; i++)
            {
                var index = first + i;
                if (index < 0 || index >= samples.Length)
                {
                    continue;
                }

                var value = click
                    ? Math.Exp(-i / (0.004 * SampleRate)) * ((random.NextDouble() * 2) - 1)
                    : Math.Sin(2 * Math.PI * 1000 * i / SampleRate);
                samples[index] += (float)(0.5 * value);
            }
        }

        return new AudioTrack(samples, SampleRate, start);
    }

    /// <summary>Wraps the tracks with a probe result that matches them.</summary>
    public static DecodedMedia Media(VideoTrack? video, AudioTrack? audio) =>
        new(
            new MediaInfo(
                "synthetic",
                "rawvideo",
                null,
                video is null ? null : new VideoStreamInfo(0, "rawvideo", video.Width, video.Height, 25, video.StartSeconds, null, 0, false),
                audio is null ? null : new AudioStreamInfo(1, "pcm_f32le", audio.SampleRate, 1, audio.StartSeconds, null)),
            video,
            audio);

    /// <summary>A flash/beep clip: events every 1-2 s, beeps at event PTS + <paramref name="delayMs"/>.</summary>
    public static DecodedMedia FlashBeep(
        double delayMs, double fps, double videoStart, double audioStart, double seconds, int seed, bool movingSquare = false)
    {
        var random = new Random(seed);
        var frameCount = (int)(seconds * fps);
        var timestamps = Timestamps(videoStart, fps, frameCount);
        var events = EventFrames(fps, frameCount, random);
        var video = movingSquare ? MovingSquareVideo(timestamps, events, random) : FlashVideo(timestamps, events, random);
        var audio = EventAudio(
            audioStart,
            seconds + videoStart - audioStart,
            events.Select(e => timestamps[e] + (delayMs / 1000)),
            random,
            click: movingSquare);
        return Media(video, audio);
    }
}
