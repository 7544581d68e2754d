using System.Globalization;
using System.Text;
using System.Text.Json;
using Avts.Live.Cli;

namespace Avts.Tests.EndToEnd;

/// <summary>Runs the avts command line with the production wiring (real ffmpeg decode, real estimators).</summary>
internal sealed class RealCli
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    public string Out => _out.ToString();

    public string Err => _err.ToString();

    public static Task<RealCli> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <summary>Runs with a token that stands for Ctrl-C.</summary>
    public static async Task<RealCli> RunAsync(CancellationToken interrupt, params string[] args)
    {
        var cli = new RealCli();
        cli.ExitCode = await AvtsCli.RunAsync(
            args,
            CliServices.CreateDefault(
                new StringWriter(cli._out, CultureInfo.InvariantCulture),
                new StringWriter(cli._err, CultureInfo.InvariantCulture)),
            interrupt);
        return cli;
    }

    public int ExitCode { get; private set; }

    /// <summary>The single JSON object printed by <c>--format json</c>.</summary>
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    /// <summary>The reported audio delay in ms, or null.</summary>
    public double? DelayMs => Json.GetProperty("audio_delay_ms") is { ValueKind: JsonValueKind.Number } d ? d.GetDouble() : null;
}
