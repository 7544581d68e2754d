namespace Avts.Engine.Benchmarks;

/// <summary>The outcome of <c>avts bench speed</c>: <c>{"benchmark":"speed","machine":...,"results":[...]}</c>.</summary>
/// <param name="Benchmark">Always "speed".</param>
/// <param name="Machine">Cores and CPU model.</param>
/// <param name="Threads">torch.get_num_threads() for the inference and matrix-multiply rows.</param>
/// <param name="Media">The file checked (generated or --media), with its size.</param>
/// <param name="Results">Check rows, then one inference row per size, then the matrix-multiply peak.</param>
public sealed record SpeedBenchmarkResult(
    string Benchmark,
    string Machine,
    int Threads,
    string Media,
    IReadOnlyList<SpeedRow> Results);
