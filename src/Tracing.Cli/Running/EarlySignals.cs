using System.Runtime.InteropServices;

namespace Tracing.Cli.Running;

/// <summary>
/// SIGINT and SIGTERM caught from the first line of <c>Main</c>, so that one arriving while the command line is parsed
/// or the run is set up ends it as the exit-code table says (130: before tracing had started), not by the signal's
/// default action (143 for SIGTERM). A signal before the runtime reaches <c>Main</c> still ends exectrace that way.
/// </summary>
internal static class EarlySignals
{
    private static volatile bool s_received;

    /// <summary>True once SIGINT or SIGTERM has arrived since <see cref="Listen"/>.</summary>
    public static bool Received => s_received;

    /// <summary>Starts catching SIGINT and SIGTERM; dispose to stop.</summary>
    public static IDisposable Listen() => new Registrations(
        PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));

    private static void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        s_received = true;
    }

    private sealed class Registrations(PosixSignalRegistration sigint, PosixSignalRegistration sigterm) : IDisposable
    {
        public void Dispose()
        {
            sigint.Dispose();
            sigterm.Dispose();
        }
    }
}
