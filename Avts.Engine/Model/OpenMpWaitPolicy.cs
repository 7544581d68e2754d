using System.Runtime.InteropServices;

namespace Avts.Engine.Model;

/// <summary>
/// Makes libtorch's OpenMP workers sleep between parallel regions instead of spinning, unless the user chose a policy.
/// <para>
/// Inference here is many small calls (a lips clip is a few hundred microseconds of work): with GNU OpenMP's default
/// active waiting, the idle worker spins after every call, and perf showed 41 % of an <c>avts check --method lips</c>
/// spent in libgomp's wait loop, so a 60 s talking head took twice the CPU and wall time it takes with
/// <c>OMP_WAIT_POLICY=PASSIVE</c> (same answer). libgomp reads the variable once, when libtorch loads, so this must run
/// before the first torch call; .NET's <see cref="Environment.SetEnvironmentVariable(string, string?)"/> does not reach
/// native <c>getenv</c>, hence libc's <c>setenv</c>.
/// </para>
/// </summary>
public static class OpenMpWaitPolicy
{
    /// <summary>The variable GNU and LLVM OpenMP read for their wait policy.</summary>
    public const string Variable = "OMP_WAIT_POLICY";

    /// <summary>Sets <c>OMP_WAIT_POLICY=PASSIVE</c> for this process on Linux when it is not set; a no-op elsewhere.</summary>
    public static void PreferPassive()
    {
        if (OperatingSystem.IsLinux() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            _ = SetEnv(NullTerminated(Variable), NullTerminated("PASSIVE"), 0);
        }
    }

    private static byte[] NullTerminated(string text) => System.Text.Encoding.UTF8.GetBytes(text + "\0");

    // DllImport of byte arrays: LibraryImport's generated stub needs unsafe code, which this assembly does not allow.
    [DllImport("libc", EntryPoint = "setenv", ExactSpelling = true)]
    private static extern int SetEnv(byte[] name, byte[] value, int overwrite);
}
