/*
 * output.h - generated files, held in memory until all are complete.
 *
 * Emitters append text to buffers; main.c writes the set only when
 * every emitter has succeeded, each file through a temporary file that
 * is renamed into place, so an error never leaves partial output.
 */
#ifndef HOOKC_OUTPUT_H
#define HOOKC_OUTPUT_H

#include <stddef.h>

typedef struct hc_buf {
    char *data;
    size_t len;
    size_t cap;
} hc_buf;

void hc_buf_free(hc_buf *buf);
void hc_buf_add(hc_buf *buf, const char *bytes, size_t len);
void hc_buf_puts(hc_buf *buf, const char *text);
void hc_buf_printf(hc_buf *buf, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#define HC_MAX_OUTPUTS 4

typedef struct hc_output {
    char *file_name; /* within the output directory; malloc'd */
    hc_buf text;
} hc_output;

typedef struct hc_outputs {
    hc_output files[HC_MAX_OUTPUTS];
    size_t count;
} hc_outputs;

/* A new, empty file in the set. */
hc_buf *hc_output_add(hc_outputs *outputs, const char *file_name);
void hc_outputs_free(hc_outputs *outputs);

/* Writes every file into `dir`. On failure prints "hookc: PATH: why",
 * removes what it wrote so far and returns -1. Existing files are only
 * replaced once all temporary files are written. */
int hc_outputs_write(const hc_outputs *outputs, const char *dir);

#endif /* HOOKC_OUTPUT_H */
