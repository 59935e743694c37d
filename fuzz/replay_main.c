/*
 * replay_main.c - a main() for the fuzz targets without a fuzzing engine:
 * runs LLVMFuzzerTestOneInput once on every file named on the command
 * line, and on every regular file (sorted by name) in every directory
 * named. For gdb, valgrind and `make fuzz-regress`. Exit status 0 when
 * every input ran; a failed oracle aborts.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long ran;
static int verbose;

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t len = 0, cap = 0, n;

    if (!f) {
        perror(path);
        return 1;
    }
    do {
        if (cap - len < 65536) {
            cap = cap ? cap * 2 : 65536;
            buf = realloc(buf, cap);
            if (!buf) {
                fprintf(stderr, "%s: out of memory\n", path);
                exit(1);
            }
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
    } while (n > 0);
    fclose(f);
    if (verbose)
        fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
    /* an exact-size copy, so that reads past the end are caught */
    {
        unsigned char *exact = malloc(len ? len : 1);
        if (!exact)
            exit(1);
        memcpy(exact, buf, len);
        free(buf);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
    }
    ran++;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(const char *path)
{
    struct stat st;
    DIR *dir;
    struct dirent *de;
    char **names = NULL;
    size_t count = 0, cap = 0, i;
    int bad = 0;

    if (stat(path, &st) != 0) {
        perror(path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode))
        return run_file(path);
    dir = opendir(path);
    if (!dir) {
        perror(path);
        return 1;
    }
    while ((de = readdir(dir)) != NULL) {
        char *full;
        if (de->d_name[0] == '.')
            continue;
        full = malloc(strlen(path) + strlen(de->d_name) + 2);
        if (!full)
            exit(1);
        sprintf(full, "%s/%s", path, de->d_name);
        if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(full);
            continue;
        }
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                exit(1);
        }
        names[count++] = full;
    }
    closedir(dir);
    if (count)
        qsort(names, count, sizeof *names, by_name);
    for (i = 0; i < count; i++) {
        bad |= run_file(names[i]);
        free(names[i]);
    }
    free(names);
    return bad;
}

int main(int argc, char **argv)
{
    int i = 1, bad = 0;

    if (argc > 1 && strcmp(argv[1], "-v") == 0) {
        verbose = 1;
        i++;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: %s [-v] FILE|DIR...\n", argv[0]);
        return 2;
    }
    for (; i < argc; i++)
        bad |= run_path(argv[i]);
    fprintf(stderr, "%s: %lu inputs ran\n", argv[0], ran);
    return bad;
}
