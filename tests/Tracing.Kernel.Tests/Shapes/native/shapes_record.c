// The shapes program's record and the process primitives its shapes are made of.
#include "shapes.h"
#include <fcntl.h>
#include <linux/sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/syscall.h>

char self[4096];
char dir[2048];
FILE *control;

// Each new image lives this long before it execs again or ends: the tracer reads argv from /proc after the exec
// event, and these tests check the process model (pids, parents, exits), not that race, which bench/ measures.
void linger(void) { usleep(30000); }

// The kernel re-parents an orphan a few microseconds before it sends its forker's EXIT: an orphan that execs within
// them is reported with its forker (docs/architecture.md says so). These shapes are about orphans that exec later.
void orphaned_a_while(void) { usleep(20000); }

void record(const char *format, ...)
{
    char line[8192];
    va_list args;
    va_start(args, format);
    int length = vsnprintf(line, sizeof line, format, args);
    va_end(args);
    const char *path = getenv("SHAPE_RECORD");
    if (!path) return; // run on its own (exectrace -- shapes thread-exec CODE): nothing to write down
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, line, (size_t)length) != length) { perror("record"); _exit(120); }
    close(fd);
}

void record_argv(const char *kind, pid_t pid, pid_t ppid, char *const argv[])
{
    char line[4096];
    int at = snprintf(line, sizeof line, "%s\t%d\t%d", kind, pid, ppid);
    for (int i = 0; argv[i]; i++) at += snprintf(line + at, sizeof line - at, "\t%s", argv[i]);
    record("%s\n", line);
}

// Records the exec about to happen (getpid() is the process's id in any thread), then makes it.
void exec_recorded(char *const argv[])
{
    record_argv("exec", getpid(), getppid(), argv);
    execv(argv[0], argv);
    perror("execv");
    _exit(121);
}

void exec_leaf(const char *code)
{
    char *argv[] = { self, "leaf", (char *)code, NULL };
    exec_recorded(argv);
}

_Noreturn void end_recorded(int code)
{
    record("exit\t%d\t%d\n", getpid(), code);
    exit(code);
}

static char leader_state(pid_t pid)
{
    char path[64], text[512];
    snprintf(path, sizeof path, "/proc/%d/task/%d/stat", pid, pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
    if (fd >= 0) close(fd);
    if (n <= 0) return '?';
    text[n] = 0;
    char *paren = strrchr(text, ')');
    return paren && paren[1] ? paren[2] : '?';
}

void wait_for_zombie_leader(void)
{
    while (leader_state(getpid()) != 'Z') usleep(500);
}

pid_t fork_or_die(void)
{
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); exit(122); }
    return pid;
}

// fork() whose child is the caller's sibling: clone(CLONE_PARENT) gives it the caller's parent (and exit signal).
pid_t fork_sibling(void)
{
    struct clone_args args = { .flags = CLONE_PARENT };
    long child = syscall(SYS_clone3, &args, sizeof args);
    if (child < 0) { perror("clone3 CLONE_PARENT"); exit(123); }
    return (pid_t)child;
}

// fork() that must give the child exactly this pid (clone3 with set_tid: root in the pid namespace).
pid_t fork_as(pid_t pid)
{
    pid_t tid = pid;
    struct clone_args args = { .exit_signal = SIGCHLD, .set_tid = (uint64_t)(uintptr_t)&tid, .set_tid_size = 1 };
    for (int attempt = 0; attempt < 200; attempt++) {
        long child = syscall(SYS_clone3, &args, sizeof args);
        if (child >= 0) return (pid_t)child;
        if (errno != EEXIST) break;
        usleep(5000);
    }
    perror("clone3 set_tid");
    exit(123);
}

