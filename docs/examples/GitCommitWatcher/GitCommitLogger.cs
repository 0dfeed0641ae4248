using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tracing.Events;
using Tracing.Predicates;
using Tracing.Tracer;

namespace GitCommitWatcher;

/// <summary>Logs every <c>git commit</c> the tracer reports, with where and by whom it ran.</summary>
internal sealed partial class GitCommitLogger : IHostedService, IDisposable
{
    private readonly ILogger<GitCommitLogger> _logger;
    private readonly IDisposable _subscription;

    // Subscribed in the constructor, before the tracer starts with the host: no commit is missed.
    public GitCommitLogger(ExecTracer tracer, ILogger<GitCommitLogger> logger)
    {
        _logger = logger;
        _subscription = tracer.Subscribe(OnEvent);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _subscription.Dispose();

    private void OnEvent(TraceEvent item)
    {
        if (item is ExecEvent exec && exec.IsGitCommit())
        {
            LogCommit(_logger, exec.Pid, exec.RealUid, exec.WorkingDirectory ?? "?", string.Join(' ', exec.Arguments.Strings));
        }
    }

    [LoggerMessage(1, LogLevel.Information, "git commit (pid {Pid}, uid {Uid}) in {WorkingDirectory}: {CommandLine}")]
    private static partial void LogCommit(ILogger logger, int pid, uint? uid, string workingDirectory, string commandLine);
}
