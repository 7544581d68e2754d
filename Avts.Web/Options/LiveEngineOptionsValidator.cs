using Avts.Engine.Checking;
using Microsoft.Extensions.Options;

namespace Avts.Web.Options;

/// <summary>Checks that the tolerance resolves (profile name known, custom range complete) and the method exists with its weights.</summary>
/// <param name="estimators">The methods the host can score with.</param>
/// <param name="web">The <c>Avts</c> section (its <c>Weights</c>).</param>
public sealed class LiveEngineOptionsValidator(EstimatorRegistry estimators, IOptions<AvtsWebOptions> web) : IValidateOptions<LiveEngineOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LiveEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = options.ToLiveOptions();
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"Avts:Live: {e.Message}");
        }

        return estimators.Check(options.Method, web.Value.Weights, web.Value.Landmarks) is { } problem
            ? ValidateOptionsResult.Fail($"Avts:Live:Method: {problem}")
            : ValidateOptionsResult.Success;
    }
}
