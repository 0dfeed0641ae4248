using System.Diagnostics;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>
/// A folder for one process shape: <c>tsh</c>, a copy of /bin/sh (so every program's executable path and name are
/// known exactly), <c>prog.sh</c>, which records itself (pid, parent pid, cwd, argv) into <c>rec</c> and then waits on
/// the FIFO <c>go</c> until the test has seen its exec line, so exectrace reads its details while it lives (for a line,
/// not an end of file: the writer that let the previous program go may still hold the FIFO open); and the root script,
/// given to <c>tsh -c</c>, which runs the shape's steps and records each child's pid and exit status as its <c>wait</c>
/// gives it. Only builtins besides tsh: every exec is one the record holds.
/// </summary>
internal sealed class ShapeDirectory : IDisposable
{
    public ShapeDirectory()
    {
        Path = Directory.CreateTempSubdirectory("exectrace-otlp-").FullName;
        Tsh = Join("tsh");
        File.Copy("/bin/sh", Tsh);
        File.SetUnixFileMode(Tsh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        Go = Fifos.Make("go");
        Pause = Fifos.Make("pause");
        File.WriteAllText(Program, $"""
            r='{RecordPath}'
            case $1 in held) exec >/dev/null 2>&1 ;; esac
            printf 'exec|%s|%s|%s|%s' "$$" "$PPID" "$PWD" "$0" >> "$r"; printf '|%s' "$@" >> "$r"; echo >> "$r"
            until read x < '{Go}'; do :; done
            case $1 in
            leaf) exit "$2" ;;
            chain) exec '{Tsh}' '{Program}' leaf "$2" ;;
            nest) '{Tsh}' '{Program}' leaf "$2" & c=$!; wait $c; echo "status|$c|$?" >> "$r"; exit 0 ;;
            killed) kill -TERM $$ ;;
            held) echo go > '{Pause}'; until read x < '{Go}'; do :; done; exit "$2" ;;
            esac
            exit 0

            """);
    }

    /// <summary>The folder (a real path: no symlink on the way), the command's working directory.</summary>
    public string Path { get; }

    /// <summary>The copy of /bin/sh every program runs.</summary>
    public string Tsh { get; }

    /// <summary>
    /// The script a child runs: <c>tsh prog.sh MODE CODE [ARGS]</c>, MODE leaf, chain (exec), nest, killed, or held: its
    /// stdout and stderr not exectrace's, it lets the root go on past its pause, then waits for one more line on <see cref="Go"/>.
    /// </summary>
    public string Program => Join("prog.sh");

    /// <summary>What the programs recorded.</summary>
    public string RecordPath => Join("rec");

    /// <summary>The FIFO each program waits on after recording itself.</summary>
    public string Go { get; }

    /// <summary>The FIFO the root waits on at <c>read x &lt; "$pause"</c>, for a test to act mid-run.</summary>
    public string Pause { get; }

    /// <summary>Where <see cref="Go"/> and <see cref="Pause"/> are, and how a test writes them a line.</summary>
    public Fifos Fifos { get; } = new();

    /// <summary>
    /// The root's script: records itself, waits on <see cref="Go"/>, runs <paramref name="body"/> (<c>run MODE CODE</c>
    /// runs a child and records its status; <c>spawn MODE CODE</c> starts one and leaves it; <c>(...) &amp; forked</c>
    /// records a subshell), exits with <paramref name="exitCode"/>.
    /// </summary>
    public string RootScript(string body, int exitCode) => $$"""
        r='{{RecordPath}}'; pause='{{Pause}}'
        printf 'exec|%s|%s|%s|root\n' "$$" "$PPID" "$PWD" >> "$r"
        until read x < '{{Go}}'; do :; done
        run() { '{{Tsh}}' '{{Program}}' "$@" & c=$!; wait $c; echo "status|$c|$?" >> "$r"; }
        spawn() { '{{Tsh}}' '{{Program}}' "$@" & }
        forked() { f=$!; echo "fork|$f|$$" >> "$r"; wait $f; }
        {{body}}
        exit {{exitCode}}
        """;

    /// <summary>exectrace ARGS -- tsh -c SCRIPT, in this folder, with no OTEL_* variable but those given.</summary>
    public ProcessStartInfo StartInfo(string script, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var info = Cli.ExectraceProcess.StartInfo([.. arguments, "--", Tsh, "-c", script]);
        info.WorkingDirectory = Path;
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public void Dispose()
    {
        // A test that failed may leave a program waiting on a FIFO: a line for it (Linux opens a FIFO for reading and
        // writing without waiting; a program already gone leaves the line unread).
        foreach (var fifo in new[] { Go, Pause })
        {
            using var writer = new StreamWriter(new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite));
            writer.Write(string.Concat(Enumerable.Repeat("go\n", 64)));
        }

        Fifos.Dispose();
        using var rm = Process.Start("rm", ["-rf", "--", Path]);
        rm.WaitForExit();
    }

    private string Join(string name) => System.IO.Path.Join(Path, name);
}
