using System.Globalization;
using System.Text.Json;
using Avts.Engine.Reports;

namespace Avts.Tests.Engine.Reports;

public sealed class ReportWriterTests
{
    private static readonly string[] TopLevelKeys =
    [
        "schema", "input", "method", "audio_delay_ms", "audio_delay_frames", "confidence", "synchronizable", "verdict",
        "profile", "video", "audio", "analysis", "windows", "elapsed_s", "tool_version",
    ];

    [Fact]
    public void Json_has_the_schema_1_keys_in_snake_case_and_keeps_the_sign()
    {
        using var json = JsonDocument.Parse(JsonReportWriter.ToJson(ReportSamples.Create(123.456)));
        var root = json.RootElement;
        Assert.Equal(TopLevelKeys, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("in.mp4", root.GetProperty("input").GetString());
        Assert.Equal("onset", root.GetProperty("method").GetString());
        Assert.Equal(123.5, root.GetProperty("audio_delay_ms").GetDouble()); // positive = sound late, 0.1 ms
        Assert.Equal(3.09, root.GetProperty("audio_delay_frames").GetDouble()); // 123.5 ms at 25 fps
        Assert.Equal(0.877, root.GetProperty("confidence").GetDouble());
        Assert.True(root.GetProperty("synchronizable").GetBoolean());
        Assert.Equal("fail", root.GetProperty("verdict").GetString());
        Assert.Equal(1.235, root.GetProperty("elapsed_s").GetDouble());

        var profile = root.GetProperty("profile");
        Assert.Equal(["name", "min_ms", "max_ms", "bounds_inclusive", "description"], profile.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ebu-r37", -40.0, 60.0), (profile.GetProperty("name").GetString(), profile.GetProperty("min_ms").GetDouble(), profile.GetProperty("max_ms").GetDouble()));

        Assert.Equal(["codec", "fps", "width", "height", "start_s", "variable_frame_rate"], root.GetProperty("video").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["codec", "sample_rate", "channels", "start_s", "priming_correction_s"], root.GetProperty("audio").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["window_s", "hop_s", "range_s", "start_s", "duration_s"], root.GetProperty("analysis").EnumerateObject().Select(p => p.Name));

        var windows = root.GetProperty("windows").EnumerateArray().ToArray();
        Assert.Equal(3, windows.Length);
        Assert.Equal(["start_s", "end_s", "audio_delay_ms", "confidence"], windows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(125.5, windows[1].GetProperty("audio_delay_ms").GetDouble());
        Assert.Equal(JsonValueKind.Null, windows[2].GetProperty("audio_delay_ms").ValueKind);
    }

    [Fact]
    public void Json_golden_for_a_passing_report()
    {
        var report = ReportSamples.Create(-12.34) with { ToolVersion = "9.9.9" };
        var expected = """
            {"schema":1,"input":"in.mp4","method":"onset","audio_delay_ms":-12.3,"audio_delay_frames":-0.31,"confidence":0.877,"synchronizable":true,"verdict":"pass","profile":{"name":"ebu-r37","min_ms":-40,"max_ms":60,"bounds_inclusive":true,"description":"EBU R37: sound at most 40 ms early or 60 ms late."},"video":{"codec":"h264","fps":25,"width":1920,"height":1080,"start_s":0,"variable_frame_rate":false},"audio":{"codec":"aac","sample_rate":48000,"channels":2,"start_s":0.021,"priming_correction_s":null},"analysis":{"window_s":6,"hop_s":3,"range_s":2,"start_s":null,"duration_s":null},"windows":[{"start_s":0,"end_s":6,"audio_delay_ms":-12.3,"confidence":0.877},{"start_s":3,"end_s":9,"audio_delay_ms":-10.3,"confidence":0.877},{"start_s":6,"end_s":12,"audio_delay_ms":null,"confidence":0}],"elapsed_s":1.235,"tool_version":"9.9.9"}
            """;
        Assert.Equal(expected, JsonReportWriter.ToJson(report, indented: false));
    }

    [Fact]
    public void Tiny_negative_delay_rounds_to_unsigned_zero()
    {
        var json = JsonReportWriter.ToJson(ReportSamples.Create(-0.04), indented: false);
        Assert.Contains("\"audio_delay_ms\":0,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_is_taken_on_the_rounded_delay()
    {
        // 60.04 shows as +60.0, so it must not fail a profile whose bound is +60.
        Assert.Equal(Verdict.Pass, ReportSamples.Create(60.04).Verdict);
        Assert.Equal(Verdict.Fail, ReportSamples.Create(60.05).Verdict);
    }

    [Fact]
    public void Undetermined_report_has_null_delay()
    {
        var report = ReportSamples.Create(null);
        Assert.Equal(Verdict.Undetermined, report.Verdict);
        Assert.Null(report.AudioDelayMs);
        Assert.Null(report.AudioDelayFrames);
    }

    [Fact]
    public void Json_format_writes_exactly_one_object()
    {
        var writer = new StringWriter();
        ReportWriter.Write(ReportSamples.Create(10), ReportFormat.Json, writer);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(writer.ToString()));
        Assert.True(JsonDocument.TryParseValue(ref reader, out var document));
        document!.Dispose();
        Assert.False(reader.Read()); // nothing after the object
    }

    [Fact]
    public void Jsonl_has_one_line_per_window_then_a_summary()
    {
        var writer = new StringWriter();
        ReportWriter.Write(ReportSamples.Create(42), ReportFormat.Jsonl, writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        foreach (var line in lines[..3])
        {
            using var window = JsonDocument.Parse(line);
            Assert.Equal(
                ["schema", "type", "input", "start_s", "end_s", "audio_delay_ms", "confidence"],
                window.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("window", window.RootElement.GetProperty("type").GetString());
        }

        using var summary = JsonDocument.Parse(lines[3]);
        var names = summary.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal("type", names[0]);
        Assert.Equal("summary", summary.RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain("windows", names);
        Assert.Equal(TopLevelKeys.Where(k => k != "windows"), names[1..]);
        Assert.Equal(42, summary.RootElement.GetProperty("audio_delay_ms").GetDouble());
    }

    [Fact]
    public void Csv_is_invariant_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var writer = new StringWriter(CultureInfo.GetCultureInfo("de-DE"));
            ReportWriter.Write(ReportSamples.Create(12.34, input: "a,b.mp4"), ReportFormat.Csv, writer);
            Assert.Equal(
                "input,start_s,end_s,audio_delay_ms,confidence\n"
                + "\"a,b.mp4\",0,6,12.3,0.877\n"
                + "\"a,b.mp4\",3,9,14.3,0.877\n"
                + "\"a,b.mp4\",6,12,,0\n",
                writer.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_delay_outside_the_range_by_less_than_the_methods_uncertainty_is_undetermined_and_says_why()
    {
        var report = ReportSamples.Create(-66.1, uncertaintyMs: 80);
        using var json = JsonDocument.Parse(JsonReportWriter.ToJson(report));
        var root = json.RootElement;
        var writer = new StringWriter();
        ReportWriter.Write(report, ReportFormat.Text, writer);
        var text = writer.ToString();

        Assert.Equal("undetermined", root.GetProperty("verdict").GetString());
        Assert.Equal(-66.1, root.GetProperty("audio_delay_ms").GetDouble());
        Assert.Equal(80, root.GetProperty("uncertainty_ms").GetDouble());
        Assert.Equal(
            "-66.1 ms lies outside the allowed range by less than the method's measured uncertainty (±80 ms)",
            root.GetProperty("undetermined_reason").GetString());
        Assert.Contains("-66.1 ± 80 ms (sound early", text, StringComparison.Ordinal);
        Assert.Contains("UNDETERMINED  (profile ebu-r37", text, StringComparison.Ordinal);
        Assert.Contains("less than the method's measured uncertainty", text, StringComparison.Ordinal);
        Assert.Equal(Verdict.Fail, ReportSamples.Create(-121, uncertaintyMs: 80).Verdict);
    }

    [Fact]
    public void Text_summary_states_delay_meaning_verdict_and_windows()
    {
        var writer = new StringWriter();
        ReportWriter.Write(ReportSamples.Create(-55), ReportFormat.Text, writer);
        var text = writer.ToString();
        Assert.Contains("-55.0 ms (sound early", text, StringComparison.Ordinal);
        Assert.Contains("FAIL  (profile ebu-r37: allowed -40.0 .. +60.0 ms)", text, StringComparison.Ordinal);
        Assert.Contains("start s", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split('\n').Count(l => l.TrimStart().StartsWith('0') || l.TrimStart().StartsWith('3') || l.TrimStart().StartsWith('6')));
    }

    [Theory]
    [InlineData("text", ReportFormat.Text)]
    [InlineData("JSON", ReportFormat.Json)]
    [InlineData("jsonl", ReportFormat.Jsonl)]
    [InlineData("csv", ReportFormat.Csv)]
    public void Format_names_parse(string name, ReportFormat format)
    {
        Assert.Equal(format, ReportWriter.ParseFormat(name));
    }
}
