// Process shapes for the kernel tests. Each shape makes processes the way real programs do (threads that exec, a
// leader that calls pthread_exit, daemons, subreapers, exec chains, scripts, memfds, reused pids) and writes down
// what it did: every exec's pid, parent (getppid() right before the call) and the argv the new image will have, and
// the code each process ends with. The test compares the tracer's report with that record, line for line.
//
// Record lines (tab-separated, appended to $SHAPE_RECORD, one write each):
//   ready PID | exec PID PPID ARGV... | exit PID CODE | noexec PID PATH | done PID
//   reuse PID (an outsider must take that pid now) | outside PID PPID ARGV... | outside-exit PID CODE
//   sibling PID PPID ARGV... (an exec of the driver's clone(CLONE_PARENT) helper)
#include "shapes.h"
#include <sys/stat.h>

int main(int argc, char **argv)
{
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    self[n > 0 ? n : 0] = 0;
    const char *mode = argc > 1 ? argv[1] : "";
    int code = run_mode(argc, argv);
    if (code >= 0) return code;
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
