// Kernel tests start real processes and measure nothing, but each depends on the receive thread reading /proc
// before short-lived processes vanish: running them one at a time keeps the test host itself from being the load.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Kernel tests exercise the Linux backend only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
