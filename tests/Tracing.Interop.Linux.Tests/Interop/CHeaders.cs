using System.Diagnostics;
using System.Globalization;

namespace Tracing.Linux.Tests.Libc;

/// <summary>
/// What the machine's C headers say: StructLayout.c compiled with gcc and run once per test run, its lines read into
/// name → value ("sizeof struct pollfd" → 8).
/// </summary>
internal static class CHeaders
{
    private static readonly Lazy<IReadOnlyDictionary<string, long>> s_values = new(CompileAndRun, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyDictionary<string, long> Values => s_values.Value;

    private static Dictionary<string, long> CompileAndRun()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Interop", "StructLayout.c");
        var folder = Directory.CreateTempSubdirectory("tracing-layout-").FullName;
        try
        {
            var program = Path.Combine(folder, "layout");
            Run("gcc", ["-Wall", "-Werror", "-o", program, source]);
            var values = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var line in Run(program, []).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var tab = line.LastIndexOf('\t');
                values.Add(line[..tab], long.Parse(line[(tab + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture));
            }

            return values;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Run(string file, string[] arguments)
    {
        Process? process;
        try
        {
            process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
        }
        catch (System.ComponentModel.Win32Exception e) when (file == "gcc")
        {
            throw new InvalidOperationException(
                "The struct layout tests compile Interop/StructLayout.c against this machine's C headers and need gcc: install gcc " +
                "and the libc and kernel headers (e.g. apt-get install gcc libc6-dev linux-libc-dev; .ci/run does so). " + e.Message, e);
        }

        using (process)
        {
            var errors = process!.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} exited with {process.ExitCode}:\n{errors.Result}");
            }

            return output;
        }
    }
}
