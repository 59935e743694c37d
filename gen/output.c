/*
 * output.c - text buffers, and writing generated files safely.
 */
#include "output.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast.h"

void hc_buf_free(hc_buf *buf)
{
    free(buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

static void reserve(hc_buf *buf, size_t more)
{
    size_t cap;
    char *grown;

    if (buf->cap - buf->len > more)
        return;
    cap = buf->cap == 0 ? 4096 : buf->cap;
    while (cap - buf->len <= more) {
        if (cap > (size_t)-1 / 2)
            hc_out_of_memory();
        cap *= 2;
    }
    grown = realloc(buf->data, cap);
    if (grown == NULL)
        hc_out_of_memory();
    buf->data = grown;
    buf->cap = cap;
}

void hc_buf_add(hc_buf *buf, const char *bytes, size_t len)
{
    reserve(buf, len);
    memcpy(buf->data + buf->len, bytes, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
}

void hc_buf_puts(hc_buf *buf, const char *text)
{
    hc_buf_add(buf, text, strlen(text));
}

void hc_buf_printf(hc_buf *buf, const char *fmt, ...)
{
    va_list args;
    int need;

    va_start(args, fmt);
    need = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    if (need < 0)
        hc_out_of_memory();
    reserve(buf, (size_t)need);
    va_start(args, fmt);
    vsnprintf(buf->data + buf->len, (size_t)need + 1, fmt, args);
    va_end(args);
    buf->len += (size_t)need;
}

hc_buf *hc_output_add(hc_outputs *outputs, const char *file_name)
{
    hc_output *out;
    size_t len = strlen(file_name);

    if (outputs->count == HC_MAX_OUTPUTS) {
        fputs("hookc: internal error: too many output files\n", stderr);
        exit(1);
    }
    out = &outputs->files[outputs->count++];
    memset(out, 0, sizeof *out);
    out->file_name = malloc(len + 1);
    if (out->file_name == NULL)
        hc_out_of_memory();
    memcpy(out->file_name, file_name, len + 1);
    return &out->text;
}

void hc_outputs_free(hc_outputs *outputs)
{
    size_t i;

    for (i = 0; i < outputs->count; i++) {
        free(outputs->files[i].file_name);
        hc_buf_free(&outputs->files[i].text);
    }
    outputs->count = 0;
}

static char *join(const char *dir, const char *prefix, const char *name,
                  const char *suffix)
{
    size_t len = strlen(dir) + strlen(prefix) + strlen(name) +
                 strlen(suffix) + 2;
    char *path = malloc(len);

    if (path == NULL)
        hc_out_of_memory();
    snprintf(path, len, "%s/%s%s%s", dir, prefix, name, suffix);
    return path;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static void fail(const char *path)
{
    fprintf(stderr, "hookc: %s: %s\n", path, strerror(errno));
}

int hc_outputs_write(const hc_outputs *outputs, const char *dir)
{
    char *temps[HC_MAX_OUTPUTS] = {0};
    struct stat st;
    mode_t mask;
    size_t i, done = 0;
    int status = -1;

    if (stat(dir, &st) != 0) {
        fail(dir);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        fail(dir);
        return -1;
    }

    /* mkstemp makes files 0600; give them the mode a plain create
     * would, as a build tool's output should be readable. */
    mask = umask(0);
    umask(mask);

    for (i = 0; i < outputs->count; i++) {
        const hc_output *out = &outputs->files[i];
        int fd;

        temps[i] = join(dir, ".", out->file_name, ".XXXXXX");
        fd = mkstemp(temps[i]);
        if (fd < 0) {
            char *path = join(dir, "", out->file_name, "");

            fail(path);
            free(path);
            free(temps[i]);
            temps[i] = NULL;
            goto cleanup;
        }
        if (fchmod(fd, 0666 & ~mask) != 0 ||
            write_all(fd, out->text.data, out->text.len) != 0) {
            fail(temps[i]);
            close(fd);
            goto cleanup;
        }
        if (close(fd) != 0) {
            fail(temps[i]);
            goto cleanup;
        }
    }

    for (done = 0; done < outputs->count; done++) {
        char *path = join(dir, "", outputs->files[done].file_name, "");
        int renamed = rename(temps[done], path);

        if (renamed != 0)
            fail(path);
        free(path);
        if (renamed != 0)
            goto cleanup;
        free(temps[done]);
        temps[done] = NULL;
    }
    status = 0;

cleanup:
    for (i = 0; i < outputs->count; i++) {
        if (temps[i] != NULL) {
            unlink(temps[i]);
            free(temps[i]);
        }
    }
    return status;
}
