using TorchSharp;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace Avts.Engine.Benchmarks.Audio;

/// <summary>
/// Multinomial logistic regression (softmax) with an L2 penalty on the weights (not the biases), the linear classifier
/// of the audio benchmarks. Features are standardised with the training rows' mean and std (a constant feature gets
/// std 1), which the model keeps and applies to every row it predicts. The convex loss
/// mean(cross-entropy) + λ/2·‖W‖² is minimised by Nesterov-accelerated gradient descent with step 1/L, L the
/// loss's smoothness bound from the largest eigenvalue of the scaled Gram matrix, for a fixed number of steps:
/// deterministic and free of tuning knobs other than λ. The iterations run in single precision (half the time of
/// double, and the accuracy of a 500-step descent does not need more); the statistics are kept in double.
/// </summary>
public sealed class SoftmaxRegression
{
    /// <summary>Gradient steps per fit: enough for the small (n ≈ hundreds, d ≈ hundreds) problems here.</summary>
    public const int Iterations = 500;

    private readonly double[] mean;
    private readonly double[] scale;
    private readonly double[,] weights;
    private readonly double[] biases;

    private SoftmaxRegression(double[] mean, double[] scale, double[,] weights, double[] biases)
    {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.biases = biases;
    }

    /// <summary>Fits on <paramref name="rows"/> (equal lengths) with class indices <paramref name="labels"/> in [0, classCount).</summary>
    public static SoftmaxRegression Fit(IReadOnlyList<float[]> rows, IReadOnlyList<int> labels, int classCount, double l2)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Count == 0 || rows.Count != labels.Count || classCount < 2 || l2 < 0)
        {
            throw new ArgumentException("Need at least one row, one label per row, two classes and λ ≥ 0.");
        }

        var n = rows.Count;
        var d = rows[0].Length;
        var (mean, scale) = Standardisation(rows, d);
        using var scope = NewDisposeScope();
        var x = tensor(Standardise(rows, mean, scale), [n, d], ScalarType.Float32);
        var y = functional.one_hot(tensor(labels.Select(l => (long)l).ToArray()), classCount).to_type(ScalarType.Float32);

        // Softmax cross-entropy has a Hessian bounded by ½·XᵀX/n per class block; the bias sees a column of ones.
        // The scalars are held in variables until the end of their scope: a temporary Scalar (what `double * tensor`
        // makes, and what TorchSharp's `a + b` makes for its alpha of 1) has a finalizer and nothing keeps it alive
        // during the native call, so a garbage collection in the middle of one of these millions of calls could free it
        // under libtorch (seen twice: libtorch's "toDouble" and, in add, "toFloat" checks failed). Hence Plus with a
        // held alpha instead of the operator (`a - b` passes no Scalar).
        using var one = 1.0.ToScalar();
        Tensor Plus(Tensor a, Tensor b) => a.add(b, one);
        using var step = (1.0 / ((0.5 * (LargestEigenvalue(x) + 1.0)) + l2)).ToScalar();
        using var weightDecay = l2.ToScalar();
        using var rowCount = ((double)n).ToScalar();
        var w = zeros(d, classCount, ScalarType.Float32);
        var b = zeros(classCount, ScalarType.Float32);
        var (wPrev, bPrev) = (w.clone(), b.clone());
        for (var k = 0; k < Iterations; k++)
        {
            // Each step's temporaries die with its scope; only the iterate pair lives on (else every step's would pile up).
            using var stepScope = NewDisposeScope();

            // Look-ahead point of Nesterov's method, then a plain gradient step from there.
            using var momentum = (k / (k + 3.0)).ToScalar();
            var wLook = Plus(w, (w - wPrev).mul(momentum));
            var bLook = Plus(b, (b - bPrev).mul(momentum));
            var residual = (functional.softmax(Plus(x.mm(wLook), bLook), 1) - y).div(rowCount);
            var wNext = (wLook - Plus(x.t().mm(residual), wLook.mul(weightDecay)).mul(step)).MoveToOuterDisposeScope();
            var bNext = (bLook - residual.sum(0).mul(step)).MoveToOuterDisposeScope();
            wPrev.Dispose();
            bPrev.Dispose();
            (wPrev, bPrev, w, b) = (w, b, wNext, bNext);
        }

        var weights = new double[d, classCount];
        var flat = w.to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        Buffer.BlockCopy(flat, 0, weights, 0, flat.Length * sizeof(double));
        return new SoftmaxRegression(mean, scale, weights, b.to_type(ScalarType.Float64).data<double>().ToArray());
    }

    /// <summary>The most likely class of each row.</summary>
    public int[] Predict(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var classes = biases.Length;
        var result = new int[rows.Count];
        var scores = new double[classes];
        for (var i = 0; i < rows.Count; i++)
        {
            biases.CopyTo(scores, 0);
            for (var j = 0; j < mean.Length; j++)
            {
                var value = (rows[i][j] - mean[j]) / scale[j];
                for (var c = 0; c < classes; c++)
                {
                    scores[c] += value * weights[j, c];
                }
            }

            result[i] = Array.IndexOf(scores, scores.Max());
        }

        return result;
    }

    private static (double[] Mean, double[] Scale) Standardisation(IReadOnlyList<float[]> rows, int d)
    {
        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            var m = rows.Average(r => (double)r[j]);
            var variance = rows.Average(r => (r[j] - m) * (r[j] - m));
            mean[j] = m;
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        return (mean, scale);
    }

    private static float[] Standardise(IReadOnlyList<float[]> rows, double[] mean, double[] scale)
    {
        var d = mean.Length;
        var flat = new float[rows.Count * d];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} features, the first has {d}.");
            }

            for (var j = 0; j < d; j++)
            {
                flat[(i * d) + j] = (float)((rows[i][j] - mean[j]) / scale[j]);
            }
        }

        return flat;
    }

    /// <summary>Largest eigenvalue of XᵀX/n by power iteration (started from ones: deterministic), slightly inflated.</summary>
    private static double LargestEigenvalue(Tensor x)
    {
        using var rows = ((double)x.shape[0]).ToScalar();
        var v = ones(x.shape[1], 1, ScalarType.Float32);
        var eigenvalue = 0.0;
        for (var k = 0; k < 50; k++)
        {
            using var stepScope = NewDisposeScope();
            var next = x.t().mm(x.mm(v)).div(rows);
            eigenvalue = next.norm().item<float>() / (double)v.norm().item<float>();
            v.Dispose();
            v = (next / next.norm()).MoveToOuterDisposeScope();
        }

        // Power iteration approaches from below; 10 % headroom keeps the step safely under 1/L.
        return Math.Max(eigenvalue * 1.1, 1e-6);
    }
}
