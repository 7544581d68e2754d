using System.CommandLine;

namespace Avts.Live.Cli;

/// <summary>Positional file or URL arguments: an empty one (<c>avts check ''</c>) is a usage error, not bad media.</summary>
internal static class InputArguments
{
    /// <summary>A required argument named <paramref name="name"/> that refuses empty or blank values.</summary>
    public static Argument<string> Single(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"{name} is empty; give a media file or URL.");
            }
        });
        return argument;
    }
}
