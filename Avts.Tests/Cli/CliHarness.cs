using System.Globalization;
using System.Text;
using Avts.Engine.Checking;
using Avts.Engine.Editing;
using Avts.Engine.Media;
using Avts.Engine.Scoring;
using Avts.Live.Cli;
using Avts.Tests.Fixtures;

namespace Avts.Tests.Cli;

/// <summary>Runs the real parser and commands over a fake decoder, estimator and re-timer, capturing stdout/stderr.</summary>
internal sealed class CliHarness
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    public CliHarness(Func<string, SyncAnalysis>? analyze = null)
    {
        Estimator = new FakeEstimator("onset", media => (analyze ?? (_ => FakeEstimator.Result(12.3)))(media.Info.Input));
    }

    public FakeEstimator Estimator { get; }

    /// <summary>Produces the decoded media for an input (default: 25 fps video plus audio).</summary>
    public Func<string, DecodeOptions, DecodedMedia> Decode { get; set; } = (input, _) => TestMedia.Decoded(input);

    public List<(string Input, DecodeOptions Options)> Decoded { get; } = [];

    public List<(string Input, string Output, double DelayMs)> Retimed { get; } = [];

    public Dictionary<string, string> Environment { get; } = [];

    public string Out => _out.ToString();

    public string Err => _err.ToString();

    public CliServices Services => new(
        new InMemoryOpener((input, options, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            Decoded.Add((input, options));
            return Decode(input, options);
        }),
        new EstimatorRegistry().Add("onset", () => Estimator),
        (input, output, delayMs, ct) =>
        {
            Retimed.Add((input, output, delayMs));
            var samples = (long)Math.Round(delayMs * 48);
            return Task.FromResult(new AudioRetimeResult(output, samples, 48000, "aac"));
        },
        new StringWriter(_out, CultureInfo.InvariantCulture),
        new StringWriter(_err, CultureInfo.InvariantCulture))
    {
        GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
    };

    public Task<int> RunAsync(params string[] args) => AvtsCli.RunAsync(args, Services);

    public Task<int> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        AvtsCli.RunAsync(args, Services, cancellationToken);
}
