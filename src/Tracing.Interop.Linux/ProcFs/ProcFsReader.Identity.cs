using Tracing.Ports;

namespace Tracing.Interop.Linux.ProcFs;

public sealed partial class ProcFsReader
{
    private const int ENOTTY = 25;
    private const int ENOSYS = 38;
    private volatile bool _pidfdInfoUnsupported;

    /// <summary>
    /// Parent and user ids through a pidfd and PIDFD_GET_INFO (Linux 6.13+): three cheap syscalls instead of the
    /// kernel formatting /proc/PID/stat and /proc/PID/status. False when the process is gone, when this reader looks
    /// at another proc root, or on an older kernel (remembered, so it costs one failed call once).
    /// </summary>
    public bool TryReadIdentity(int pid, out ProcessIdentity identity)
    {
        identity = default;
        if (_pidfdInfoUnsupported || !_isSystemProc || pid <= 0)
        {
            return false;
        }

        using var pidfd = global::Interop.Libc.PidfdOpen(pid, out var errno);
        if (pidfd.IsInvalid)
        {
            // ENOSYS: no pidfd_open here; EPERM: a seccomp profile forbids it. ESRCH: the process is gone.
            _pidfdInfoUnsupported |= errno is ENOSYS or global::Interop.Errno.EPERM;

            return false;
        }

        errno = global::Interop.Libc.PidfdGetInfo(pidfd, out var info);
        if (errno != 0)
        {
            _pidfdInfoUnsupported |= errno is ENOTTY or global::Interop.Errno.EINVAL;
            return false;
        }

        if ((info.mask & (global::Interop.Libc.PIDFD_INFO_PID | global::Interop.Libc.PIDFD_INFO_CREDS))
            != (global::Interop.Libc.PIDFD_INFO_PID | global::Interop.Libc.PIDFD_INFO_CREDS))
        {
            return false;
        }

        identity = new ProcessIdentity((int)info.ppid, new ProcessCredentials(info.ruid, info.euid));
        return true;
    }
}
