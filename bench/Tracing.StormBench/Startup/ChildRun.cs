using System.Collections;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Tracing.StormBench.Startup;

/// <summary>
/// Runs a command to its end as a shell would, with this process's environment, by posix_spawn and wait4; stdout
/// and stderr go to /dev/null (a tracer's complaints about the machine's other processes are not what is measured).
/// The peak RSS wait4 gives is no use for the program itself: the kernel keeps, across exec, the high-water mark of
/// the memory the child had before, and a child spawned from this harness had the harness's (tens of MB).
/// <see cref="StartupBench"/> reads the program's own from GNU time instead.
/// </summary>
internal static class ChildRun
{
    private static ReadOnlySpan<byte> DevNull => "/dev/null\0"u8;

    public static unsafe StartupSample Run(IReadOnlyList<string> command)
    {
        var strings = new List<nint>();
        var actions = NativeMemory.AllocZeroed(Interop.Libc.PosixSpawnFileActionsSize);
        try
        {
            var argv = (byte**)NativeMemory.AllocZeroed((nuint)(command.Count + 1), (nuint)sizeof(byte*));
            strings.Add((nint)argv);
            for (var i = 0; i < command.Count; i++)
            {
                argv[i] = Utf8(command[i], strings);
            }

            var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => $"{e.Key}={e.Value}").ToList();
            var envp = (byte**)NativeMemory.AllocZeroed((nuint)(environment.Count + 1), (nuint)sizeof(byte*));
            strings.Add((nint)envp);
            for (var i = 0; i < environment.Count; i++)
            {
                envp[i] = Utf8(environment[i], strings);
            }

            Interop.Libc.PosixSpawnFileActionsInit(actions);
            try
            {
                fixed (byte* devNull = DevNull)
                {
                    Interop.Libc.PosixSpawnFileActionsAddOpen(actions, 1, devNull, Interop.Libc.O_WRONLY);
                    Interop.Libc.PosixSpawnFileActionsAddOpen(actions, 2, devNull, Interop.Libc.O_WRONLY);
                }

                var started = Stopwatch.GetTimestamp();
                var pid = Interop.Libc.PosixSpawn(argv[0], argv, envp, actions);
                var usage = Interop.Libc.Wait4(pid, out var status);
                var wall = Stopwatch.GetElapsedTime(started);
                var cpuMicroseconds = (usage.ru_utime_tv_sec + usage.ru_stime_tv_sec) * 1_000_000 + usage.ru_utime_tv_usec + usage.ru_stime_tv_usec;
                // WIFEXITED: the exit code; otherwise 128 + the signal, as a shell says it.
                var exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
                return new StartupSample(wall.TotalMilliseconds, cpuMicroseconds / 1000.0, usage.ru_maxrss / 1024.0, exitCode);
            }
            finally
            {
                _ = Interop.Libc.PosixSpawnFileActionsDestroy(actions);
            }
        }
        finally
        {
            foreach (var pointer in strings)
            {
                NativeMemory.Free((void*)pointer);
            }

            NativeMemory.Free(actions);
        }
    }

    private static unsafe byte* Utf8(string value, List<nint> owned)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var bytes = (byte*)NativeMemory.AllocZeroed((nuint)length + 1);
        owned.Add((nint)bytes);
        Encoding.UTF8.GetBytes(value, new Span<byte>(bytes, length));
        return bytes;
    }
}
