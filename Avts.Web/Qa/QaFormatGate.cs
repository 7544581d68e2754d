using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Avts.Web.Qa;

/// <summary>
/// Accepts a QA input only when ffprobe, limited to the media containers in <see cref="Options.QaOptions.AllowedFormats"/>
/// (<c>-format_whitelist</c>) and to the file protocol, opens it. The decision is by content, not extension: an HLS
/// playlist, a concat list or any other format that would open further files is refused before its demuxer reads a
/// line, so it cannot reach files outside the upload or the allowed roots.
/// </summary>
public static partial class QaFormatGate
{
    /// <summary>The containers accepted when none are configured (ffprobe demuxer names).</summary>
    public static readonly IReadOnlyList<string> DefaultFormats = ["mov", "matroska", "avi", "mpegts", "mpeg", "flv", "asf", "mxf", "ogg", "nut"];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Null when <paramref name="path"/> is one of <paramref name="formats"/>; else a one-line reason naming the file as <paramref name="name"/>.</summary>
    public static async Task<string?> CheckAsync(string path, string name, IReadOnlyList<string> formats, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(formats);
        var whitelist = string.Join(',', formats.Count > 0 ? formats : DefaultFormats);
        var start = new ProcessStartInfo("ffprobe")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-v", "error", "-hide_banner", "-format_whitelist", whitelist, "-protocol_whitelist", "file",
            "-show_entries", "format=format_name", "-of", "default=noprint_wrappers=1:nokey=1", "-i", "file:" + path,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffprobe did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        // Both pipes at once: a full stderr pipe would block ffprobe.
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var error = await errors;
        if (process.ExitCode == 0 && (await output).Trim().Length > 0)
        {
            return null;
        }

        if (NotOnWhitelist().Match(error) is { Success: true } refused)
        {
            return $"{name}: format '{refused.Groups[1].Value}' is not a media file accepted for QA (accepted: {whitelist}); playlists, concat lists and formats that open other files are refused";
        }

        var first = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "ffprobe could not read it";
        return first.Replace("file:" + path, name, StringComparison.Ordinal).Replace(path, name, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\[(\w+) @ 0x[0-9a-fA-F]+\] Format not on whitelist")]
    private static partial Regex NotOnWhitelist();
}
