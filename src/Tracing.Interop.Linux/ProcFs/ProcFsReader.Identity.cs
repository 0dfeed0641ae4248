using Tracing.Ports;
using static Interop.Libc;
using Errno = Interop.Errno;

namespace Tracing.Linux.ProcFs;

internal sealed partial class ProcFsReader
{
    private volatile bool _pidfdInfoUnsupported;

    /// <summary>
    /// Parent and user ids through a pidfd and PIDFD_GET_INFO (Linux 6.13+): three cheap syscalls instead of the
    /// kernel formatting /proc/PID/stat and /proc/PID/status. False when the process is gone, when this reader looks
    /// at another proc root, or on an older kernel (remembered, so it costs one failed call once).
    /// </summary>
    public bool TryReadIdentity(int pid, out ProcessIdentity identity)
    {
        identity = default;
        if (!TryReadPidfdInfo(pid, out var info) || (info.mask & (PIDFD_INFO_PID | PIDFD_INFO_CREDS)) != (PIDFD_INFO_PID | PIDFD_INFO_CREDS))
        {
            return false;
        }

        identity = new ProcessIdentity((int)info.ppid, new ProcessCredentials(info.ruid, info.euid), UnifiedCgroupIdOf(info));
        return true;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Through the same pidfd read as <see cref="TryReadIdentity"/>; false without a cgroup v2 hierarchy mounted (on
    /// cgroup v1 alone every process is in the unified root, which tells nothing).
    /// </remarks>
    public bool TryReadUnifiedCgroupId(int pid, out ulong cgroupId)
    {
        cgroupId = 0;
        if (!UnifiedHierarchyMounted || !TryReadPidfdInfo(pid, out var info))
        {
            return false;
        }

        cgroupId = UnifiedCgroupIdOf(info);
        return cgroupId != 0;
    }

    private ulong UnifiedCgroupIdOf(in PidfdInfo info) =>
        (info.mask & PIDFD_INFO_CGROUPID) != 0 && UnifiedHierarchyMounted ? info.cgroupid : 0;

    private bool TryReadPidfdInfo(int pid, out PidfdInfo info)
    {
        info = default;
        if (_pidfdInfoUnsupported || !_isSystemProc || pid <= 0)
        {
            return false;
        }

        var errno = PidfdOpen(pid, out var pidfd);
        if (errno != 0)
        {
            pidfd.Dispose();

            // ENOSYS: no pidfd_open here; EPERM: a seccomp profile forbids it. ESRCH: the process is gone.
            _pidfdInfoUnsupported |= errno is Errno.ENOSYS or Errno.EPERM;
            return false;
        }

        using (pidfd)
        {
            errno = PidfdGetInfo(pidfd, out info);
        }

        if (errno != 0)
        {
            _pidfdInfoUnsupported |= errno is Errno.ENOTTY or Errno.EINVAL;
            return false;
        }

        return true;
    }
}
