using System.ComponentModel.DataAnnotations;
using Avts.Engine.Reports;
using Avts.Live.Pipeline;

namespace Avts.Web.Options;

/// <summary>The <c>Avts:Live</c> section: the live pipeline's tuning (defaults are <see cref="LiveOptions"/>'s).</summary>
public sealed class LiveEngineOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Avts:Live";

    /// <summary>Estimator that scores live windows, as <c>avts monitor --method</c>.</summary>
    [Required]
    public string Method { get; set; } = "onset";

    /// <summary>Built-in tolerance profile name (see <see cref="ToleranceProfiles.Names"/>).</summary>
    public string Tolerance { get; set; } = ToleranceProfiles.DefaultName;

    /// <summary>Custom tolerance lower bound (ms, negative = sound early); with <see cref="ToleranceMaxMs"/> overrides the profile.</summary>
    public double? ToleranceMinMs { get; set; }

    /// <summary>Custom tolerance upper bound (ms, positive = sound late).</summary>
    public double? ToleranceMaxMs { get; set; }

    /// <summary>Window length, seconds.</summary>
    [Range(0.5, 60)]
    public double WindowSeconds { get; set; } = 4;

    /// <summary>Hop between windows, seconds.</summary>
    [Range(0.1, 60)]
    public double HopSeconds { get; set; } = 1;

    /// <summary>Consecutive bad windows that raise an alert.</summary>
    [Range(1, 1000)]
    public int AlertAfterBadWindows { get; set; } = 3;

    /// <summary>Consecutive good windows that clear an alert.</summary>
    [Range(1, 1000)]
    public int ClearAfterGoodWindows { get; set; } = 3;

    /// <summary>
    /// Longest wait between reconnects: the wait starts at 0.5 s and doubles per attempt without media up to this,
    /// so a location that never delivers (a dead server, a URL that is not media) is tried ever more rarely. Longer
    /// than the engine's 2 s: a recovering camera may need up to this long to come back.
    /// </summary>
    [Range(0.5, 3600)]
    public double ReconnectMaxDelaySeconds { get; set; } = 10;

    /// <summary>Reconnect attempts without media before a stream is failed (0 = never give up).</summary>
    [Range(0, 1_000_000)]
    public int MaxReconnectAttempts { get; set; }

    /// <summary>The resolved tolerance profile.</summary>
    /// <exception cref="ArgumentException">Unknown profile name or an incomplete/inverted custom range.</exception>
    public ToleranceProfile ResolveTolerance()
    {
        if (ToleranceMinMs is null && ToleranceMaxMs is null)
        {
            return ToleranceProfiles.Resolve(Tolerance, frameRate: null);
        }

        if (ToleranceMinMs is not { } min || ToleranceMaxMs is not { } max || min > max)
        {
            throw new ArgumentException("Avts:Live:ToleranceMinMs and ToleranceMaxMs must both be set, min <= max.");
        }

        return new ToleranceProfile("custom", min, max, $"custom: sound at most {-min} ms early or {max} ms late.");
    }

    /// <summary>The pipeline options these settings describe.</summary>
    public LiveOptions ToLiveOptions() => new()
    {
        WindowSeconds = WindowSeconds,
        HopSeconds = HopSeconds,
        AlertAfterBadWindows = AlertAfterBadWindows,
        ClearAfterGoodWindows = ClearAfterGoodWindows,
        MaxReconnectAttempts = MaxReconnectAttempts,
        ReconnectMaxDelay = TimeSpan.FromSeconds(ReconnectMaxDelaySeconds),
        Tolerance = ResolveTolerance(),
    };
}
