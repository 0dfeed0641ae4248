/*
 * The numbers LibcStructLayoutTests checks every managed struct and constant against, from the C headers of the
 * machine the tests run on: the tests compile and run this file with gcc and read what it prints, one
 * "<sizeof|offsetof|const> <C name>\t<value>" per line. Every line must have a managed counterpart in
 * ManagedLayout.cs, and every counterpart a line.
 * By hand: gcc -Wall -o /tmp/layout StructLayout.c && /tmp/layout
 * What older headers lack is defined below from the kernel source, and only when the headers lack it.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/statfs.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <spawn.h>
#include <linux/netlink.h>
#include <linux/connector.h>
#include <linux/cn_proc.h>
#include <linux/filter.h>
#include <linux/sock_diag.h>
#include <linux/magic.h>
#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <sys/mman.h>
#ifndef PROC_EVENT_ALL
/* include/uapi/linux/cn_proc.h, Linux 6.6, which added PROC_EVENT_ALL with these two. */
#define PROC_EVENT_NONZERO_EXIT 0x20000000
struct proc_input {
	__u32 mcast_op;
	__u32 event_type;
};
#endif
/*
 * include/uapi/linux/pidfd.h, Linux 6.13: the first version of struct pidfd_info (PIDFD_INFO_SIZE_VER0), the one the
 * interop passes; later headers grow the struct (and so PIDFD_GET_INFO's size bits), the kernel takes either.
 */
