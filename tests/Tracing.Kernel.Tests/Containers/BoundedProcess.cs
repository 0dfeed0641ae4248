using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>
/// A program started with its stdout read line by line, so a test can wait for a line it prints (its readiness
/// signal), and its stderr collected as it comes. A wait's bound only fails: past it the program is killed and the wait
/// throws with everything it printed so far.
/// </summary>
internal sealed class BoundedProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _commandLine;
    private readonly StringBuilder _errors = new();
    private readonly Task _reading;
    private bool _disposed;

    private BoundedProcess(Process process, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
        _reading = Task.WhenAll(ReadOutputAsync(), ReadErrorsAsync());
    }

    public int Pid => _process.Id;

    /// <summary>Every line of stdout so far; waits on it wake on each new line.</summary>
    public Observed<string> Lines { get; } = new();

    /// <summary>The program's stdin; closing it gives the program end of file.</summary>
    public StreamWriter Input => _process.StandardInput;

    /// <summary>Starts <paramref name="program"/>; a program that cannot be started throws <see cref="System.ComponentModel.Win32Exception"/>.</summary>
    public static BoundedProcess Start(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.StandardInput.AutoFlush = true;
        return new(process, string.Join(' ', [program, .. info.ArgumentList]));
    }

    /// <summary>Runs <paramref name="program"/> with no input and waits for it; see <see cref="WaitAsync"/>.</summary>
    public static async Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan bound)
    {
        using var process = Start(program, arguments);
        process.Input.Close();
        return await process.WaitAsync(bound);
    }

    /// <summary>
    /// Waits until the program has ended and its output is read; past <paramref name="bound"/> it is killed and this
    /// throws <see cref="TimeoutException"/> with its command line and what it printed.
    /// </summary>
    public async Task<CommandResult> WaitAsync(TimeSpan bound)
    {
        try
        {
            await Task.WhenAll(_process.WaitForExitAsync(), _reading).WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"{_commandLine} did not end within {bound.TotalSeconds:0} s\nstdout: {string.Join('\n', Lines.Snapshot())}\nstderr: {Errors()}"));
        }

        return new(_process.ExitCode, string.Join('\n', Lines.Snapshot()), Errors());
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Kill();
            _process.Dispose();
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has ended already.
        }
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }

    private async Task ReadOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            Lines.Add(line);
        }
    }

    private async Task ReadErrorsAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _process.StandardError.ReadAsync(buffer)) > 0)
        {
            lock (_errors)
            {
                _errors.Append(buffer, 0, read);
            }
        }
    }
}
