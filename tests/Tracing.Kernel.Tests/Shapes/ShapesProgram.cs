using System.Diagnostics;

namespace Tracing.Kernel.Tests.Shapes;

/// <summary>The shapes program (native/shapes.c), compiled once per test run with the machine's C compiler.</summary>
internal static class ShapesProgram
{
    private static readonly Lazy<string> s_path = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => s_path.Value;

    private static string Compile()
    {
        var native = System.IO.Path.Combine(AppContext.BaseDirectory, "Shapes", "native");
        var sources = Directory.GetFiles(native, "shapes*.c").Order(StringComparer.Ordinal).ToArray();
        var folder = Directory.CreateTempSubdirectory("tracing-shapes-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var output = System.IO.Path.Combine(folder, "shapes");
        var start = new ProcessStartInfo("gcc", ["-O2", "-Wall", "-Werror", "-pthread", "-o", output, .. sources])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        Process? gcc;
        try
        {
            gcc = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The process-shape tests compile a C program and need gcc (.ci/run installs it): " + e.Message, e);
        }

        using (gcc)
        {
            var errors = gcc!.StandardError.ReadToEnd();
            gcc.WaitForExit();
            if (gcc.ExitCode != 0)
            {
                throw new InvalidOperationException($"gcc failed on {native}:\n{errors}");
            }
        }

        return output;
    }
}
