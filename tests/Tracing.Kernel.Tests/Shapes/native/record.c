// The fixture recorder: subscribes to the proc connector (PROC_CN_MCAST_LISTEN, no filter), runs a command, and saves
// every datagram exactly as recv() returned it, in arrival order, until the command's own EXIT has arrived and the
// socket is drained: OUTDIR/feed/NNNN-KIND.bin. Events of unrelated processes are kept: replays must leave them out.
//   record OUTDIR -- COMMAND [ARGS...]     (root; see tests/fixtures/cn_proc/shapes/README.md)
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/connector.h>
#include <linux/netlink.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *kind(uint32_t what)
{
    switch (what) {
    case 0x0: return "none"; case 0x1: return "fork"; case 0x2: return "exec"; case 0x4: return "uid";
    case 0x40: return "gid"; case 0x80: return "sid"; case 0x100: return "ptrace"; case 0x200: return "comm";
    case 0x40000000: return "coredump"; case 0x80000000u: return "exit"; default: return "unknown";
    }
}

int main(int argc, char **argv)
{
    if (argc < 4 || strcmp(argv[2], "--")) { fprintf(stderr, "usage: record OUTDIR -- COMMAND [ARGS...]\n"); return 2; }
    char path[4096];
    snprintf(path, sizeof path, "%s/feed", argv[1]);
    mkdir(argv[1], 0755);
    if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); return 1; }

    int sock = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_CONNECTOR);
    int size = 64 << 20;
    setsockopt(sock, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size);
    struct sockaddr_nl address = { .nl_family = AF_NETLINK, .nl_groups = CN_IDX_PROC };
    if (sock < 0 || bind(sock, (struct sockaddr *)&address, sizeof address) != 0) { perror("netlink"); return 1; }
    struct { struct nlmsghdr header; struct cn_msg message; uint32_t op; } __attribute__((packed)) listen = {
        .header = { .nlmsg_len = sizeof listen, .nlmsg_type = NLMSG_DONE },
        .message = { .id = { .idx = CN_IDX_PROC, .val = CN_VAL_PROC }, .len = sizeof(uint32_t) },
        .op = 1, // PROC_CN_MCAST_LISTEN
    };
    if (send(sock, &listen, sizeof listen, 0) != sizeof listen) { perror("subscribe"); return 1; }

    pid_t child = fork();
    if (child == 0) { execvp(argv[3], argv + 3); perror(argv[3]); _exit(127); }

    static uint8_t buffer[1 << 16];
    int count = 0, child_exited = 0, status = 0;
    for (;;) {
        struct pollfd poller = { .fd = sock, .events = POLLIN };
        // Once the command's EXIT is in, a quiet half second means the socket is drained.
        int ready = poll(&poller, 1, child_exited ? 500 : 20000);
        if (ready == 0) break;
        ssize_t length = recv(sock, buffer, sizeof buffer, 0);
        if (length < 0) { if (errno == EINTR) continue; perror("recv"); return 1; }
        uint32_t what = length >= 40 ? *(uint32_t *)(buffer + 36) : 0xffffffffu;
        snprintf(path, sizeof path, "%s/feed/%04d-%s.bin", argv[1], count++, kind(what));
        FILE *file = fopen(path, "wb");
        fwrite(buffer, 1, (size_t)length, file);
        fclose(file);
        // An EXIT (what at 36) of the command itself (process_pid at 52, process_tgid at 56).
        if (what == 0x80000000u && length >= 60 && *(int32_t *)(buffer + 52) == child && *(int32_t *)(buffer + 56) == child) child_exited = 1;
    }

    waitpid(child, &status, 0);
    fprintf(stderr, "record: %d datagrams, the command exited with %d\n", count, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
