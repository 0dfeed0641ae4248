/* The record execs.c writes (see execs.c) and the execs that write to it. */
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

int record;

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

void hex_argv(char *const argv[])
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

void failed(const char *path, char *const argv[], int error)
{
    const char *name = strerrorname_np(error);
    dprintf(record, "F %d %d %d %s", getpid(), getppid(), error, name ? name : "-");
    hex(path, strlen(path));
    hex_argv(argv);
    dprintf(record, "\n");
}

void try_execve(const char *path, char *const argv[])
{
    char *envp[] = {NULL};
    execve(path, argv, envp);
    failed(path, argv, errno);
}

void try_execveat(int dir, const char *path, char *const argv[])
{
    char *envp[] = {NULL};
    syscall(SYS_execveat, dir, path, argv, envp, 0);
    failed(path, argv, errno);
}

void exec_true(char *const argv[])
{
    dprintf(record, "E %d %d", getpid(), getppid());
    hex_argv(argv);
    dprintf(record, "\n");
    execv("/bin/true", argv);
    _exit(127);
}

void wait_child(pid_t child)
{
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
}

void run_child(char *const argv[])
{
    pid_t child = fork();
    if (child == 0) {
        exec_true(argv);
    }
    wait_child(child);
}

char *in_dir(const char *dir, const char *name)
{
    char *path;
    if (asprintf(&path, "%s/%s", dir, name) < 0) {
        exit(2);
    }
    return path;
}
