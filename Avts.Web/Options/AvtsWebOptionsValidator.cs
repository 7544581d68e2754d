using Avts.Engine.Checking;
using Avts.Web.Engine;
using Microsoft.Extensions.Options;

namespace Avts.Web.Options;

/// <summary>Checks what data annotations cannot: each configured stream, unique names and the nested Qa section.</summary>
/// <param name="estimators">The methods QA jobs can use.</param>
public sealed class AvtsWebOptionsValidator(EstimatorRegistry estimators) : IValidateOptions<AvtsWebOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AvtsWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stream in options.Streams)
        {
            if (StreamConfigParser.TryParse(stream, DateTimeOffset.UnixEpoch, out var error) is null)
            {
                failures.Add($"Avts:Streams: {error}");
            }
            else if (!seen.Add(stream.Name))
            {
                failures.Add($"Avts:Streams: the name '{stream.Name}' is used twice");
            }
        }

        // Data annotations do not recurse into nested objects: the Qa section is validated here.
        var qa = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options.Qa, new(options.Qa), qa, validateAllProperties: true))
        {
            failures.AddRange(qa.Select(r => $"Avts:Qa: {r.ErrorMessage}"));
        }

        if (estimators.Check(options.Qa.Method, options.Weights, options.Landmarks) is { } problem)
        {
            failures.Add($"Avts:Qa:Method: {problem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
