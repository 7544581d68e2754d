using TorchSharp;

namespace Avts.Engine.Benchmarks;

/// <summary>libtorch's intra-op thread count, so hosts can set and report it without referencing TorchSharp.</summary>
public static class TorchThreads
{
    /// <summary>torch.get_num_threads(): the threads one convolution or matrix product may use.</summary>
    public static int Count => torch.get_num_threads();

    /// <summary>torch.set_num_threads(<paramref name="threads"/>); takes effect at once for the whole process.</summary>
    public static void Set(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        torch.set_num_threads(threads);
    }
}
