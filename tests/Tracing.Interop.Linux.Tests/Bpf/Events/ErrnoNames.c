/* Prints glibc's strerrorname_np(n) for n = 1..argv[1], one "n<TAB>name" line each; "-" where glibc gives NULL. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    int highest = argc > 1 ? atoi(argv[1]) : 0;
    for (int n = 1; n <= highest; n++) {
        const char *name = strerrorname_np(n);
        printf("%d\t%s\n", n, name ? name : "-");
    }
    return 0;
}
