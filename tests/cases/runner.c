/*
 * runner.c - runs a manifest of cases (input files with their expected
 * outcome) through a generated parser, whole and in pieces.
 *
 * Built once per package with:
 *   -DPKG_HEADER='"mews.h"' -DROOT_TYPE=mews_webhook
 *   -DROOT_RECORD=mews_webhook_record
 *
 * Manifest lines (blank lines and '#' comments are skipped):
 *   FILE  ok [TAG]                      the message is valid; TAG is the
 *                                       root's tag value, or the shape a
 *                                       presence union chose
 *   FILE  CODE OFFSET LINE:COL PATH     rejected so; PATH '-' when empty
 *
 * For every case the outcome must equal the expectation one-shot, fed 1 to
 * 7, 12 and 64 bytes at a time, and split in two at every position
 * (cases up to SPLIT_ALL bytes). Errors must agree on code, offset, line,
 * column, path and message; valid outputs must be byte-identical, and
 * print and parse back to the same struct.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include PKG_HEADER

#define SPLIT_ALL 4096
#define MAX_CASES 4096

typedef struct expect {
    char file[512];
    char code[32];   /* "ok" or a code name */
    char tag[128];   /* for ok: the tag value, or "" */
    unsigned long long offset;
    unsigned line, column;
    char path[HOOK_PATH_MAX];
} expect;

typedef struct result {
    hook_code code;
    hook_error error;
} result;

static expect cases[MAX_CASES];
static struct CMUnitTest tests[MAX_CASES];
static const char *base_dir = ".";

static ROOT_TYPE whole, piece;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, r;

    if (!f)
        return NULL;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap);
            if (!buf)
                abort();
        }
        r = fread(buf + n, 1, cap - n, f);
        n += r;
    } while (r > 0);
    fclose(f);
    *len = n;
    return buf;
}

/* Feeds `data` in the pieces that `cuts` (ascending offsets) mark. */
static result run_cuts(ROOT_TYPE *out, const char *data, size_t len,
                       const size_t *cuts, size_t ncuts)
{
    static hook_parser p;
    result r;
    size_t i, at = 0;

    memset(out, 0, sizeof *out); /* as in run_chunks */
    hook_init(&p, &ROOT_RECORD, out, sizeof *out);
    for (i = 0; i <= ncuts; i++) {
        size_t to = i < ncuts ? cuts[i] : len;
        hook_feed(&p, data + at, to - at);
        at = to;
    }
    r.code = hook_finish(&p);
    r.error = *hook_get_error(&p);
    return r;
}

static result run_chunks(ROOT_TYPE *out, const char *data, size_t len,
                         size_t chunk)
{
    static hook_parser p;
    result r;
    size_t at = 0;

    /* init empties the values, not every byte: start from zero, so
     * that equal values are equal bytes */
    memset(out, 0, sizeof *out);
    hook_init(&p, &ROOT_RECORD, out, sizeof *out);
    while (at < len) {
        size_t n = len - at < chunk ? len - at : chunk;
        hook_feed(&p, data + at, n);
        at += n;
    }
    r.code = hook_finish(&p);
    r.error = *hook_get_error(&p);
    return r;
}

static void assert_same(const result *a, const result *b, const char *how)
{
    if (a->code != b->code || a->error.offset != b->error.offset ||
        a->error.line != b->error.line ||
        a->error.column != b->error.column ||
        strcmp(a->error.path, b->error.path) != 0 ||
        strcmp(a->error.message, b->error.message) != 0 ||
        memcmp(&whole, &piece, sizeof whole) != 0) {
        print_error("%s: got %s@%llu [%s] %s, one-shot %s@%llu [%s] %s\n",
                    how, hook_code_name(b->code),
                    (unsigned long long)b->error.offset, b->error.path,
                    b->error.message, hook_code_name(a->code),
                    (unsigned long long)a->error.offset, a->error.path,
                    a->error.message);
        fail();
    }
}

