using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace Tracing.Tests.Fuzzing;

/// <summary>
/// Runs a CsCheck property the way CI and a long run each need it. By default: a fixed seed and a bounded count,
/// generated in one deterministic sequence, so CI sees the same inputs every time. With
/// <c>TRACING_FUZZ_ITERATIONS=N</c>: N inputs through <see cref="Check.Sample{T}(Gen{T}, Action{T}, string?, long, int, int, Func{T, string}?)"/>
/// on every core, the first from the fixed seed (or <c>TRACING_FUZZ_SEED</c>), the rest from fresh random seeds.
/// A failure is handed to CsCheck to shrink and report with a seed that reproduces it.
/// </summary>
internal static class FuzzCheck
{
    public const string IterationsVariable = "TRACING_FUZZ_ITERATIONS";
    public const string SeedVariable = "TRACING_FUZZ_SEED";

    // Shrinking a CI failure: how many more inputs CsCheck may try for a smaller one.
    private const long ShrinkIterations = 20_000;

    /// <summary>The count asked for by <c>TRACING_FUZZ_ITERATIONS</c>, or null for the CI count.</summary>
    public static long? RequestedIterations =>
        long.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;

    /// <summary>Checks <paramref name="assert"/> on inputs from <paramref name="gen"/>; returns how many ran and how long it took.</summary>
    /// <param name="gen">The inputs.</param>
    /// <param name="assert">Throws when the property does not hold.</param>
    /// <param name="seed">A CsCheck seed string: the CI run's whole sequence, the long run's first input.</param>
    /// <param name="ciIterations">How many inputs CI checks.</param>
    /// <param name="print">Shows a failing input; CsCheck's default when null.</param>
    /// <param name="largeRunScale">The share of <c>TRACING_FUZZ_ITERATIONS</c> this property runs (for costly inputs, e.g. 1 MiB argv).</param>
    public static (long Iterations, TimeSpan Elapsed) Run<T>(
        Gen<T> gen, Action<T> assert, string seed, long ciIterations, Func<T, string>? print = null, double largeRunScale = 1.0)
    {
        seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } overridden ? overridden : seed;
        var started = Stopwatch.GetTimestamp();
        if (RequestedIterations is long requested)
        {
            var iterations = Math.Max(1, (long)(requested * largeRunScale));
            gen.Sample(assert, seed: seed, iter: iterations, print: print);
            return (iterations, Stopwatch.GetElapsedTime(started));
        }

        var pcg = PCG.Parse(seed);
        for (long i = 0; i < ciIterations; i++)
        {
            var state = pcg.State;
            var input = gen.Generate(pcg, null, out _);
            try
            {
                assert(input);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var failingSeed = pcg.ToString(state);

                // Throws CsCheckException with the smallest failing input it finds and the seed to reproduce it.
                gen.Sample(assert, seed: failingSeed, iter: ShrinkIterations, threads: 1, print: print);
                throw new InvalidOperationException(
                    $"Input {i} of seed {seed} failed (reproduce with {SeedVariable}={failingSeed} {IterationsVariable}=1): {(print is null ? Check.Print(input) : print(input))}",
                    e);
            }
        }

        return (ciIterations, Stopwatch.GetElapsedTime(started));
    }
}
