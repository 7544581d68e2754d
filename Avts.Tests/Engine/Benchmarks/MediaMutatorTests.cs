using Avts.Engine.Benchmarks.Fuzz;

namespace Avts.Tests.Engine.Benchmarks;

public sealed class MediaMutatorTests
{
    private static readonly byte[] Source = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))];

    [Fact]
    public void Mutate_SameSeed_SameBytes_OtherSeedOtherBytes()
    {
        var (first, kind) = MediaMutator.Mutate(Source, new Random(42));
        var (again, kindAgain) = MediaMutator.Mutate(Source, new Random(42));

        Assert.Equal(kind, kindAgain);
        Assert.Equal(first, again);
        Assert.NotEqual(first, Source);
    }

    [Fact]
    public void Mutate_ManySeeds_EveryKindAndNeverTheSourceUnchangedInLength_ForCutsAndDuplicates()
    {
        var kinds = new HashSet<string>();
        for (var seed = 0; seed < 200; seed++)
        {
            var (bytes, kind) = MediaMutator.Mutate(Source, new Random(seed));
            kinds.Add(kind);
            switch (kind)
            {
                case "cut" or "truncate":
                    Assert.True(bytes.Length < Source.Length, kind);
                    break;
                case "duplicate":
                    Assert.True(bytes.Length > Source.Length, kind);
                    break;
                default:
                    Assert.Equal(Source.Length, bytes.Length);
                    break;
            }
        }

        Assert.Equal(MediaMutator.Kinds.Order(), kinds.Order());
    }
}
