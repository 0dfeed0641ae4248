/* Shared by the exec shapes program's files (execs*.c): the record it writes and the execs that write to it. */
#ifndef EXECS_H
#define EXECS_H

#include <sys/types.h>

/* The record's descriptor (RECORD, opened by main). */
extern int record;

void hex_argv(char *const argv[]);
void failed(const char *path, char *const argv[], int error);
void try_execve(const char *path, char *const argv[]);
void try_execveat(int dir, const char *path, char *const argv[]);
void exec_true(char *const argv[]);
void wait_child(pid_t child);
void run_child(char *const argv[]);
char *in_dir(const char *dir, const char *name);
char **argv_of_size(const char *marker, int size);

void mode_failed(const char *dir, char *marker);
void mode_failed_many(const char *dir, char *marker, int count);
void mode_nonresident(const char *dir, char *marker);
void mode_edges(const char *dir, char *marker, int size);
void mode_sizes(char *marker, int max);
void mode_int80(char *marker);
void mode_burst(char *marker, int count);

#endif
