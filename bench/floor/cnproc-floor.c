/*
 * cnproc-floor: the least a proc connector exec tracer can do, in C, to measure what the reads exectrace makes
 * cost by themselves (docs/performance.md, "The floor"). It subscribes to the proc connector, and for every exec
 * event makes the reads MODE asks for, discarding what they return; it formats and writes nothing. At the end
 * (SIGTERM) it prints its execs and its CPU per exec (getrusage), and the CPU spent in the reads alone.
 *
 * MODE bits: 1 cmdline, 2 comm, 4 readlink exe, 8 readlink cwd, 16 pidfd_open + PIDFD_GET_INFO,
 * 32 statx /proc/PID/root/etc/passwd. 0: receive only.
 * It receives every proc connector event (no kernel-side filter): fork, exec and exit each wake it.
 *
 * Build: gcc -O2 -o cnproc-floor cnproc-floor.c      Run as root: chrt -f 10 ./cnproc-floor MODE
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/cn_proc.h>
#include <linux/connector.h>
#include <linux/netlink.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* PIDFD_GET_INFO (Linux 6.13): _IOWR(PIDFS_IOCTL_MAGIC 0xFF, 11, struct pidfd_info), 64 bytes in its first version. */
#define FLOOR_PIDFD_GET_INFO _IOWR(0xFF, 11, char[64])

static volatile sig_atomic_t stop;
static char buffer[1 << 16];

static void on_signal(int signal_number) { (void)signal_number; stop = 1; }

static double thread_cpu_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static void read_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (read(fd, buffer, sizeof buffer) < 0) { /* gone: nothing to read */ }
        close(fd);
    }
}

static void read_link(const char *path)
{
    char target[4096];
    if (readlink(path, target, sizeof target) < 0) { /* gone */ }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s MODE (bits: 1 cmdline, 2 comm, 4 exe, 8 cwd, 16 pidfd info, 32 passwd statx)\n", argv[0]);
        return 2;
    }
    int mode = atoi(argv[1]);
    struct sigaction action = { .sa_handler = on_signal };
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);

    int sock = socket(PF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_CONNECTOR);
    struct sockaddr_nl address = { .nl_family = AF_NETLINK, .nl_groups = CN_IDX_PROC, .nl_pid = getpid() };
    struct timeval timeout = { .tv_sec = 0, .tv_usec = 200000 }; /* wake to see SIGTERM on an idle machine */
    setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    if (sock < 0 || bind(sock, (struct sockaddr *)&address, sizeof address) < 0) {
        perror("cnproc-floor: proc connector (needs root or CAP_NET_ADMIN)");
        return 1;
    }
    struct __attribute__((packed)) {
        struct nlmsghdr header;
        struct cn_msg message;
        enum proc_cn_mcast_op op;
    } listen;
    memset(&listen, 0, sizeof listen);
    listen.header.nlmsg_len = sizeof listen;
    listen.header.nlmsg_type = NLMSG_DONE;
    listen.header.nlmsg_pid = getpid();
    listen.message.id.idx = CN_IDX_PROC;
    listen.message.id.val = CN_VAL_PROC;
    listen.message.len = sizeof listen.op;
    listen.op = PROC_CN_MCAST_LISTEN;
    if (send(sock, &listen, sizeof listen, 0) < 0) {
        perror("cnproc-floor: subscribe");
        return 1;
    }
    fprintf(stderr, "cnproc-floor: ready\n");

    long execs = 0;
    double reads_ns = 0;
    char datagram[8192];
    char path[64];
    while (!stop) {
        ssize_t length = recv(sock, datagram, sizeof datagram, 0);
        if (length < (ssize_t)(sizeof(struct nlmsghdr) + sizeof(struct cn_msg) + sizeof(struct proc_event))) {
            continue;
        }
        struct proc_event *event = (struct proc_event *)((struct cn_msg *)NLMSG_DATA((struct nlmsghdr *)datagram))->data;
        if (event->what != PROC_EVENT_EXEC) {
            continue;
        }
        int pid = event->event_data.exec.process_tgid;
        execs++;
        double start = thread_cpu_ns();
        if (mode & 1) { snprintf(path, sizeof path, "/proc/%d/cmdline", pid); read_file(path); }
        if (mode & 2) { snprintf(path, sizeof path, "/proc/%d/comm", pid); read_file(path); }
        if (mode & 4) { snprintf(path, sizeof path, "/proc/%d/exe", pid); read_link(path); }
        if (mode & 8) { snprintf(path, sizeof path, "/proc/%d/cwd", pid); read_link(path); }
        if (mode & 16) {
            int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
            if (pidfd >= 0) {
                unsigned long long info[8] = { 0xff };
                if (ioctl(pidfd, FLOOR_PIDFD_GET_INFO, info) < 0) { /* older kernel or gone */ }
                close(pidfd);
            }
        }
        if (mode & 32) {
            struct statx status;
            snprintf(path, sizeof path, "/proc/%d/root/etc/passwd", pid);
            if (statx(AT_FDCWD, path, 0, STATX_BASIC_STATS, &status) < 0) { /* gone */ }
        }
        reads_ns += thread_cpu_ns() - start;
    }

    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    double cpu_us = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
    printf("mode %d: %ld execs, CPU %.1f us/exec, of which reads %.1f us/exec\n",
        mode, execs, execs ? cpu_us / execs : 0, execs ? reads_ns / 1000 / execs : 0);
    return 0;
}
