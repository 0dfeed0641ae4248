/*
 * Exec shapes for the eBPF source's kernel tests: each mode does its execs and writes down what it did, so the kernel
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

static int record;

static void hex(const char *bytes, size_t length)
{
    if (length == 0) {
        dprintf(record, " -");
        return;
    }
    dprintf(record, " ");
    for (size_t i = 0; i < length; i++) {
        dprintf(record, "%02x", (unsigned char)bytes[i]);
    }
}

static void hex_argv(char *const argv[])
{
    char buffer[65536];
    size_t used = 0;
    for (int i = 0; argv[i] != NULL; i++) {
        size_t length = strlen(argv[i]) + 1;
        memcpy(buffer + used, argv[i], length);
        used += length;
    }
    hex(buffer, used);
}

static void failed(const char *path, char *const argv[], int error)
{
    const char *name = strerrorname_np(error);
    dprintf(record, "F %d %d %d %s", getpid(), getppid(), error, name ? name : "-");
    hex(path, strlen(path));
    hex_argv(argv);
    dprintf(record, "\n");
}

static void try_execve(const char *path, char *const argv[])
{
    char *envp[] = {NULL};
    execve(path, argv, envp);
    failed(path, argv, errno);
}

static void try_execveat(int dir, const char *path, char *const argv[])
{
    char *envp[] = {NULL};
    syscall(SYS_execveat, dir, path, argv, envp, 0);
    failed(path, argv, errno);
}

static void exec_true(char *const argv[])
{
    dprintf(record, "E %d %d", getpid(), getppid());
    hex_argv(argv);
    dprintf(record, "\n");
    execv("/bin/true", argv);
    _exit(127);
}

static void wait_child(pid_t child)
{
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
}

static void run_child(char *const argv[])
{
    pid_t child = fork();
    if (child == 0) {
        exec_true(argv);
    }
    wait_child(child);
}

static char *in_dir(const char *dir, const char *name)
{
    char *path;
    if (asprintf(&path, "%s/%s", dir, name) < 0) {
        exit(2);
    }
    return path;
}

/* Missing, not executable, a directory, by execve and execveat; argv with bytes that are not UTF-8 and an empty one. */
static void mode_failed(const char *dir, char *marker)
{
    char *plain = in_dir(dir, "plain");
    int fd = open(plain, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd < 0 || write(fd, "#!/bin/sh\n", 10) != 10 || close(fd) != 0) {
        exit(2);
    }
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY);
    char *missing = in_dir(dir, "missing-\xff\xfe");
    char *argv[] = {"missing", "\xff\xfe-not-utf8", "", marker, NULL};
    try_execve(missing, argv);
    try_execve(plain, (char *[]){"plain", "", "x", NULL});
    try_execve(dir, (char *[]){"dir", marker, NULL});
    try_execveat(dirfd, "missing-at", (char *[]){"at", "\x80", "", NULL});
    try_execveat(dirfd, "plain", (char *[]){"plain-at", marker, NULL});
    exec_true((char *[]){"/bin/true", "after-failures", marker, NULL});
}

/* A failed exec with more arguments than the source reads (N): all of them written down. */
static void mode_failed_many(const char *dir, char *marker, int count)
{
    char **argv = calloc(count + 4, sizeof(char *));
    for (int i = 0; i < count + 3; i++) {
        if (asprintf(&argv[i], "arg-%d-%s", i, marker) < 0) {
            exit(2);
        }
    }
    try_execve(in_dir(dir, "missing-many"), argv);
    exec_true((char *[]){"/bin/true", "after-many", marker, NULL});
}

/* argv of `size` bytes in all (NUL-terminated arguments), for /bin/true. */
static char **argv_of_size(const char *marker, int size)
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

static void mode_sizes(char *marker, int max)
{
    run_child(argv_of_size(marker, max + 40));
    run_child(argv_of_size(marker, max));
}

/* Whether the page holding `address` is mapped in this process's page table (/proc/self/pagemap bit 63). */
static int page_present(const void *address)
{
    uint64_t entry = 0;
    int fd = open("/proc/self/pagemap", O_RDONLY);
    off_t offset = (off_t)((uintptr_t)address / (uintptr_t)getpagesize()) * 8;
    if (fd < 0 || pread(fd, &entry, 8, offset) != 8) {
        exit(3);
    }
    close(fd);
    return (int)(entry >> 63);
}

/* A failed exec whose argv strings lie in a private file mapping never touched: no page-table entry to read. */
static void mode_nonresident(const char *dir, char *marker)
{
    char *file = in_dir(dir, "argv-strings");
    long page = getpagesize();
    char content[4096];
    int length = snprintf(content, sizeof content, "unread%c%s", 0, marker) + 1;
    int fd = open(file, O_CREAT | O_RDWR | O_TRUNC, 0644);
    if (fd < 0 || write(fd, content, length) != length) {
        exit(2);
    }
    char *strings = mmap(NULL, page, PROT_READ, MAP_PRIVATE, fd, 0);
    if (strings == MAP_FAILED) {
        exit(2);
    }
    char *argv[] = {strings, strings + strlen("unread") + 1, NULL};
    dprintf(record, "P absent-before %d\n", !page_present(strings));
    char *path = in_dir(dir, "missing-nonresident");
    char *envp[] = {NULL};
    execve(path, argv, envp);
    int error = errno;
    dprintf(record, "P absent-after %d\n", !page_present(strings));
    /* Touches the strings only now, to write them down. */
    failed(path, argv, error);
    exec_true((char *[]){"/bin/true", "after-nonresident", marker, NULL});
}

/* execve through the 32-bit system call (int $0x80, eax 11) from this 64-bit program, all of it below 4 GiB. */
static void mode_int80(char *marker)
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

static const char *thread_dir;

static void *fail_in_thread(void *marker)
{
    try_execve(in_dir(thread_dir, "missing-from-thread"), (char *[]){"thread", marker, NULL});
    return NULL;
}

/* A failed exec whose argv is exactly `size` bytes (the source's limit), one from a second thread, one a byte over. */
static void mode_edges(const char *dir, char *marker, int size)
{
    char **argv = argv_of_size(marker, size);
    try_execve(in_dir(dir, "missing-fitting"), argv);
    thread_dir = dir;
    pthread_t thread;
    if (pthread_create(&thread, NULL, fail_in_thread, marker) != 0 || pthread_join(thread, NULL) != 0) {
        exit(2);
    }
    try_execve(in_dir(dir, "missing-over"), argv_of_size(marker, size + 1));
    exec_true((char *[]){"/bin/true", "after-edges", marker, NULL});
}

/* `count` children, each execs /bin/true with the marker: the burst a held reader loses part of. */
static void mode_burst(char *marker, int count)
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
