using Microsoft.Extensions.Options;

namespace Avts.Web.Options;

/// <summary>Checks that the tolerance resolves (profile name known, custom range complete).</summary>
public sealed class LiveEngineOptionsValidator : IValidateOptions<LiveEngineOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LiveEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = options.ToLiveOptions();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"Avts:Live: {e.Message}");
        }
    }
}
