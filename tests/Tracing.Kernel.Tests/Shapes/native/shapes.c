// Process shapes for the kernel tests. Each shape makes processes the way real programs do (threads that exec, a
// leader that calls pthread_exit, daemons, subreapers, exec chains, scripts, memfds, reused pids) and writes down
// what it did: every exec's pid, parent (getppid() right before the call) and the argv the new image will have, and
// the code each process ends with. The test compares the tracer's report with that record, line for line.
//
// Record lines (tab-separated, appended to $SHAPE_RECORD, one write each):
//   ready PID | exec PID PPID ARGV... | exit PID CODE | noexec PID PATH | done PID
//   reuse PID (an outsider must take that pid now) | outside PID PPID ARGV... | outside-exit PID CODE
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
static char self[4096];
static char dir[2048];
static FILE *control;

// Each new image lives this long before it execs again or ends: the tracer reads argv from /proc after the exec
// event, and these tests check the process model (pids, parents, exits), not that race, which bench/ measures.
static void linger(void) { usleep(30000); }

static void record(const char *format, ...)
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

static void record_argv(const char *kind, pid_t pid, pid_t ppid, char *const argv[])
{
    char line[4096];
    int at = snprintf(line, sizeof line, "%s\t%d\t%d", kind, pid, ppid);
    for (int i = 0; argv[i]; i++) at += snprintf(line + at, sizeof line - at, "\t%s", argv[i]);
    record("%s\n", line);
}

// Records the exec about to happen (getpid() is the process's id in any thread), then makes it.
static void exec_recorded(char *const argv[])
{
    record_argv("exec", getpid(), getppid(), argv);
    execv(argv[0], argv);
    perror("execv");
    _exit(121);
}

static void exec_leaf(const char *code)
{
    char *argv[] = { self, "leaf", (char *)code, NULL };
    exec_recorded(argv);
}

static _Noreturn void end_recorded(int code)
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

static void wait_for_zombie_leader(void)
{
    while (leader_state(getpid()) != 'Z') usleep(500);
}

static void *exec_from_thread(void *arg) { exec_leaf(arg); return NULL; }
static void *exec_after_leader(void *arg) { wait_for_zombie_leader(); exec_leaf(arg); return NULL; }
static void *end_after_leader(void *arg) { wait_for_zombie_leader(); end_recorded(atoi(arg)); }
static void *short_thread(void *arg) { usleep(1000 + 100 * (int)(intptr_t)arg); return NULL; }

static pid_t fork_or_die(void)
{
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); exit(122); }
    return pid;
}

// fork() that must give the child exactly this pid (clone3 with set_tid: root in the pid namespace).
static pid_t fork_as(pid_t pid)
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

static void shape(const char *name)
{
    pid_t driver = getpid();
    if (!strcmp(name, "thread-exec")) {
        if (fork_or_die() == 0) { pthread_t t; pthread_create(&t, NULL, exec_from_thread, "3"); for (;;) pause(); }
    } else if (!strcmp(name, "thread-exec-after-leader-exit")) {
        if (fork_or_die() == 0) { pthread_t t; pthread_create(&t, NULL, exec_after_leader, "4"); pthread_exit(NULL); }
    } else if (!strcmp(name, "leader-pthread-exit")) {
        if (fork_or_die() == 0) { char *argv[] = { self, "pexit", "5", NULL }; exec_recorded(argv); }
    } else if (!strcmp(name, "setsid-double-fork-daemon")) {
        if (fork_or_die() == 0) {
            setsid();
            pid_t middle = getpid();
            if (fork_or_die() == 0) {
                while (getppid() == middle || kill(middle, 0) == 0) usleep(500);
                exec_leaf("6");
            }
            _exit(0);
        }
    } else if (!strcmp(name, "subreaper-orphan")) {
        if (fork_or_die() == 0) {
            prctl(PR_SET_CHILD_SUBREAPER, 1);
            pid_t reaper = getpid();
            if (fork_or_die() == 0) {
                pid_t middle = getpid();
                if (fork_or_die() == 0) {
                    while (getppid() != reaper) usleep(500);
                    (void)middle;
                    exec_leaf("7");
                }
                _exit(0);
            }
            while (wait(NULL) > 0 || errno == EINTR) { }
            _exit(0);
        }
    } else if (!strcmp(name, "exec-chain")) {
        if (fork_or_die() == 0) { char *argv[] = { self, "chain", "3", NULL }; exec_recorded(argv); }
    } else if (!strcmp(name, "shebang-script")) {
        char script[2400];
        snprintf(script, sizeof script, "%s/shape-script", dir);
        FILE *file = fopen(script, "w");
        // Lingers with the shell's own arithmetic: a sleep would be one more exec.
        fputs("#!/bin/sh\ni=0; while [ $i -lt 3000 ]; do i=$((i+1)); done\n"
              "printf 'exit\\t%s\\t9\\n' $$ >>\"$SHAPE_RECORD\"\nexit 9\n", file);
        fclose(file);
        chmod(script, 0755);
        if (fork_or_die() == 0) {
            char *seen[] = { "/bin/sh", script, "an argument", NULL };
            record_argv("exec", getpid(), getppid(), seen);
            char *argv[] = { script, "an argument", NULL };
            execv(script, argv);
            _exit(121);
        }
    } else if (!strcmp(name, "memfd-fexecve")) {
        if (fork_or_die() == 0) {
            int image = open("/proc/self/exe", O_RDONLY | O_CLOEXEC), memfd = memfd_create("shape-memfd", MFD_CLOEXEC);
            struct stat st;
            fstat(image, &st);
            for (off_t at = 0; at < st.st_size;) if (sendfile(memfd, image, &at, (size_t)(st.st_size - at)) <= 0) _exit(124);
            char *argv[] = { "shape-memfd", "leaf", "10", NULL };
            record_argv("exec", getpid(), getppid(), argv);
            fexecve(memfd, argv, environ);
            _exit(121);
        }
    } else if (!strcmp(name, "failed-exec")) {
        if (fork_or_die() == 0) {
            char *argv[] = { "/nonexistent/shape-program", NULL };
            record("noexec\t%d\t%s\n", getpid(), argv[0]);
            execv(argv[0], argv);
            exec_leaf("11");
        }
    } else if (!strcmp(name, "threads-come-and-go")) {
        if (fork_or_die() == 0) { char *argv[] = { self, "threads", "12", NULL }; exec_recorded(argv); }
    } else if (!strcmp(name, "pid-reused-inside")) {
        pid_t first = fork_or_die();
        if (first == 0) exec_leaf("13");
        waitpid(first, NULL, 0);
        if (fork_as(first) == 0) exec_leaf("14");
    } else if (!strcmp(name, "pid-reused-outside")) {
        pid_t first = fork_or_die();
        if (first == 0) exec_leaf("15");
        waitpid(first, NULL, 0);
        record("reuse\t%d\n", first);
        char line[64];
        if (!control || !fgets(line, sizeof line, control) || strcmp(line, "reused\n")) exit(125);
    } else {
        fprintf(stderr, "unknown shape %s\n", name);
        exit(2);
    }
    (void)driver;
}

