using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>
/// <c>--comm</c> and <c>--uid</c> on real trees: what is reported of the processes a shell in scope runs, and of their
/// exits. Every program the test expects to see holds on a FIFO until its exec was reported; the pids and users
/// compared are those the processes recorded or the kernel showed while they lived.
/// </summary>
public class ExectraceConditionTests
{
    // Under the traced root ($0: the folder of FIFOs and records), a shell that does not match runs cat (matches),
    // head (does not), then becomes cat itself; then the root becomes cat too. Each waits on a FIFO of its own.
    private const string ShellRunsMatchingAndNot =
        "read x < \"$0/go\"; " +
        "sh -c 'cat \"$0/m1\" & echo $! > \"$0/cat1\"; wait; head -n1 \"$0/n\" & echo $! > \"$0/head\"; wait; echo $$ > \"$0/inner\"; exec cat \"$0/m2\"' \"$0\"; " +
        "exec cat \"$0/m3\"";

    // Under the command ($0 as above): root's cat (uid of the test), then setpriv, which takes uid 4242 and execs a
    // shell that runs cat. The cats write nowhere: the command's stdout is exectrace's.
    private const string ChangesUser =
        "echo $$ > \"$0/outer\"; cat \"$0/n\" >/dev/null & echo $! > \"$0/rootcat\"; wait; " +
        "setpriv --reuid 4242 --regid 4242 --clear-groups /bin/sh -c 'echo $$ > \"$0/inner\"; cat \"$0/m1\" >/dev/null & echo $! > \"$0/cat1\"; wait' \"$0\"";

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Comm_reports_matching_execs_under_a_shell_that_does_not_match_and_only_their_exits(string source)
    {
        using var fifos = new Fifos();
        var folder = MakeFifos(fifos, "go", "m1", "n", "m2", "m3");
        using var root = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", ShellRunsMatchingAndNot, folder]))!;
        await using var session = await ExectraceSession.StartAsync("--source", source, "--json", "-t", "--comm", "cat", "-p", Pid(root.Id));

        await fifos.ReleaseAsync(Path.Join(folder, "go"), ExectraceSession.Bound);
        foreach (var held in new[] { "m1", "n", "m2", "m3" })
        {
            var fifo = Path.Join(folder, held);
            if (held != "n")
            {
                await session.ReadUntilAsync(l => Event(l) is { } e && e.Kind == "exec" && e.Argv[^1] == fifo);
            }

            await fifos.ReleaseAsync(fifo, ExectraceSession.Bound);
        }

        await session.ReadUntilAsync(l => Event(l) is { Kind: "exit" } e && e.Pid == root.Id);
        await session.SignalAsync("INT");
        var (exitCode, lines, errors) = await session.WaitForExitAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var events = lines.Select(Event).OfType<Seen>().ToList();
        int cat1 = Recorded(folder, "cat1"), inner = Recorded(folder, "inner"), head = Recorded(folder, "head");
        Assert.Equal(
            [(cat1, inner, "m1"), (inner, root.Id, "m2"), (root.Id, Environment.ProcessId, "m3")],
            events.Where(e => e.Kind == "exec").Select(e => (e.Pid, e.Ppid, Path.GetFileName(e.Argv[^1]))));
        Assert.All(events.Where(e => e.Kind == "exec"), e => Assert.Equal("cat", e.Comm));
        // One exit per process an exec of which was reported (the root's and the shell's as cat), none for head.
        Assert.Equal([cat1, inner, root.Id], events.Where(e => e.Kind == "exit").Select(e => e.Pid));
        Assert.DoesNotContain(events, e => e.Pid == head);
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Uid_reports_the_execs_of_a_process_that_took_another_real_uid_and_not_those_before(string source)
    {
        using var fifos = new Fifos();
        var folder = MakeFifos(fifos, "n", "m1");
        await using var session = await ExectraceSession.StartAsync("--source", source, "--json", "-t", "--uid", "4242", "--", "/bin/sh", "-c", ChangesUser, folder);

        // Root's cat runs first, held until released; it is never reported.
        await fifos.ReleaseAsync(Path.Join(folder, "n"), ExectraceSession.Bound);
        var cat = Event((await session.ReadUntilAsync(l => Event(l) is { Kind: "exec" } e && e.Argv[^1] == Path.Join(folder, "m1")))[^1])!;
        var catUid = RealUidOf(cat.Pid);
        await fifos.ReleaseAsync(Path.Join(folder, "m1"), ExectraceSession.Bound);
        var (exitCode, lines, errors) = await session.WaitForExitAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var events = lines.Select(Event).OfType<Seen>().ToList();
        int inner = Recorded(folder, "inner"), cat1 = Recorded(folder, "cat1");
        int outer = Recorded(folder, "outer"), rootCat = Recorded(folder, "rootcat");
        Assert.Equal(4242u, catUid);
        // setpriv's own exec (still root) is not reported; the shell it became is, with its uid, and so is its cat.
        Assert.Equal(
            [(inner, "sh", catUid), (cat1, "cat", catUid)],
            events.Where(e => e.Kind == "exec").Select(e => (e.Pid, e.Comm, e.Uid)));
        Assert.Equal([cat1, inner], events.Where(e => e.Kind == "exit").Select(e => e.Pid));
        Assert.DoesNotContain(events, e => e.Pid == outer || e.Pid == rootCat);
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Comm_selects_a_program_whose_15th_byte_cuts_a_character_by_the_name_its_comm_reads_as(string source)
    {
        // 18 bytes in UTF-8: the kernel keeps 15, the last the first byte of a character, which reads as U+FFFD.
        const string startedAs = "программа";
        using var fifos = new Fifos();
        var folder = MakeFifos(fifos, "m1");
        File.Copy("/bin/cat", Path.Join(folder, startedAs));
        File.SetUnixFileMode(Path.Join(folder, startedAs), (UnixFileMode)0b111_101_101);
        var given = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(startedAs), 0, 15);
        await using var session = await ExectraceSession.StartAsync(
            "--source", source, "--json", "--comm", given, "--", "/bin/sh", "-c", $"\"$0/{startedAs}\" \"$0/m1\" >/dev/null", folder);

        var exec = Event((await session.ReadUntilAsync(l => Event(l) is { Kind: "exec" } e && e.Argv[^1] == Path.Join(folder, "m1")))[^1])!;
        var comm = File.ReadAllText($"/proc/{exec.Pid}/comm").TrimEnd('\n');
        await fifos.ReleaseAsync(Path.Join(folder, "m1"), ExectraceSession.Bound);
        var (exitCode, _, errors) = await session.WaitForExitAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        Assert.Equal(given, comm);
        Assert.Equal(comm, exec.Comm);
    }

    private static string MakeFifos(Fifos fifos, params string[] names)
    {
        foreach (var name in names)
        {
            File.SetUnixFileMode(fifos.Make(name), (UnixFileMode)0b110_110_110);
        }

        // Readable by a process that has given up root (setpriv), and writable for its records.
        var folder = Path.GetDirectoryName(fifos.PathOf(names[0]))!;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        return folder;
    }

    private static int Recorded(string folder, string name) =>
        int.Parse(File.ReadAllText(Path.Join(folder, name)).Trim(), CultureInfo.InvariantCulture);

    // The real uid the kernel shows for a live process: the first of the four on /proc/PID/status's Uid line.
    private static uint RealUidOf(int pid) =>
        uint.Parse(
            File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture);

    private static string Pid(int pid) => pid.ToString(CultureInfo.InvariantCulture);

    private static Seen? Event(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var kind = root.GetProperty("event").GetString()!;
        if (kind is not ("exec" or "exit"))
        {
            return null;
        }

        return new Seen(
            kind,
            root.GetProperty("pid").GetInt32(),
            root.GetProperty("ppid").GetInt32(),
            root.GetProperty("comm").GetString(),
            kind == "exec" ? [.. root.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!)] : [],
            kind == "exec" && root.GetProperty("uid").ValueKind == JsonValueKind.Number ? root.GetProperty("uid").GetUInt32() : null);
    }

    private sealed record Seen(string Kind, int Pid, int Ppid, string? Comm, string[] Argv, uint? Uid);
}