static void check_tag(const char *want)
{
    const hook_record *rec = &ROOT_RECORD;
    int tag = 0;
    uint16_t i;

    if (!want[0])
        return;
    /* a presence union: TAG may name the alternative (shape) chosen */
    for (i = 0; i < rec->alternative_count; i++) {
        if (strcmp(rec->alternatives[i].name, want) == 0) {
            memcpy(&tag, (const unsigned char *)&whole + rec->chosen,
                   sizeof tag);
            assert_int_equal(tag, i + 1);
            return;
        }
    }
    if (rec->tag_field < 0)
        return;
    memcpy(&tag, (const unsigned char *)&whole +
                     rec->fields[rec->tag_field].value, sizeof tag);
    assert_true(tag > 0 && tag <= rec->variant_count);
    assert_string_equal(rec->variants[tag - 1].name, want);
}

/* An accepted message printed (secrets included) and parsed again gives
 * the same struct. With STREAMED_ARRAYS (whose elements go to callbacks
 * and print as []) the printed texts are compared instead. */
static void round_trip(void)
{
    static char text[1 << 20], again[1 << 20];
    size_t n = hook_print(&ROOT_RECORD, &whole, text, sizeof text,
                          HOOK_PRINT_SECRETS);
    result r;

    assert_true(n < sizeof text);
    r = run_chunks(&piece, text, n, n ? n : 1);
    if (r.code != HOOK_OK)
        print_error("printed text rejected: %s [%s] %s\n%s\n",
                    hook_code_name(r.code), r.error.path, r.error.message,
                    text);
    assert_int_equal(r.code, HOOK_OK);
#ifdef STREAMED_ARRAYS
    hook_print(&ROOT_RECORD, &piece, again, sizeof again, HOOK_PRINT_SECRETS);
    assert_string_equal(text, again);
#else
    (void)again;
    assert_memory_equal(&whole, &piece, sizeof whole);
#endif
}

/* The output struct reused, as receivers do: parsed into garbage, the
 * message gives the values of the parse from zero, or, rejected, a
 * zeroed struct. What init leaves behind shows here. */
static void reused(const char *data, size_t len, const result *one)
{
    static hook_parser p;
    static ROOT_TYPE zero;

    memset(&piece, 0xa5, sizeof piece);
    hook_init(&p, &ROOT_RECORD, &piece, sizeof piece);
    hook_feed(&p, data, len);
    assert_int_equal(hook_finish(&p), one->code);
    if (one->code == HOOK_OK)
        assert_true(hook_equal(&ROOT_RECORD, &whole, &piece));
    else
        assert_memory_equal(&piece, &zero, sizeof piece);
}

#ifdef ROOT_PARSE
/* The one-call parse, which for some packages reads a whole document
 * through the direct path before hook_feed, agrees with hook_feed: the
 * same verdict, error and values. */
static void one_call(const char *data, size_t len, const result *one)
{
    result r;

    memset(&piece, 0xa5, sizeof piece);
    r.code = ROOT_PARSE(&piece, data, len, &r.error);
    if (r.code != one->code || r.error.offset != one->error.offset ||
        r.error.line != one->error.line ||
        r.error.column != one->error.column ||
        strcmp(r.error.path, one->error.path) != 0 ||
        strcmp(r.error.message, one->error.message) != 0 ||
        !hook_equal(&ROOT_RECORD, &whole, &piece)) {
        print_error("one call: got %s@%llu [%s], hook_feed %s@%llu [%s]%s\n",
                    hook_code_name(r.code),
                    (unsigned long long)r.error.offset, r.error.path,
                    hook_code_name(one->code),
                    (unsigned long long)one->error.offset, one->error.path,
                    r.code == one->code ? ", or other values" : "");
        fail();
    }
}
#endif

