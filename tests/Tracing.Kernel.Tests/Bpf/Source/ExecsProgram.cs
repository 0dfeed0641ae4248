using System.Diagnostics;

namespace Tracing.Kernel.Tests.Bpf.Source;

/// <summary>The exec shapes program (native/execs.c), compiled once per test run with the machine's C compiler.</summary>
internal static class ExecsProgram
{
    private static readonly Lazy<string> s_path = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => s_path.Value;

    private static string Compile()
    {
        var native = System.IO.Path.Combine(AppContext.BaseDirectory, "Bpf", "Source", "native");
        var sources = Directory.GetFiles(native, "execs*.c").Order(StringComparer.Ordinal).ToArray();
        var folder = Directory.CreateTempSubdirectory("tracing-execs-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var output = System.IO.Path.Combine(folder, "execs");
        var start = new ProcessStartInfo("gcc", ["-O2", "-Wall", "-Werror", "-pthread", "-o", output, .. sources])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var gcc = Process.Start(start)
            ?? throw new InvalidOperationException("The exec-shape tests compile a C program and need gcc (.ci/run installs it).");
        var errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        return gcc.ExitCode == 0 ? output : throw new InvalidOperationException($"gcc failed on {native}:\n{errors}");
    }
}
