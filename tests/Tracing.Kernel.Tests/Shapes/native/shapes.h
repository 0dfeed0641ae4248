// Shared by the shapes program's files (see shapes.c).
#ifndef SHAPES_H
#define SHAPES_H
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char self[4096];
extern char dir[2048];
extern FILE *control;

void linger(void);
void orphaned_a_while(void);
void record(const char *format, ...) __attribute__((format(printf, 1, 2)));
void record_argv(const char *kind, pid_t pid, pid_t ppid, char *const argv[]);
void exec_recorded(char *const argv[]);
void exec_leaf(const char *code);
_Noreturn void end_recorded(int code);
void wait_for_zombie_leader(void);
pid_t fork_or_die(void);
pid_t fork_as(pid_t pid);
pid_t fork_sibling(void);
void shape(const char *name);
int run_mode(int argc, char **argv);

#endif
