using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Tracing.Linux;

/// <summary>
/// Settings of Linux's eBPF event source (<c>ExecTracing:Bpf</c> in configuration), used when the tracer's source is
/// eBPF (<c>ExecTracingOptions.Source</c>).
/// </summary>
public sealed class BpfSourceOptions : IValidatableObject
{
    /// <summary>The largest <see cref="MaxArgumentBytes"/>: 4 MiB (the kernel's largest map value) less the record's 80-byte header.</summary>
    public const int MaxArgumentBytesLimit = (4 * 1024 * 1024) - 80;

    /// <summary>
    /// The most argv bytes captured per exec, in the kernel, at the exec. A longer argv is read whole from /proc when
    /// its process still runs, else cut there and flagged (<c>ArgvSource.Truncated</c>), never silently short. Linux
    /// allows 128 KiB per argument and about a quarter of the stack limit in all (2 MiB with the usual 8 MiB). Each CPU
    /// keeps a scratch buffer this large (locked kernel memory). Default: 128 KiB; 256 bytes to 4 MiB less 80 (the
    /// kernel's largest map value, less the record's header).
    /// </summary>
    [Range(256, MaxArgumentBytesLimit)]
    public int MaxArgumentBytes { get; set; } = 128 * 1024;

    /// <summary>
    /// For a failed exec, whose argv is read from the caller's memory one argument at a time: the most arguments read
    /// (more are flagged as truncated). Default: 64; 1 to 1024.
    /// </summary>
    [Range(1, 1024)]
    public int MaxFailedExecArguments { get; set; } = 64;

    /// <summary>
    /// The ring buffer the kernel writes events to, in bytes: a power of two, at least 64 KiB. Larger survives longer
    /// bursts before events are lost (counted exactly). It is locked kernel memory, and mapped twice into this process
    /// (its resident size grows with what was used of it). Default: 8 MiB; at most 1 GiB.
    /// </summary>
    [Range(64 * 1024, 1024 * 1024 * 1024)]
    public int RingBufferBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// The SCHED_FIFO priority (1-99) of the receive thread while the tracer reads each process right after its exec,
    /// so that it reads before short-lived processes are gone; 0 keeps normal scheduling. Needs CAP_SYS_NICE (or root);
    /// without it the thread keeps normal priority. Default: 10.
    /// </summary>
    [Range(0, 99)]
    public int RealtimePriority { get; set; } = 10;

    /// <summary>
    /// How long the reader lets events gather after the kernel wakes it, before reading them all in one go: one
    /// wake-up for a burst instead of one per exec (a wake-up costs more than reading an event). Also the most an event
    /// waits before it is read. Not applied while the tracer reads each process right after its exec (its executable,
    /// working directory, user name or environment), which a process that ends soon takes with it. Default: 2 ms; 0
    /// (read at once) to 100 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.100", ParseLimitsInInvariantCulture = true)]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The TimeSpan range is read by the generated validator in Tracing.Hosting, which parses it with TimeSpan.TryParse; no TypeConverter runs.")]
    public TimeSpan WakeupDelay { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BitOperations.IsPow2(RingBufferBytes))
        {
            yield return new ValidationResult(
                $"{nameof(RingBufferBytes)} must be a power of two (the kernel's ring buffer is); got {RingBufferBytes}.", [nameof(RingBufferBytes)]);
        }
    }
}
