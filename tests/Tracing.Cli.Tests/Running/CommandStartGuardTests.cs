using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Tracing.Cli.Running;
using Tracing.Ports;

namespace Tracing.Cli.Tests.Running;

public class CommandStartGuardTests
{
    private static readonly CommandSpec s_command = new("/bin/true", []);

    [Fact]
    public void A_launch_failure_becomes_CommandNotStartedException_with_its_message()
    {
        var cause = new InvalidOperationException("Could not start '/nonexistent': No such file or directory");
        var launcher = Substitute.For<ICommandLauncher>();
        launcher.Launch(s_command).Throws(cause);

        var thrown = Assert.Throws<CommandNotStartedException>(() => new CommandStartGuard(launcher).Launch(s_command));

        Assert.Equal(cause.Message, thrown.Message);
        Assert.Same(cause, thrown.InnerException);
    }

    [Fact]
    public void A_started_command_is_returned_as_is()
    {
        var started = Substitute.For<ILaunchedCommand>();
        var launcher = Substitute.For<ICommandLauncher>();
        launcher.Launch(s_command).Returns(started);

        Assert.Same(started, new CommandStartGuard(launcher).Launch(s_command));
    }

    [Fact]
    public void The_cli_guards_the_launcher_that_AddExecTracing_registers()
    {
        var services = new ServiceCollection().AddExecTracing();
        TracerServices.GuardCommandStart(services);
        using var provider = services.BuildServiceProvider();

        var launcher = provider.GetRequiredService<ICommandLauncher>();

        Assert.IsType<CommandStartGuard>(launcher);
        var thrown = Assert.Throws<CommandNotStartedException>(() => launcher.Launch(new CommandSpec("/nonexistent/" + Guid.NewGuid().ToString("N"), [])));
        Assert.Contains("/nonexistent/", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_launcher_registered_before_AddExecTracing_is_the_one_guarded()
    {
        var mine = Substitute.For<ICommandLauncher>();
        mine.Launch(s_command).Throws(new IOException("refused"));
        var services = new ServiceCollection().AddSingleton(mine).AddExecTracing();
        TracerServices.GuardCommandStart(services);
        using var provider = services.BuildServiceProvider();

        var thrown = Assert.Throws<CommandNotStartedException>(() => provider.GetRequiredService<ICommandLauncher>().Launch(s_command));

        Assert.Equal("refused", thrown.Message);
    }
}
