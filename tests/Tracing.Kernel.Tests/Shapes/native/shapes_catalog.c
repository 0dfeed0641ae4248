// The shapes: each makes processes the way real programs do and writes down what it did (see shapes.c).
#include "shapes.h"
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>

extern char **environ;

void *exec_from_thread(void *arg) { exec_leaf(arg); return NULL; }
static void *exec_after_leader(void *arg) { wait_for_zombie_leader(); exec_leaf(arg); return NULL; }

void shape(const char *name)
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
                orphaned_a_while();
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
                    orphaned_a_while();
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
        // Lingers (~30 ms) with the shell's own arithmetic: a sleep would be one more exec.
        fputs("#!/bin/sh\ni=0; while [ $i -lt 20000 ]; do i=$((i+1)); done\n"
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
    } else if (!strcmp(name, "thread-exec-dies-after-point-of-no-return")) {
        pid_t child = fork_or_die();
        if (child == 0) { char *argv[] = { self, "badexec", NULL }; exec_recorded(argv); }
        int status;
        waitpid(child, &status, 0);
        record("killed\t%d\t%d\n", child, WIFSIGNALED(status) ? WTERMSIG(status) : -1);
    } else if (!strcmp(name, "orphan-of-a-leaderless-forker")) {
        if (fork_or_die() == 0) { char *argv[] = { self, "leaderless-forker", NULL }; exec_recorded(argv); }
    } else if (!strcmp(name, "clone-parent-helper")) {
        // The helper is the driver's sibling: the kernel, and getppid() in it, name the driver's parent.
        if (fork_sibling() == 0) {
            char *argv[] = { self, "leaf", "18", NULL };
            record_argv("sibling", getpid(), getppid(), argv);
            execv(self, argv);
            _exit(121);
        }
    } else if (!strcmp(name, "children-of-a-thread-exec")) {
        if (fork_or_die() == 0) { char *argv[] = { self, "dethread-parent", NULL }; exec_recorded(argv); }
    } else {
        fprintf(stderr, "unknown shape %s\n", name);
        exit(2);
    }
    (void)driver;
}

