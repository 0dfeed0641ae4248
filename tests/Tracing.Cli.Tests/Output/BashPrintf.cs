using System.Diagnostics;

namespace Tracing.Cli.Tests.Output;

/// <summary>Runs <c>bash -c "printf FORMAT WORDS"</c> and returns the bytes bash printed: a shell reading quoted words back.</summary>
internal static class BashPrintf
{
    public static byte[] Run(string format, string quotedWords)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add($"printf {format} {quotedWords}");
        startInfo.Environment["LC_ALL"] = "C.UTF-8";
        using var bash = Process.Start(startInfo)!;
        using var bytes = new MemoryStream();
        bash.StandardOutput.BaseStream.CopyTo(bytes);
        bash.WaitForExit();
        Assert.Equal(0, bash.ExitCode);
        return bytes.ToArray();
    }
}
