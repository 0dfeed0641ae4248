/* The failed-exec shapes. */
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

/* Missing, not executable, a directory, by execve and execveat; argv with bytes that are not UTF-8 and an empty one. */
void mode_failed(const char *dir, char *marker)
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
void mode_failed_many(const char *dir, char *marker, int count)
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
void mode_nonresident(const char *dir, char *marker)
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

static const char *thread_dir;

static void *fail_in_thread(void *marker)
{
    try_execve(in_dir(thread_dir, "missing-from-thread"), (char *[]){"thread", marker, NULL});
    return NULL;
}

/* A failed exec whose argv is exactly `size` bytes (the source's limit), one from a second thread, one a byte over. */
void mode_edges(const char *dir, char *marker, int size)
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