static void run_case(void **state)
{
    const expect *e = *state;
    static const size_t chunks[] = {1, 2, 3, 4, 5, 6, 7, 12, 64};
    char path[1200];
    size_t len = 0, i;
    char *data;
    result one, r;

    snprintf(path, sizeof path, "%s/%s", base_dir, e->file);
    data = read_file(path, &len);
    if (!data) {
        print_error("cannot read %s\n", path);
        fail();
    }
    one = run_cuts(&whole, data, len, NULL, 0);

    if (strcmp(e->code, "ok") == 0) {
        if (one.code != HOOK_OK)
            print_error("%s: expected ok, got %s %llu %u:%u [%s] %s\n",
                        e->file, hook_code_name(one.code),
                        (unsigned long long)one.error.offset, one.error.line,
                        one.error.column, one.error.path, one.error.message);
        assert_int_equal(one.code, HOOK_OK);
        check_tag(e->tag);
    } else {
        const char *want_path = strcmp(e->path, "-") == 0 ? "" : e->path;
        if (strcmp(hook_code_name(one.code), e->code) != 0 ||
            one.error.offset != e->offset || one.error.line != e->line ||
            one.error.column != e->column ||
            strcmp(one.error.path, want_path) != 0) {
            print_error("%s: expected %s %llu %u:%u %s\n"
                        "%*s got %s %llu %u:%u %s (%s)\n",
                        e->file, e->code, e->offset, e->line, e->column,
                        e->path, (int)strlen(e->file), "",
                        hook_code_name(one.code),
                        (unsigned long long)one.error.offset, one.error.line,
                        one.error.column,
                        one.error.path[0] ? one.error.path : "-",
                        one.error.message);
            fail();
        }
    }

    for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        char how[64];
        snprintf(how, sizeof how, "chunks of %zu", chunks[i]);
        r = run_chunks(&piece, data, len, chunks[i]);
        assert_same(&one, &r, how);
    }
    if (len <= SPLIT_ALL) {
        for (i = 0; i <= len; i++) {
            char how[64];
            snprintf(how, sizeof how, "split at %zu", i);
            r = run_cuts(&piece, data, len, &i, 1);
            assert_same(&one, &r, how);
        }
    }
    reused(data, len, &one);
#ifdef ROOT_PARSE
    one_call(data, len, &one);
#endif
    if (one.code == HOOK_OK)
        round_trip();
    free(data);
}

static int load(const char *manifest)
{
    FILE *f = fopen(manifest, "r");
    char line[2048];
    int n = 0;

    if (!f) {
        perror(manifest);
        exit(2);
    }
    while (fgets(line, sizeof line, f)) {
        expect *e = &cases[n];
        char *s = line;
        int got;

        while (*s == ' ' || *s == '\t')
            s++;
        if (*s == '#' || *s == '\n' || *s == '\0')
            continue;
        if (n == MAX_CASES) {
            fprintf(stderr, "%s: more than %d cases\n", manifest, MAX_CASES);
            exit(2);
        }
        memset(e, 0, sizeof *e);
        got = sscanf(s, "%511s %31s", e->file, e->code);
        if (got != 2) {
            fprintf(stderr, "%s: bad line: %s", manifest, line);
            exit(2);
        }
        if (strcmp(e->code, "ok") == 0) {
            sscanf(s, "%*s %*s %127s", e->tag);
        } else if (sscanf(s, "%*s %*s %llu %u:%u %255s", &e->offset, &e->line,
                          &e->column, e->path) != 4) {
            fprintf(stderr, "%s: bad expectation: %s", manifest, line);
            exit(2);
        }
        tests[n].name = e->file;
        tests[n].test_func = run_case;
        tests[n].initial_state = e;
        n++;
    }
    fclose(f);
    return n;
}

int main(int argc, char **argv)
{
    const char *slash;
    static char dir[1024];
    int n;

    if (argc != 2) {
        fprintf(stderr, "usage: %s MANIFEST\n", argv[0]);
        return 2;
    }
    slash = strrchr(argv[1], '/');
    if (slash) {
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - argv[1]), argv[1]);
        base_dir = dir;
    }
    n = load(argv[1]);
    if (n == 0) {
        fprintf(stderr, "%s: no cases\n", argv[1]);
        return 2;
    }
    return _cmocka_run_group_tests(argv[1], tests, (size_t)n, NULL, NULL);
}
