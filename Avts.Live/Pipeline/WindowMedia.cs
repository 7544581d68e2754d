using Avts.Engine.Media;
using Avts.Live.Sources;

namespace Avts.Live.Pipeline;

/// <summary>
/// Cuts one window's <see cref="DecodedMedia"/> out of a stream's buffered frames and audio chunks, by presentation
/// timestamp only (never by counting frames or samples: timestamps are the truth).
/// </summary>
internal static class WindowMedia
{
    /// <summary>Slack for comparing timestamps computed in floating point (well below one sample at 192 kHz).</summary>
    private const double Epsilon = 1e-9;

    /// <summary>Builds the window's media from PTS-sorted <paramref name="frames"/> and <paramref name="chunks"/>.</summary>
    public static DecodedMedia Build(
        string stream, double start, double end, IReadOnlyList<VideoFrameEvent> frames, IReadOnlyList<AudioChunkEvent> chunks)
    {
        var video = BuildVideo(start, end, frames);
        var audio = BuildAudio(start, end, chunks);
        var info = new MediaInfo(
            stream,
            "live",
            end - start,
            video is null ? null : new VideoStreamInfo(0, "rawvideo", video.Width, video.Height, FrameRate(video), start, end - start, 0, false),
            audio is null ? null : new AudioStreamInfo(1, "pcm_f32le", audio.SampleRate, 1, audio.StartSeconds, end - start))
        {
            StartSeconds = start,
        };
        return new DecodedMedia(info, video, audio);
    }

    /// <summary>
    /// The frames with PTS in [start, end), or null when there are none. A stream that changes resolution mid-window
    /// keeps only the frames of the newest size (a <see cref="VideoTrack"/> has one size).
    /// </summary>
    private static VideoTrack? BuildVideo(double start, double end, IReadOnlyList<VideoFrameEvent> frames)
    {
        var inside = frames.Where(f => f.PtsSeconds >= start - Epsilon && f.PtsSeconds < end - Epsilon).ToList();
        if (inside.Count == 0)
        {
            return null;
        }

        var (width, height) = (inside[^1].Width, inside[^1].Height);
        inside.RemoveAll(f => f.Width != width || f.Height != height || f.Pixels.Length != width * height);
        var frameSize = width * height;
        // Every byte is copied over just below: no need to clear megabytes first (the clearing showed in profiles).
        var pixels = GC.AllocateUninitializedArray<byte>(frameSize * inside.Count);
        for (var i = 0; i < inside.Count; i++)
        {
            inside[i].Pixels.CopyTo(pixels, i * frameSize);
        }

        return new VideoTrack(width, height, pixels, inside.Select(f => f.PtsSeconds).ToArray());
    }

    /// <summary>
    /// The samples presented in [start, end), or null when there are none. The track starts at the first included
    /// sample; every chunk's samples are placed by the chunk's own PTS, so a gap between chunks stays a gap (filled with
    /// zeros) and sample i is presented at StartSeconds + i / rate. Where chunks overlap, the one with the later PTS
    /// overwrites (it is the newer data for that instant). The track ends at the last sample actually received, never
    /// padded to the window end, so a lagging audio feed does not turn into fake silence. Chunks at another sample rate
    /// than the first are skipped.
    /// </summary>
    private static AudioTrack? BuildAudio(double start, double end, IReadOnlyList<AudioChunkEvent> chunks)
    {
        int? rate = null;
        double first = 0;
        var ranges = new List<(AudioChunkEvent Chunk, int From, int To)>();
        foreach (var chunk in chunks)
        {
            if (chunk.Samples.Length == 0 || (rate is { } r && chunk.SampleRate != r))
            {
                continue;
            }

            var from = Math.Max(0, (int)Math.Ceiling(((start - chunk.PtsSeconds) * chunk.SampleRate) - 1e-6));
            var to = Math.Min(chunk.Samples.Length, (int)Math.Ceiling(((end - chunk.PtsSeconds) * chunk.SampleRate) - 1e-6));
            if (from >= to)
            {
                continue;
            }

            if (rate is null)
            {
                rate = chunk.SampleRate;
                first = chunk.PtsSeconds + ((double)from / chunk.SampleRate);
            }

            ranges.Add((chunk, from, to));
        }

        if (rate is not { } sampleRate)
        {
            return null;
        }

        // Chunks are PTS-sorted, so the first range holds the earliest sample; later ones land at or after index 0.
        var placed = ranges.Select(x => (x.Chunk, x.From, x.To, At: (int)Math.Round((x.Chunk.PtsSeconds + ((double)x.From / sampleRate) - first) * sampleRate)))
            .ToList();
        var length = placed.Max(x => x.At + (x.To - x.From));
        var samples = new float[length];
        foreach (var (chunk, from, to, at) in placed)
        {
            var offset = Math.Max(at, 0);
            var skip = offset - at;
            Array.Copy(chunk.Samples, from + skip, samples, offset, Math.Max(0, to - from - skip));
        }

        return new AudioTrack(samples, sampleRate, first);
    }

    /// <summary>Mean frame rate of the window's frames (0 when it cannot be told).</summary>
    private static double FrameRate(VideoTrack video) =>
        video.FrameCount < 2 ? 0 : (video.FrameCount - 1) / (video.TimestampsSeconds[^1] - video.TimestampsSeconds[0]);
}
