using System.Text.Json.Serialization;

namespace Avts.Engine.Benchmarks;

/// <summary>
/// One row of <c>avts bench speed</c>'s results; the JSON field <c>kind</c> says which: <c>check</c>
/// (<see cref="CheckTimingRow"/>), <c>inference</c> (<see cref="InferenceTimingRow"/>) or <c>matmul_peak</c>
/// (<see cref="MatmulPeakRow"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CheckTimingRow), "check")]
[JsonDerivedType(typeof(InferenceTimingRow), "inference")]
[JsonDerivedType(typeof(MatmulPeakRow), "matmul_peak")]
public abstract record SpeedRow;
