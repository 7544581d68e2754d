using System.ComponentModel.DataAnnotations;

namespace Avts.Web.Options;

/// <summary>One stream as configured under <c>Avts:Streams</c> (and the body of <c>POST /api/streams</c>).</summary>
public sealed class StreamConfig
{
    /// <summary>Unique stream name (letters, digits, '-', '_', '.'; used in hub group names and URLs).</summary>
    [Required]
    [RegularExpression(StreamNames.Pattern, ErrorMessage = "name: 1-64 letters, digits, '-', '_' or '.'")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Anything ffmpeg opens: a file path, rtsp/rtmp/srt/hls/udp URL or a capture spec.</summary>
    [Required]
    [MinLength(1)]
    public string Location { get; set; } = string.Empty;

    /// <summary>Replay a file endlessly.</summary>
    public bool Loop { get; set; }

    /// <summary>Read at native rate so that a file behaves like a live stream.</summary>
    public bool RealTime { get; set; }

    /// <summary>Injected audio delay schedule (e.g. <c>"120"</c> or <c>"cycle:0,160,-120@20"</c>), or null.</summary>
    public string? InjectDelay { get; set; }

    /// <summary>RTSP transport: auto, tcp or udp (null: auto).</summary>
    public string? Transport { get; set; }
}
