using System.Runtime.CompilerServices;

internal static partial class Interop
{
    /// <summary>
    /// glibc's <c>sigset_t</c>: 1024 bits, signal N at bit N - 1 (From bits/types/__sigset_t.h). Only the first word
    /// (signals 1–64, all Linux has) is ever set.
    /// </summary>
    [InlineArray(16)]
    internal struct SigSet
    {
        private ulong _word;

        /// <summary>A set whose signals 1–64 are the bits of <paramref name="signals"/> (bit N - 1 for signal N).</summary>
        public static SigSet FromMask(ulong signals)
        {
            var set = default(SigSet);
            set[0] = signals;
            return set;
        }
    }
}
