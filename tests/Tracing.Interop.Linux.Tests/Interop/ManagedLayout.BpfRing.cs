using System.Runtime.CompilerServices;
using Tracing.Linux.Bpf.RingBuffers;
using static Interop.Libc;

namespace Tracing.Linux.Tests.Libc;

internal static partial class ManagedLayout
{
    /// <summary>
    /// bpf(2)'s map, raw tracepoint and info members of union bpf_attr, struct bpf_prog_info, the ring buffer's header,
    /// perf_event_attr and its ioctls, and mmap's flags. A struct the kernel grew is checked to end where the next member begins.
    /// </summary>
    private static KeyValuePair<string, Func<long>[]>[] BpfRing() =>
    [
        new("offsetof union bpf_attr.map_type", Offset<BpfMapCreateAttr>("map_type")),
        new("offsetof union bpf_attr.key_size", Offset<BpfMapCreateAttr>("key_size")),
        new("offsetof union bpf_attr.value_size", Offset<BpfMapCreateAttr>("value_size")),
        new("offsetof union bpf_attr.max_entries", Offset<BpfMapCreateAttr>("max_entries")),
        new("offsetof union bpf_attr.map_flags", Offset<BpfMapCreateAttr>("map_flags")),
        new("offsetof union bpf_attr.inner_map_fd", Offset<BpfMapCreateAttr>("inner_map_fd")),
        new("offsetof union bpf_attr.numa_node", Offset<BpfMapCreateAttr>("numa_node")),
        new("offsetof union bpf_attr.map_name", Offset<BpfMapCreateAttr>("map_name")),
        new("sizeof union bpf_attr.map_name", [() => Unsafe.SizeOf<BpfObjectName>(), () => BPF_OBJ_NAME_LEN]),
        new("offsetof union bpf_attr.map_ifindex", [() => Unsafe.SizeOf<BpfMapCreateAttr>()]),
        new("offsetof union bpf_attr.map_fd", Offset<BpfMapElemAttr>("map_fd")),
        new("offsetof union bpf_attr.key", Offset<BpfMapElemAttr>("key")),
        new("offsetof union bpf_attr.value", Offset<BpfMapElemAttr>("value")),
        new("offsetof union bpf_attr.flags", Offset<BpfMapElemAttr>("flags")),
        new("offsetof union bpf_attr.raw_tracepoint.name", Offset<BpfRawTracepointAttr>("name")),
        new("offsetof union bpf_attr.raw_tracepoint.prog_fd", Offset<BpfRawTracepointAttr>("prog_fd")),
        new("offsetof union bpf_attr.info.bpf_fd", Offset<BpfObjGetInfoAttr>("bpf_fd")),
        new("offsetof union bpf_attr.info.info_len", Offset<BpfObjGetInfoAttr>("info_len")),
        new("offsetof union bpf_attr.info.info", Offset<BpfObjGetInfoAttr>("info")),
        new("sizeof union bpf_attr.info", Size<BpfObjGetInfoAttr>()),
        .. ProgInfo(),
        new("const BPF_MAP_CREATE", [() => BPF_MAP_CREATE]),
        new("const BPF_MAP_LOOKUP_ELEM", [() => BPF_MAP_LOOKUP_ELEM]),
        new("const BPF_MAP_UPDATE_ELEM", [() => BPF_MAP_UPDATE_ELEM]),
        new("const BPF_ANY", [() => (long)BPF_ANY]),
        new("const BPF_NOEXIST", [() => (long)BPF_NOEXIST]),
        new("const BPF_EXIST", [() => (long)BPF_EXIST]),
        new("const BPF_MAP_TYPE_HASH", [() => BPF_MAP_TYPE_HASH]),
        new("const BPF_MAP_TYPE_ARRAY", [() => BPF_MAP_TYPE_ARRAY]),
        new("const BPF_MAP_TYPE_PERCPU_ARRAY", [() => BPF_MAP_TYPE_PERCPU_ARRAY]),
        new("const BPF_MAP_TYPE_LRU_HASH", [() => BPF_MAP_TYPE_LRU_HASH]),
        new("const BPF_MAP_TYPE_CGROUP_ARRAY", [() => BPF_MAP_TYPE_CGROUP_ARRAY]),
        new("const BPF_MAP_TYPE_RINGBUF", [() => BPF_MAP_TYPE_RINGBUF]),
        new("const BPF_RAW_TRACEPOINT_OPEN", [() => BPF_RAW_TRACEPOINT_OPEN]),
        new("const BPF_OBJ_GET_INFO_BY_FD", [() => BPF_OBJ_GET_INFO_BY_FD]),
        new("const BPF_PROG_TYPE_RAW_TRACEPOINT", [() => BPF_PROG_TYPE_RAW_TRACEPOINT]),
        new("const BPF_RINGBUF_BUSY_BIT", [() => BpfRingBuffer.BPF_RINGBUF_BUSY_BIT]),
        new("const BPF_RINGBUF_DISCARD_BIT", [() => BpfRingBuffer.BPF_RINGBUF_DISCARD_BIT]),
        new("const BPF_RINGBUF_HDR_SZ", [() => BpfRingBuffer.BPF_RINGBUF_HDR_SZ]),
        new("offsetof struct perf_event_attr.type", Offset<PerfEventAttr>("type")),
        new("offsetof struct perf_event_attr.size", Offset<PerfEventAttr>("size")),
        new("offsetof struct perf_event_attr.config", Offset<PerfEventAttr>("config")),
        new("offsetof struct perf_event_attr.sample_period", Offset<PerfEventAttr>("sample_period")),
        new("offsetof struct perf_event_attr.sample_type", Offset<PerfEventAttr>("sample_type")),
        new("offsetof struct perf_event_attr.read_format", Offset<PerfEventAttr>("read_format")),
        new("offsetof struct perf_event_attr.wakeup_events", Offset<PerfEventAttr>("wakeup_events")),
        new("offsetof struct perf_event_attr.bp_type", Offset<PerfEventAttr>("bp_type")),
        new("offsetof struct perf_event_attr.config1", Offset<PerfEventAttr>("config1")),
        new("const perf_event_attr.disabled at read_format+8", [() => (long)PerfEventAttrDisabled]),
        new("const PERF_ATTR_SIZE_VER0", [() => PERF_ATTR_SIZE_VER0, () => Unsafe.SizeOf<PerfEventAttr>()]),
        new("const PERF_TYPE_TRACEPOINT", [() => PERF_TYPE_TRACEPOINT]),
        new("const PERF_FLAG_FD_CLOEXEC", [() => (long)PERF_FLAG_FD_CLOEXEC]),
        new("const PERF_EVENT_IOC_ENABLE", [() => PERF_EVENT_IOC_ENABLE]),
        new("const PERF_EVENT_IOC_SET_BPF", [() => PERF_EVENT_IOC_SET_BPF]),
        new("const PROT_READ", [() => PROT_READ]),
        new("const PROT_WRITE", [() => PROT_WRITE]),
        new("const MAP_SHARED", [() => MAP_SHARED]),
        new("const ENOMEM", [() => Interop.Errno.ENOMEM]),
    ];

    private static KeyValuePair<string, Func<long>[]>[] ProgInfo() =>
    [
        .. new[]
        {
            "type", "id", "tag", "jited_prog_len", "xlated_prog_len", "jited_prog_insns", "xlated_prog_insns", "load_time",
            "created_by_uid", "nr_map_ids", "map_ids", "name", "ifindex", "netns_dev", "netns_ino", "nr_jited_ksyms",
            "nr_jited_func_lens", "jited_ksyms", "jited_func_lens", "btf_id", "func_info_rec_size", "func_info", "nr_func_info",
            "nr_line_info", "line_info", "jited_line_info", "nr_jited_line_info", "line_info_rec_size", "jited_line_info_rec_size",
            "nr_prog_tags", "prog_tags", "run_time_ns", "run_cnt", "recursion_misses",
        }.Select(field => new KeyValuePair<string, Func<long>[]>($"offsetof struct bpf_prog_info.{field}", Offset<BpfProgInfo>(field))),
        new("offsetof struct bpf_prog_info.verified_insns", [() => Unsafe.SizeOf<BpfProgInfo>()]),
    ];
}
