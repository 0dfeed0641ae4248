namespace Tracing.Linux.Bpf.Maps;

/// <summary>The map types used (include/uapi/linux/bpf.h, <c>enum bpf_map_type</c>).</summary>
internal enum BpfMapType : uint
{
    /// <summary><c>BPF_MAP_TYPE_HASH</c>.</summary>
    Hash = Interop.Libc.BPF_MAP_TYPE_HASH,

    /// <summary><c>BPF_MAP_TYPE_ARRAY</c>: keys are u32 indexes below the maximum, every element exists.</summary>
    Array = Interop.Libc.BPF_MAP_TYPE_ARRAY,

    /// <summary><c>BPF_MAP_TYPE_PERCPU_ARRAY</c>: an array with one value per possible CPU.</summary>
    PerCpuArray = Interop.Libc.BPF_MAP_TYPE_PERCPU_ARRAY,

    /// <summary><c>BPF_MAP_TYPE_CGROUP_ARRAY</c>: cgroup fds, for <c>bpf_current_task_under_cgroup</c>.</summary>
    CgroupArray = Interop.Libc.BPF_MAP_TYPE_CGROUP_ARRAY,

    /// <summary><c>BPF_MAP_TYPE_LRU_HASH</c>: a hash whose least recently used entries give way when it is full.</summary>
    LruHash = Interop.Libc.BPF_MAP_TYPE_LRU_HASH,

    /// <summary><c>BPF_MAP_TYPE_RINGBUF</c> (Linux 5.8+): see <see cref="RingBuffers.BpfRingBuffer"/>.</summary>
    RingBuffer = Interop.Libc.BPF_MAP_TYPE_RINGBUF,
}
