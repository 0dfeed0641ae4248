/* storm: N sequential posix_spawn of /bin/true, each waited for (the storm of bench/floor/run.sh). */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

extern char **environ;

int main(int argc, char **argv)
{
    int count = argc > 1 ? atoi(argv[1]) : 3000;
    char *arguments[] = { "/bin/true", "floor-storm", NULL };
    for (int i = 0; i < count; i++) {
        pid_t pid;
        if (posix_spawn(&pid, "/bin/true", NULL, NULL, arguments, environ) != 0) {
            perror("storm: posix_spawn");
            return 1;
        }
        waitpid(pid, NULL, 0);
    }
    return 0;
}
