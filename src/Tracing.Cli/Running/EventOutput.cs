using Microsoft.Win32.SafeHandles;

namespace Tracing.Cli.Running;

/// <summary>Opens where events go: stdout, or the file <c>-o</c> names. Unbuffered: each write is made at once.</summary>
internal static class EventOutput
{
    /// <summary>Opens the output; null, with the reason on <paramref name="diagnostics"/>, when the file cannot be created.</summary>
    /// <param name="path">The file, or null for stdout.</param>
    /// <param name="diagnostics">Where a failure is said.</param>
    /// <param name="isRegularFile">True when the events go to a regular file (<c>-o</c>, or stdout redirected to one).</param>
    public static Stream? Open(string? path, TextWriter diagnostics, out bool isRegularFile)
    {
        isRegularFile = true;
        if (path is null)
        {
            // A pipe or terminal: a FileStream, which reports EPIPE (Console's stream swallows it, so
            // `exectrace | head` would never end). A regular file (`> out.txt`): Console's stream, which writes at the
            // descriptor's shared offset; a FileStream keeps an offset of its own and would overwrite what the traced
            // command writes to the same file.
            var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stdout.CanSeek)
            {
                isRegularFile = false;
                return stdout;
            }

            stdout.Dispose();
            return Console.OpenStandardOutput();
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            diagnostics.WriteLine("exectrace: -o needs a file name.");
            return null;
        }

        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.WriteLine(StartFailure.Describe(e, $"cannot write {path}: "));
            return null;
        }
    }
}
