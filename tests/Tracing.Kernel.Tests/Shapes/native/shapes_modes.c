// The images a shape's processes exec into (shapes MODE ...): each lingers, then does its part and ends.
#include "shapes.h"
#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>

extern char **environ;
void *exec_from_thread(void *arg);

static void *end_after_leader(void *arg) { wait_for_zombie_leader(); end_recorded(atoi(arg)); }
static void *short_thread(void *arg) { usleep(1000 + 100 * (int)(intptr_t)arg); return NULL; }

// A copy of this program whose last PT_LOAD asks for more memory than there is: exec'ing it fails after the point of
// no return (the old image is gone), and the kernel kills the process with SIGSEGV.
static int broken_image(void)
{
    int image = open("/proc/self/exe", O_RDONLY | O_CLOEXEC), memfd = memfd_create("shape-broken", MFD_CLOEXEC);
    struct stat st;
    fstat(image, &st);
    for (off_t at = 0; at < st.st_size;) if (sendfile(memfd, image, &at, (size_t)(st.st_size - at)) <= 0) _exit(124);
    Elf64_Ehdr header;
    if (pread(memfd, &header, sizeof header, 0) != sizeof header) _exit(124);
    off_t last = -1;
    for (int i = 0; i < header.e_phnum; i++) {
        Elf64_Phdr program;
        off_t at = (off_t)(header.e_phoff + (uint64_t)i * header.e_phentsize);
        if (pread(memfd, &program, sizeof program, at) == sizeof program && program.p_type == PT_LOAD) last = at;
    }
    Elf64_Phdr program;
    if (last < 0 || pread(memfd, &program, sizeof program, last) != sizeof program) _exit(124);
    program.p_memsz = 0x7ffffffff000;
    if (pwrite(memfd, &program, sizeof program, last) != sizeof program) _exit(124);
    return memfd;
}

static int broken;
static void *exec_broken(void *arg)
{
    (void)arg;
    char *argv[] = { "shape-broken", NULL };
    record("noexec\t%d\t%s\n", getpid(), argv[0]);
    fexecve(broken, argv, environ);
    _exit(121);
}

static int gate;
static void *exec_release(void *arg)
{
    (void)arg;
    char fd[16];
    snprintf(fd, sizeof fd, "%d", gate);
    char *argv[] = { self, "release", fd, NULL };
    exec_recorded(argv);
    return NULL;
}

static void *fork_then_end(void *arg)
{
    (void)arg;
    // The leader is gone: this thread forks, and the process ends (exit_group) while the child lives on.
    wait_for_zombie_leader();
    pid_t forker = getpid();
    if (fork_or_die() == 0) {
        while (getppid() == forker || kill(forker, 0) == 0) usleep(500);
        orphaned_a_while();
        exec_leaf("17");
    }
    end_recorded(16);
}

int run_mode(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    if (!strcmp(mode, "leaf") && argc == 3) { linger(); end_recorded(atoi(argv[2])); }
    if (!strcmp(mode, "sentinel") && argc == 2) { linger(); return 0; }
    // A helper made with clone(CLONE_PARENT), left to end after its maker (the CLI's -f test): shapes clone-parent CODE.
    if (!strcmp(mode, "clone-parent") && argc == 3) { if (fork_sibling() == 0) exec_leaf(argv[2]); return 0; }
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
            char *leaf[] = { "/bin/sh", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; exit 16", NULL };
            record_argv("outside", getpid(), getppid(), leaf);
            execv(leaf[0], leaf);
            _exit(121);
        }
        int status;
        pid_t child = wait(&status);
        record("outside-exit\t%d\t%d\n", child, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return 0;
    }
    if (!strcmp(mode, "badexec") && argc == 2) {
        linger();
        struct rlimit none = { 0, 0 };
        setrlimit(RLIMIT_CORE, &none);
        broken = broken_image();
        pthread_t t;
        pthread_create(&t, NULL, exec_broken, NULL);
        for (;;) pause();
    }
    if (!strcmp(mode, "leaderless-forker") && argc == 2) { linger(); pthread_t t; pthread_create(&t, NULL, fork_then_end, NULL); pthread_exit(NULL); }
    if (!strcmp(mode, "dethread-parent") && argc == 2) {
        // Children wait on a pipe; another thread execs the image that releases them: their forker lives on under it.
        linger();
        int pipe_fds[2];
        if (pipe(pipe_fds) != 0) _exit(126);
        for (int i = 0; i < 3; i++) {
            if (fork_or_die() == 0) {
                close(pipe_fds[1]);
                char byte;
                while (read(pipe_fds[0], &byte, 1) > 0 || errno == EINTR) { }
                exec_leaf("18");
            }
        }
        close(pipe_fds[0]);
        gate = pipe_fds[1];
        pthread_t t;
        pthread_create(&t, NULL, exec_release, NULL);
        for (;;) pause();
    }
    if (!strcmp(mode, "release") && argc == 3) {
        linger();
        close(atoi(argv[2]));
        while (wait(NULL) > 0 || errno == EINTR) { }
        end_recorded(19);
    }
    return -1;
}
