using NSubstitute;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Core.Tests.Fakes;

/// <summary>A set of live processes behind an NSubstitute <see cref="IProcessInfoReader"/>.</summary>
public sealed class ProcessTable
{
    private readonly Dictionary<int, FakeProcess> _processes = [];

    public ProcessTable(int currentProcessId)
    {
        var reader = Substitute.For<IProcessInfoReader>();
        reader.CurrentProcessId.Returns(currentProcessId);
        reader.EnumerateProcessIds().Returns(_ => _processes.Keys.ToList());
        reader.TryReadArguments(Arg.Any<int>(), out Arg.Any<ProcessArguments?>()).Returns(call =>
        {
            var argv = Find(call.ArgAt<int>(0))?.Argv;
            call[1] = argv is null ? null : ProcessArguments.FromStrings(argv);
            return argv is not null;
        });
        reader.TryReadEnvironment(Arg.Any<int>(), out Arg.Any<ProcessArguments?>()).Returns(call =>
        {
            var environ = Find(call.ArgAt<int>(0))?.Environment;
            call[1] = environ is null ? null : ProcessArguments.FromNulSeparated(environ);
            return environ is not null;
        });
        reader.TryReadExecutablePath(Arg.Any<int>(), out Arg.Any<string?>()).Returns(call =>
        {
            call[1] = Find(call.ArgAt<int>(0))?.ExecutablePath;
            return call[1] is not null;
        });
        reader.TryReadWorkingDirectory(Arg.Any<int>(), out Arg.Any<string?>()).Returns(call =>
        {
            call[1] = Find(call.ArgAt<int>(0))?.WorkingDirectory;
            return call[1] is not null;
        });
        reader.TryReadExecutablePath(Arg.Any<int>(), out Arg.Any<string?>(), out Arg.Any<byte[]?>()).Returns(call =>
        {
            var process = Find(call.ArgAt<int>(0));
            call[1] = process?.ExecutablePath;
            call[2] = process?.ExecutablePathBytes;
            return call[1] is not null;
        });
        reader.TryReadWorkingDirectory(Arg.Any<int>(), out Arg.Any<string?>(), out Arg.Any<byte[]?>()).Returns(call =>
        {
            var process = Find(call.ArgAt<int>(0));
            call[1] = process?.WorkingDirectory;
            call[2] = process?.WorkingDirectoryBytes;
            return call[1] is not null;
        });
        reader.TryReadStat(Arg.Any<int>(), out Arg.Any<ProcessStat>()).Returns(call =>
        {
            var process = Find(call.ArgAt<int>(0));
            var readable = process is { StatReadable: true };
            call[1] = readable ? new ProcessStat(process!.Pid, process.ParentPid, process.CommandName, process.State) : default;
            return readable;
        });
        reader.TryReadCommandName(Arg.Any<int>(), out Arg.Any<string?>()).Returns(call =>
        {
            var process = Find(call.ArgAt<int>(0));
            call[1] = process is { StatReadable: true } ? process.CommandName : null;
            return call[1] is not null;
        });
        reader.TryReadCredentials(Arg.Any<int>(), out Arg.Any<ProcessCredentials>()).Returns(call =>
        {
            var process = Find(call.ArgAt<int>(0));
            var readable = process is { RealUid: not null, EffectiveUid: not null };
            call[1] = readable ? new ProcessCredentials(process!.RealUid!.Value, process.EffectiveUid!.Value) : default;
            return readable;
        });
        reader.TryReadIdentity(Arg.Any<int>(), out Arg.Any<ProcessIdentity>()).Returns(call =>
        {
            var process = Find(call.ArgAt<int>(0));
            var readable = process is { IdentityReadable: true, RealUid: not null, EffectiveUid: not null };
            call[1] = readable
                ? new ProcessIdentity(process!.ParentPid, new ProcessCredentials(process.RealUid!.Value, process.EffectiveUid!.Value), process.UnifiedCgroupId)
                : default;
            return readable;
        });
        reader.TryReadUnifiedCgroupId(Arg.Any<int>(), out Arg.Any<ulong>()).Returns(call =>
        {
            call[1] = Find(call.ArgAt<int>(0))?.UnifiedCgroupId ?? 0UL;
            return (ulong)call[1] != 0;
        });
        reader.TryReadCgroups(Arg.Any<int>(), out Arg.Any<IReadOnlyList<CgroupMembership>?>()).Returns(call =>
        {
            call[1] = Find(call.ArgAt<int>(0))?.Cgroups;
            return call[1] is not null;
        });
        reader.TryReadNamespacePid(Arg.Any<int>(), out Arg.Any<int>()).Returns(call =>
        {
            var namespacePid = Find(call.ArgAt<int>(0))?.NamespacePid;
            call[1] = namespacePid ?? 0;
            return namespacePid is not null;
        });
        reader.TryReadUserName(Arg.Any<int>(), Arg.Any<uint>(), out Arg.Any<string?>()).Returns(call =>
        {
            // Named only for its own real uid: any other uid is unknown to its passwd file here.
            var process = Find(call.ArgAt<int>(0));
            call[2] = process is { UserName: not null } && process.RealUid == call.ArgAt<uint>(1) ? process.UserName : null;
            return call[2] is not null;
        });
        reader.TryReadOtherThreadIds(Arg.Any<int>(), out Arg.Any<IReadOnlyList<int>?>()).Returns(call =>
        {
            call[1] = Find(call.ArgAt<int>(0))?.OtherThreads;
            return call[1] is not null;
        });
        Reader = reader;
    }

    public IProcessInfoReader Reader { get; }

    /// <summary>Adds a live process whose argv, when given, is readable.</summary>
    public FakeProcess Add(int pid, int parentPid, string commandName, params string[] argv)
    {
        var process = new FakeProcess(pid, parentPid, commandName) { Argv = argv.Length == 0 ? null : argv };
        _processes[pid] = process;
        return process;
    }

    public void Remove(int pid) => _processes.Remove(pid);

    /// <summary>A process added before.</summary>
    public FakeProcess Get(int pid) => _processes[pid];

    private FakeProcess? Find(int pid) => _processes.GetValueOrDefault(pid);
}
