using System.Globalization;
using Avts.Engine.Media;

namespace Avts.Live.Sources;

/// <summary>
/// Builds the live ffmpeg (and ffprobe) command lines. Timeline: a single input is not given <c>-copyts</c>, so
/// ffmpeg shifts it by its start time (one shift shared by its audio and video): every open starts near 0 and the
/// audio/video relation is kept, whatever the RTSP/RTP clock origin. Two capture inputs use <c>-copyts</c> (see
/// <see cref="CaptureInput.CopyTimestamps"/>) and are rebased to a shared origin by the run.
/// </summary>
internal static class FfmpegLiveCommand
{
    /// <summary>Arguments up to and including <c>-i</c> for a URL or file (not a capture spec).</summary>
    public static List<string> InputArguments(LiveInput input, bool forProbe)
    {
        var arguments = new List<string>();
        if (!forProbe && input.RealTime)
        {
            arguments.Add("-re");
        }

        if (!forProbe && input.Loop)
        {
            arguments.AddRange(["-stream_loop", "-1"]);
        }

        var location = input.Location;
        if (input.IsInBandStream)
        {
            // ffmpeg analyses 5 s of an MPEG-TS/FLV stream before it starts decoding (measured: first frame 5.3 s after a
            // UDP sender started, 5.1 s for SRT, 2.1 s for RTMP); 0.5 s (or 1 MB) is enough for streams whose codec
            // parameters travel in-band, and the first frame then comes in 0.8-1.0 s. Timestamps are untouched: the
            // start offset ffmpeg removes is still one shift for both media. -fflags nobuffer is not used: it drops the
            // packets read while probing, which made the first frame later (1.2 s), not earlier.
            arguments.AddRange(["-probesize", "1000000", "-analyzeduration", "500000"]);
        }

        if (input.IsRtmp && input.IsListener)
        {
            // RTMP listen mode is an ffmpeg option, not part of the URL; -1: wait for the publisher without a limit.
            arguments.AddRange(["-listen", "1", "-timeout", "-1"]);
            location = input.RtmpListenerUrl;
        }

        var microseconds = ((long)input.NetworkTimeout.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
        if (location.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase) && location.Contains("://", StringComparison.Ordinal))
        {
            if (input.Transport != RtspTransport.Auto)
            {
                arguments.AddRange(["-rtsp_transport", input.Transport == RtspTransport.Tcp ? "tcp" : "udp"]);
            }

            // rtsp's -timeout is its socket I/O timeout (ffmpeg 5.1; -stimeout is gone), also bounding waits for UDP packets.
            arguments.AddRange(["-timeout", microseconds]);
        }
        else if (!input.IsFile && !input.IsConnectionless)
        {
            // Generic AVIO read/write timeout for the other network protocols (http/hls, rtmp, srt, tcp); a listener
            // waits for its publisher's connection without it, and reads time out once the publisher went away.
            // UDP/RTP reads ignore it (measured: a UDP reader with -rw_timeout 2 s still waited after 4 s of silence).
            arguments.AddRange(["-rw_timeout", microseconds]);
        }

        if (!forProbe)
        {
            // One decoding thread per stream: a monitor runs many streams, each ffmpeg otherwise starts a frame-thread
            // pool as wide as the machine, and the pools fight each other (context switches, frames held back by the
            // thread count). The streams themselves are the parallelism. -skip_loop_filter all: no H.264/HEVC
            // deblocking, a fifth of the decoder's CPU, timestamps untouched (the offline decode's measurement in
            // VideoFrameStream.SpeedOptions).
            arguments.AddRange(["-threads", "1", "-skip_loop_filter", "all"]);
        }

        arguments.AddRange(["-i", location]);
        return arguments;
    }

    /// <summary>The whole live ffmpeg command line.</summary>
    /// <param name="input">What to open.</param>
    /// <param name="inputArguments">Up to and including the last <c>-i</c>.</param>
    /// <param name="videoMap">The picture stream's map, or null.</param>
    /// <param name="audioMap">The sound stream's map, or null.</param>
    /// <param name="copyTimestamps">Keep input timestamps (two inputs).</param>
    /// <param name="audioTarget">Where audio goes: <c>pipe:1</c> when there is no video, else the FIFO.</param>
    public static List<string> Build(
        LiveInput input, IEnumerable<string> inputArguments, string? videoMap, string? audioMap, bool copyTimestamps, string audioTarget)
    {
        // showinfo/ashowinfo log at info level: the default level is needed, -nostats keeps progress lines out.
        // -filter_threads 1: the scale and resample chains are light; per-stream filter thread pools only add switches.
        var arguments = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-y", "-filter_threads", "1" };
        if (copyTimestamps)
        {
            arguments.Add("-copyts");
        }

        arguments.AddRange(inputArguments);
        if (videoMap is not null)
        {
            var width = input.VideoWidth.ToString(CultureInfo.InvariantCulture);
            arguments.AddRange(
            [
                "-map", videoMap,
                // Height from the displayed aspect ratio (sample aspect ratio applied, like the file engine), rounded to
                // even; each frame's actual size is read back from its showinfo line, so a mid-stream size change is fine.
                "-vf", $"scale={width}:trunc(ow*ih/(iw*sar)/2)*2:flags=area,setsar=1,format=gray,showinfo=checksum=0",
                // passthrough: no duplicated or dropped frames, so the n-th showinfo line is the n-th frame on stdout.
                "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "-flush_packets", "1", "pipe:1",
            ]);
        }

        if (audioMap is not null)
        {
            var rate = FfmpegLiveSource.AudioSampleRate.ToString(CultureInfo.InvariantCulture);
            arguments.AddRange(
            [
                "-map", audioMap,
                // Mono float conversion inside the chain, so ashowinfo (last) sees exactly the samples written; the
                // f32le muxer writes each chunk as it comes (PCM encoders take any frame size), nothing is re-chunked.
                "-af", $"aresample={rate},aformat=sample_fmts=flt:channel_layouts=mono,ashowinfo",
                "-f", "f32le", "-flush_packets", "1", audioTarget,
            ]);
        }

        return arguments;
    }

    /// <summary>One line saying why ffmpeg/ffprobe failed, starting with the location (said once).</summary>
    public static string Failure(string location, FfmpegResult result)
    {
        var reason = result.Reason;
        return reason.StartsWith(location, StringComparison.Ordinal) ? reason : $"{location}: {reason}";
    }
}