struct pidfd_info_ver0 {
	__u64 mask;
	__u64 cgroupid;
	__u32 pid;
	__u32 tgid;
	__u32 ppid;
	__u32 ruid;
	__u32 rgid;
	__u32 euid;
	__u32 egid;
	__u32 suid;
	__u32 sgid;
	__u32 fsuid;
	__u32 fsgid;
	__u32 spare0[1];
};
#define PIDFS_IOCTL_MAGIC_VER0 0xFF
#define PIDFD_GET_INFO_VER0 _IOWR(PIDFS_IOCTL_MAGIC_VER0, 11, struct pidfd_info_ver0)
#define PIDFD_INFO_PID_VER0 (1UL << 0)
#define PIDFD_INFO_CREDS_VER0 (1UL << 1)
#define S(t) printf("sizeof %s\t%zu\n", #t, sizeof(t))
#define SF(t,f) printf("sizeof %s.%s\t%zu\n", #t, #f, sizeof(((t *)0)->f))
#define O(t,f) printf("offsetof %s.%s\t%zu\n", #t, #f, offsetof(t,f))
#define C(c) printf("const %s\t%lld\n", #c, (long long)(c))
int main(void){
 S(struct sockaddr_nl); O(struct sockaddr_nl,nl_family);O(struct sockaddr_nl,nl_pad);O(struct sockaddr_nl,nl_pid);O(struct sockaddr_nl,nl_groups);
 S(struct pollfd); O(struct pollfd,fd);O(struct pollfd,events);O(struct pollfd,revents);
 S(struct iovec); O(struct iovec,iov_base);O(struct iovec,iov_len);
 S(struct msghdr); O(struct msghdr,msg_name);O(struct msghdr,msg_namelen);O(struct msghdr,msg_iov);O(struct msghdr,msg_iovlen);O(struct msghdr,msg_control);O(struct msghdr,msg_controllen);O(struct msghdr,msg_flags);
 S(struct mmsghdr); O(struct mmsghdr,msg_hdr);O(struct mmsghdr,msg_len);
 S(struct sched_param); O(struct sched_param,sched_priority);
 S(struct sock_filter); O(struct sock_filter,code);O(struct sock_filter,jt);O(struct sock_filter,jf);O(struct sock_filter,k);
 S(struct sock_fprog); O(struct sock_fprog,len);O(struct sock_fprog,filter);
 S(struct pidfd_info_ver0); O(struct pidfd_info_ver0,mask);O(struct pidfd_info_ver0,cgroupid);O(struct pidfd_info_ver0,pid);O(struct pidfd_info_ver0,tgid);O(struct pidfd_info_ver0,ppid);O(struct pidfd_info_ver0,ruid);O(struct pidfd_info_ver0,rgid);O(struct pidfd_info_ver0,euid);O(struct pidfd_info_ver0,egid);O(struct pidfd_info_ver0,suid);O(struct pidfd_info_ver0,sgid);O(struct pidfd_info_ver0,fsuid);O(struct pidfd_info_ver0,fsgid);O(struct pidfd_info_ver0,spare0);
 S(struct statfs); O(struct statfs,f_type);O(struct statfs,f_bsize);O(struct statfs,f_blocks);O(struct statfs,f_bfree);O(struct statfs,f_bavail);O(struct statfs,f_files);O(struct statfs,f_ffree);O(struct statfs,f_fsid);O(struct statfs,f_namelen);O(struct statfs,f_frsize);O(struct statfs,f_flags);O(struct statfs,f_spare);
 S(struct statx); O(struct statx,stx_mask);O(struct statx,stx_mode);O(struct statx,stx_ino);O(struct statx,stx_size);O(struct statx,stx_atime);O(struct statx,stx_ctime);O(struct statx,stx_mtime);O(struct statx,stx_dev_major);O(struct statx,stx_dev_minor);
 S(struct statx_timestamp); O(struct statx_timestamp,tv_sec);O(struct statx_timestamp,tv_nsec);
 C(AT_FDCWD);C(AT_EMPTY_PATH);C(STATX_MTIME);C(STATX_CTIME);C(STATX_INO);C(STATX_SIZE);
 S(struct nlmsghdr); O(struct nlmsghdr,nlmsg_len);O(struct nlmsghdr,nlmsg_type);O(struct nlmsghdr,nlmsg_flags);O(struct nlmsghdr,nlmsg_seq);O(struct nlmsghdr,nlmsg_pid);
 S(struct cn_msg); O(struct cn_msg,id.idx);O(struct cn_msg,id.val);O(struct cn_msg,seq);O(struct cn_msg,ack);O(struct cn_msg,len);O(struct cn_msg,flags);O(struct cn_msg,data);
 S(struct proc_event); O(struct proc_event,what);O(struct proc_event,cpu);O(struct proc_event,timestamp_ns);O(struct proc_event,event_data);SF(struct proc_event,event_data);
 O(struct proc_event,event_data.fork.child_pid);O(struct proc_event,event_data.fork.child_tgid);O(struct proc_event,event_data.exit.process_pid);O(struct proc_event,event_data.exit.process_tgid);
 C(NLMSG_LENGTH(sizeof(struct cn_msg)));C(NLMSG_LENGTH(sizeof(struct cn_msg) + sizeof(struct proc_event)));
 C(NLMSG_LENGTH(sizeof(struct cn_msg) + sizeof(enum proc_cn_mcast_op)));C(NLMSG_LENGTH(sizeof(struct cn_msg) + sizeof(struct proc_input)));
 C(EPERM);C(ENOENT);C(ESRCH);C(EINTR);C(ENXIO);C(EAGAIN);C(EACCES);C(ENOTDIR);C(EISDIR);C(EINVAL);C(ENOTTY);C(ENAMETOOLONG);C(ENOSYS);C(ELOOP);C(EPROTONOSUPPORT);C(EAFNOSUPPORT);C(ENOBUFS);C(ECONNREFUSED);
 C(AF_NETLINK);C(SOCK_DGRAM);C(SOCK_CLOEXEC);C(NETLINK_CONNECTOR);C(SOL_SOCKET);C(SO_RCVBUF);C(SO_RCVBUFFORCE);C(SO_ATTACH_FILTER);C(SO_MEMINFO);C(SK_MEMINFO_DROPS);C(SK_MEMINFO_VARS);C(MSG_DONTWAIT);
 C(POLLIN);C(EFD_CLOEXEC);C(EFD_NONBLOCK);C(O_RDONLY);C(O_CLOEXEC);C(PR_SET_NAME);C(PR_GET_NAME);C(SCHED_FIFO);
 C(PIDFD_GET_INFO_VER0);C(PIDFD_INFO_PID_VER0);C(PIDFD_INFO_CREDS_VER0);
 C(NLMSG_NOOP);C(NLMSG_ERROR);C(NLMSG_DONE);C(CN_IDX_PROC);C(CN_VAL_PROC);C(PROC_CN_MCAST_LISTEN);C(PROC_CN_MCAST_IGNORE);
 C(PROC_EVENT_NONE);C(PROC_EVENT_FORK);C(PROC_EVENT_EXEC);C(PROC_EVENT_UID);C(PROC_EVENT_GID);C(PROC_EVENT_SID);C(PROC_EVENT_PTRACE);C(PROC_EVENT_COMM);C(PROC_EVENT_NONZERO_EXIT);C(PROC_EVENT_COREDUMP);C(PROC_EVENT_EXIT);
 C(BPF_LD|BPF_W|BPF_ABS);C(BPF_JMP|BPF_JEQ|BPF_K);C(BPF_JMP|BPF_JEQ|BPF_X);C(BPF_MISC|BPF_TAX);C(BPF_RET|BPF_K);
 C(CGROUP_SUPER_MAGIC);C(CGROUP2_SUPER_MAGIC);
 S(struct bpf_insn); O(union bpf_attr,prog_type);O(union bpf_attr,insn_cnt);O(union bpf_attr,insns);O(union bpf_attr,license);O(union bpf_attr,log_level);O(union bpf_attr,log_size);O(union bpf_attr,log_buf);O(union bpf_attr,kern_version);O(union bpf_attr,prog_flags);
 C(BPF_PROG_LOAD);C(BPF_PROG_TYPE_TRACEPOINT);C(BPF_PSEUDO_MAP_FD);
 C(BPF_ALU64);C(BPF_JMP);C(BPF_LDX);C(BPF_STX);C(BPF_ST);C(BPF_MEM);C(BPF_DW);C(BPF_B);C(BPF_H);C(BPF_W);C(BPF_X);C(BPF_MOV);C(BPF_ADD);C(BPF_AND);C(BPF_JNE);C(BPF_JLT);C(BPF_JSLE);C(BPF_CALL);C(BPF_EXIT);
 O(union bpf_attr,map_type);O(union bpf_attr,key_size);O(union bpf_attr,value_size);O(union bpf_attr,max_entries);O(union bpf_attr,map_flags);O(union bpf_attr,inner_map_fd);O(union bpf_attr,numa_node);O(union bpf_attr,map_name);SF(union bpf_attr,map_name);O(union bpf_attr,map_ifindex);
 O(union bpf_attr,map_fd);O(union bpf_attr,key);O(union bpf_attr,value);O(union bpf_attr,flags);O(union bpf_attr,raw_tracepoint.name);O(union bpf_attr,raw_tracepoint.prog_fd);O(union bpf_attr,info.bpf_fd);O(union bpf_attr,info.info_len);O(union bpf_attr,info.info);SF(union bpf_attr,info);
 O(struct bpf_prog_info,type);O(struct bpf_prog_info,id);O(struct bpf_prog_info,tag);O(struct bpf_prog_info,jited_prog_len);O(struct bpf_prog_info,xlated_prog_len);O(struct bpf_prog_info,jited_prog_insns);O(struct bpf_prog_info,xlated_prog_insns);O(struct bpf_prog_info,load_time);O(struct bpf_prog_info,created_by_uid);O(struct bpf_prog_info,nr_map_ids);O(struct bpf_prog_info,map_ids);O(struct bpf_prog_info,name);O(struct bpf_prog_info,ifindex);O(struct bpf_prog_info,netns_dev);O(struct bpf_prog_info,netns_ino);O(struct bpf_prog_info,nr_jited_ksyms);O(struct bpf_prog_info,nr_jited_func_lens);O(struct bpf_prog_info,jited_ksyms);O(struct bpf_prog_info,jited_func_lens);O(struct bpf_prog_info,btf_id);O(struct bpf_prog_info,func_info_rec_size);O(struct bpf_prog_info,func_info);O(struct bpf_prog_info,nr_func_info);O(struct bpf_prog_info,nr_line_info);O(struct bpf_prog_info,line_info);O(struct bpf_prog_info,jited_line_info);O(struct bpf_prog_info,nr_jited_line_info);O(struct bpf_prog_info,line_info_rec_size);O(struct bpf_prog_info,jited_line_info_rec_size);O(struct bpf_prog_info,nr_prog_tags);O(struct bpf_prog_info,prog_tags);O(struct bpf_prog_info,run_time_ns);O(struct bpf_prog_info,run_cnt);O(struct bpf_prog_info,recursion_misses);O(struct bpf_prog_info,verified_insns);
 C(BPF_MAP_CREATE);C(BPF_MAP_LOOKUP_ELEM);C(BPF_MAP_UPDATE_ELEM);C(BPF_ANY);C(BPF_NOEXIST);C(BPF_EXIST);C(BPF_MAP_TYPE_HASH);C(BPF_MAP_TYPE_ARRAY);C(BPF_MAP_TYPE_PERCPU_ARRAY);C(BPF_MAP_TYPE_LRU_HASH);C(BPF_MAP_TYPE_CGROUP_ARRAY);C(BPF_MAP_TYPE_RINGBUF);
 C(BPF_RAW_TRACEPOINT_OPEN);C(BPF_OBJ_GET_INFO_BY_FD);C(BPF_PROG_TYPE_RAW_TRACEPOINT);C(BPF_RINGBUF_BUSY_BIT);C(BPF_RINGBUF_DISCARD_BIT);C(BPF_RINGBUF_HDR_SZ);
 O(struct perf_event_attr,type);O(struct perf_event_attr,size);O(struct perf_event_attr,config);O(struct perf_event_attr,sample_period);O(struct perf_event_attr,sample_type);O(struct perf_event_attr,read_format);O(struct perf_event_attr,wakeup_events);O(struct perf_event_attr,bp_type);O(struct perf_event_attr,config1);
 { struct perf_event_attr a = {0}; a.disabled = 1; unsigned long long bits; memcpy(&bits, (char *)&a + offsetof(struct perf_event_attr, read_format) + 8, 8); printf("const perf_event_attr.disabled at read_format+8\t%llu\n", bits); }
 C(PERF_ATTR_SIZE_VER0);C(PERF_TYPE_TRACEPOINT);C(PERF_FLAG_FD_CLOEXEC);C(PERF_EVENT_IOC_ENABLE);C(PERF_EVENT_IOC_SET_BPF);C(PROT_READ);C(PROT_WRITE);C(MAP_SHARED);C(ENOMEM);
 S(sigset_t); C(POSIX_SPAWN_SETSIGDEF);C(POSIX_SPAWN_SETSIGMASK);C(SIGKILL);C(SIGPIPE);C(SIGSTOP);C(SIGCHLD);C(SIG_DFL);C(SIG_IGN);
 return 0;}
