using Microsoft.Extensions.Logging;

namespace Avts.Engine.Benchmarks;

/// <summary>Source-generated log messages of the shift benchmark.</summary>
internal static partial class ShiftBenchmarkLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Skipped {Source}: {Reason}")]
    public static partial void Skipped(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "{Source} shift {ShiftMs} ms, {Method}: {EstimateMs} ms (confidence {Confidence})")]
    public static partial void Checked(ILogger logger, string source, int shiftMs, string method, double? estimateMs, double confidence);
}