int main(int argc, char **argv)
{
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    self[n > 0 ? n : 0] = 0;
    const char *mode = argc > 1 ? argv[1] : "";
    if (!strcmp(mode, "leaf") && argc == 3) { linger(); end_recorded(atoi(argv[2])); }
    if (!strcmp(mode, "sentinel") && argc == 2) { linger(); return 0; }
    if (!strcmp(mode, "thread-exec") && argc == 3) { linger(); pthread_t t; pthread_create(&t, NULL, exec_from_thread, argv[2]); for (;;) pause(); }
    if (!strcmp(mode, "chain") && argc == 3) {
        linger();
        if (atoi(argv[2]) == 0) exec_leaf("8");
        char next[16];
        snprintf(next, sizeof next, "%d", atoi(argv[2]) - 1);
        char *chain[] = { self, "chain", next, NULL };
        exec_recorded(chain);
    }
    if (!strcmp(mode, "pexit") && argc == 3) { linger(); pthread_t t; pthread_create(&t, NULL, end_after_leader, argv[2]); pthread_exit(NULL); }
    if (!strcmp(mode, "threads") && argc == 3) {
        linger();
        pthread_t threads[16];
        for (int i = 0; i < 16; i++) pthread_create(&threads[i], NULL, short_thread, (void *)(intptr_t)i);
        for (int i = 0; i < 16; i++) pthread_join(threads[i], NULL);
        end_recorded(atoi(argv[2]));
    }
    if (!strcmp(mode, "burst") && (argc == 3 || argc == 4)) {
        // Processes that fork and end at once (or exec /bin/true: "burst N exec"), as fast as possible: more events
        // than a held receiver's queue holds.
        for (int i = atoi(argv[2]); i > 0; i--) {
            pid_t child = fork_or_die();
            if (child == 0 && argc == 4) execl("/bin/true", "/bin/true", (char *)NULL);
            if (child == 0) _exit(0);
            waitpid(child, NULL, 0);
        }
        return 0;
    }
    if (!strcmp(mode, "outside") && argc == 3) {
        // Outside the traced tree: takes the pid a traced process had, and execs.
        if (fork_as(atoi(argv[2])) == 0) {
            char *leaf[] = { "/bin/sh", "-c", "i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; exit 16", NULL };
            record_argv("outside", getpid(), getppid(), leaf);
            execv(leaf[0], leaf);
            _exit(121);
        }
        int status;
        pid_t child = wait(&status);
        record("outside-exit\t%d\t%d\n", child, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return 0;
    }
    if (!strcmp(mode, "driver") && argc == 4) {
        // The shape's top process: it waits for "go", runs the shape, waits until every process of it has ended
        // (each holds the life pipe until it exits), says "done", and on "end" execs the sentinel.
        snprintf(dir, sizeof dir, "%s", argv[2]);
        char path[2400];
        snprintf(path, sizeof path, "%s/record", dir);
        setenv("SHAPE_RECORD", path, 1);
        // With SHAPE_AUTO set (the fixture recorder), nothing to wait for: the shape runs at once, the sentinel after it.
        int automatic = getenv("SHAPE_AUTO") != NULL;
        snprintf(path, sizeof path, "%s/control", dir);
        if (!automatic && mkfifo(path, 0600) != 0 && errno != EEXIST) { perror("mkfifo"); return 126; }
        record("ready\t%d\n", getpid());
        control = automatic ? NULL : fopen(path, "r");
        char line[64];
        if (!automatic && (!control || !fgets(line, sizeof line, control) || strcmp(line, "go\n"))) return 127;
        int life[2];
        if (pipe(life) != 0) return 126;
        shape(argv[3]);
        close(life[1]);
        while (wait(NULL) > 0 || errno == EINTR) { }
        char byte;
        while (read(life[0], &byte, 1) > 0 || errno == EINTR) { }
        record("done\t%d\n", getpid());
        if (!automatic && (!fgets(line, sizeof line, control) || strcmp(line, "end\n"))) return 127;
        char *sentinel[] = { self, "sentinel", NULL };
        exec_recorded(sentinel);
    }
    fprintf(stderr, "usage: shapes driver DIR SHAPE | thread-exec CODE | leaf CODE | chain N | pexit CODE | threads CODE | outside PID | burst N [exec]\n");
    return 2;
}
