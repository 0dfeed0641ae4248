using System.Collections;
using System.Runtime.InteropServices;
using System.Text;
using Tracing.Ports;

namespace Tracing.Linux.Launch;

/// <summary>
/// Starts the command with <c>posix_spawnp</c>, as <c>env</c> or <c>strace</c> would exec it: the argv and
/// environment bytes it was given, unchanged; every signal default except those exectrace's own process was given as
/// ignored; the signal mask exectrace was given; the caller's standard streams and open descriptors (.NET opens its
/// own with close-on-exec).
/// </summary>
internal sealed unsafe class SpawnCommandLauncher : ICommandLauncher
{
    // glibc's posix_spawnattr_t is 336 bytes and posix_spawn_file_actions_t 80 on 64-bit targets: room to spare.
    private const int AttributesSize = 1024;
    private const int FileActionsSize = 512;

    // Read once, before the first launch changes SIGCHLD: what this process was given, for every command it starts.
    private static readonly Lazy<StartupSignals> s_given = new(StartupSignals.Read);

    public ILaunchedCommand Launch(CommandSpec command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var signals = s_given.Value;
        using var argv = new NativeStringArray(command.ArgvBytes ?? [.. Utf8([command.FileName, .. command.Arguments])]);
        using var envp = new NativeStringArray(command.EnvironmentBytes ?? CallerEnvironment());
        var attributes = NativeMemory.AllocZeroed(AttributesSize);
        var fileActions = NativeMemory.AllocZeroed(FileActionsSize);
        try
        {
            Check(Interop.Libc.PosixSpawnattrInit(attributes), command, "posix_spawnattr_init");
            Check(Interop.Libc.PosixSpawnFileActionsInit(fileActions), command, "posix_spawn_file_actions_init");
            var defaulted = Interop.SigSet.FromMask(signals.Defaulted);
            var blocked = Interop.SigSet.FromMask(signals.Blocked);
            Check(Interop.Libc.PosixSpawnattrSetsigdefault(attributes, &defaulted), command, "posix_spawnattr_setsigdefault");
            Check(Interop.Libc.PosixSpawnattrSetsigmask(attributes, &blocked), command, "posix_spawnattr_setsigmask");
            Check(
                Interop.Libc.PosixSpawnattrSetflags(attributes, Interop.Libc.POSIX_SPAWN_SETSIGDEF | Interop.Libc.POSIX_SPAWN_SETSIGMASK),
                command,
                "posix_spawnattr_setflags");
            if (command.WorkingDirectory is { } workingDirectory)
            {
                fixed (byte* path = Utf8Z(workingDirectory))
                {
                    Check(Interop.Libc.PosixSpawnFileActionsAddchdirNp(fileActions, path), command, "posix_spawn_file_actions_addchdir_np");
                }
            }

            var error = SpawnKeepingChildExits(signals, out var pid, argv, fileActions, attributes, envp);
            Check(error, command, null);
            return new SpawnedCommand(pid);
        }
        finally
        {
            // Both only free what init allocated; on zeroed memory (init failed) there is nothing to free.
            _ = Interop.Libc.PosixSpawnFileActionsDestroy(fileActions);
            _ = Interop.Libc.PosixSpawnattrDestroy(attributes);
            NativeMemory.Free(fileActions);
            NativeMemory.Free(attributes);
        }
    }

    /// <summary>
    /// Spawns. SIGCHLD given as ignored is the one ignored signal not passed on: a process that ignores it has its
    /// children reaped by the kernel at once, with no exit status left to wait for, and ignoring it only while spawning
    /// races a command that ends at once (seen: "No child processes"). So exectrace sets it to default before its first
    /// spawn, and the command gets it default too (documented in docs/reliability.md).
    /// </summary>
    private static int SpawnKeepingChildExits(
        StartupSignals signals, out int pid, NativeStringArray argv, void* fileActions, void* attributes, NativeStringArray envp)
    {
        if (signals.ChildExitsIgnored)
        {
            // signal() fails only for an invalid signal number or handler.
            _ = Interop.Libc.Signal(StartupSignals.SIGCHLD, Interop.Libc.SIG_DFL);
        }

        return Interop.Libc.PosixSpawnp(out pid, argv.Pointers[0], fileActions, attributes, argv.Pointers, envp.Pointers);
    }

    /// <summary>A failure to start names the command and the reason (ENOENT: "No such file or directory", …).</summary>
    private static void Check(int error, CommandSpec command, string? operation)
    {
        if (error != 0)
        {
            var reason = Marshal.GetPInvokeErrorMessage(error);
            throw new InvalidOperationException(operation is null
                ? $"Could not start '{command.FileName}': {reason}"
                : $"Could not start '{command.FileName}': {operation} failed: {reason}");
        }
    }

    /// <summary>The environment as .NET sees it (what <c>Process.Start</c> would pass), for commands made from strings.</summary>
    private static List<ReadOnlyMemory<byte>> CallerEnvironment()
    {
        var entries = new List<ReadOnlyMemory<byte>>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            entries.Add(Encoding.UTF8.GetBytes($"{variable.Key}={variable.Value}"));
        }

        return entries;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Utf8(IEnumerable<string> strings) =>
        strings.Select(s => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(s));

    private static byte[] Utf8Z(string s) => Encoding.UTF8.GetBytes(s + '\0');
}
