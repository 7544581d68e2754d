using Avts.Engine.Reports;

namespace Avts.Live.Cli;

/// <summary>The process exit codes of every avts command (documented in docs/cli.md; scripts depend on them).</summary>
internal static class ExitCodes
{
    /// <summary>In tolerance (or the command succeeded).</summary>
    public const int Pass = 0;

    /// <summary>Bad input or any other error (one line on stderr).</summary>
    public const int Error = 1;

    /// <summary>Usage error: unknown option, bad value, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>Measured, and out of tolerance.</summary>
    public const int OutOfTolerance = 3;

    /// <summary>Nothing to sync on: no delay could be measured.</summary>
    public const int Undetermined = 4;

    /// <summary>Interrupted (Ctrl-C / SIGTERM), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code for a verdict.</summary>
    public static int For(Verdict verdict) => verdict switch
    {
        Verdict.Pass => Pass,
        Verdict.Fail => OutOfTolerance,
        _ => Undetermined,
    };
}
