/*
 * Exec shapes (execs.c: main and the exec shapes; execs_failed.c: the failed ones; execs_record.c: the record) for the eBPF source's kernel tests: each mode does its execs and writes down what it did, so the kernel
 * is the oracle. Usage: execs MODE RECORD DIR MARKER [N]. RECORD gets one line per fact, bytes in hex:
 *   F pid ppid errno errname pathhex argvhex   a failed exec (argv as NUL-terminated arguments)
 *   E pid ppid argvhex                         a successful exec
 *   P name value                               a premise the test checks (1 = holds)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "execs.h"

/* argv of `size` bytes in all (NUL-terminated arguments), for /bin/true. */
char **argv_of_size(const char *marker, int size)
{
    static char storage[2][8192];
    static int which;
    char *bytes = storage[which++];
    int head = snprintf(bytes, 8192, "/bin/true%c%s", 0, marker) + 1;
    int rest = size - head;
    char **argv = calloc(4, sizeof(char *));
    argv[0] = bytes;
    argv[1] = bytes + strlen("/bin/true") + 1;
    if (rest > 0) {
        argv[2] = bytes + head;
        memset(argv[2], 'a' + (size % 26), rest - 1);
        argv[2][rest - 1] = 0;
    }
    return argv;
}

void mode_sizes(char *marker, int max)
{
    run_child(argv_of_size(marker, max + 40));
    run_child(argv_of_size(marker, max));
}

/* execve through the 32-bit system call (int $0x80, eax 11) from this 64-bit program, all of it below 4 GiB. */
void mode_int80(char *marker)
{
    char *low = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
    if (low == MAP_FAILED) {
        exit(2);
    }
    char *path = low;
    strcpy(path, "/bin/true");
    char *arg1 = path + 16;
    snprintf(arg1, 200, "int80-%s", marker);
    uint32_t *argv32 = (uint32_t *)(low + 256);
    argv32[0] = (uint32_t)(uintptr_t)path;
    argv32[1] = (uint32_t)(uintptr_t)arg1;
    argv32[2] = 0;
    uint32_t *envp32 = argv32 + 3;
    envp32[0] = 0;
    pid_t child = fork();
    if (child == 0) {
        char *argv[] = {path, arg1, NULL};
        dprintf(record, "E %d %d", getpid(), getppid());
        hex_argv(argv);
        dprintf(record, "\n");
        long result;
        __asm__ volatile("int $0x80"
                         : "=a"(result)
                         : "a"(11), "b"((uint32_t)(uintptr_t)path), "c"((uint32_t)(uintptr_t)argv32), "d"((uint32_t)(uintptr_t)envp32)
                         : "memory");
        dprintf(record, "P int80-exec 0 %ld\n", result);
        _exit(127);
    }
    wait_child(child);
}

/* `count` children, each execs /bin/true with the marker: the burst a held reader loses part of. */
void mode_burst(char *marker, int count)
{
    for (int i = 0; i < count; i++) {
        pid_t child = fork();
        if (child == 0) {
            execv("/bin/true", (char *[]){"/bin/true", marker, NULL});
            _exit(127);
        }
        wait_child(child);
    }
    dprintf(record, "P burst %d\n", count);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: execs MODE RECORD DIR MARKER [N]\n");
        return 2;
    }
    const char *mode = argv[1], *dir = argv[3];
    char *marker = argv[4];
    int n = argc > 5 ? atoi(argv[5]) : 0;
    record = open(argv[2], O_CREAT | O_WRONLY | O_APPEND | O_TRUNC | O_CLOEXEC, 0644);
    if (record < 0) {
        return 2;
    }
    if (strcmp(mode, "failed") == 0) {
        mode_failed(dir, marker);
    } else if (strcmp(mode, "failed-many") == 0) {
        mode_failed_many(dir, marker, n);
    } else if (strcmp(mode, "sizes") == 0) {
        mode_sizes(marker, n);
    } else if (strcmp(mode, "nonresident") == 0) {
        mode_nonresident(dir, marker);
    } else if (strcmp(mode, "int80") == 0) {
        mode_int80(marker);
    } else if (strcmp(mode, "edges") == 0) {
        mode_edges(dir, marker, n);
    } else if (strcmp(mode, "burst") == 0) {
        mode_burst(marker, n);
    } else {
        return 2;
    }
    return 0;
}
