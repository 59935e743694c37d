/*
 * conformance.c - public JSON conformance corpora through the generated
 * Mews parser, whole and chunked, with a summary table.
 *
 *   conformance DATA_DIR PINNED
 *
 * DATA_DIR holds the corpora described in its README (jsontestsuite,
 * jansson-suites, yyjson-num); PINNED is the table of decided verdicts for
 * JSONTestSuite's implementation-defined i_ files.
 *
 * Suites:
 *   embedded  each test_parsing file as the value of an unknown member of
 *             a valid message: y_ valid, n_ a syntax-class error, i_ pinned
 *   whole     each file as the whole input: always rejected; y_ with a
 *             schema-class error, n_ with a syntax-class one, i_ pinned
 *   numbers   yyjson's number lists embedded: (fail) lists rejected as
 *             syntax, the others valid
 *   jansson   jansson's invalid suites, whole: all rejected; where the
 *             error is syntax-class, our position is compared with theirs
 * Every input is also fed 1, 2, 3, 4, 5, 6 and 12 bytes at a time, and
 * given to mews_parse (the direct path, then hook_feed); code, offset,
 * line, column, path and message must equal the one-shot result, and
 * mews_parse's values too.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mews.h"

#define EMBED_HEAD \
    "{\"Action\":\"IntegrationDisabled\",\"Data\":{\"Integration\":{\"Id\":" \
    "\"9e5e84e9-974d-4f16-9662-ab2200f27cb1\",\"Name\":\"WebhookTEST\"}}," \
    "\"Unknown\":"
#define EMBED_TAIL "}"

typedef struct outcome {
    hook_code code;
    hook_error error;
} outcome;

typedef struct tally {
    const char *suite;
    const char *expect;
    int cases, right, chunked;
} tally;

typedef struct pin {
    char file[128];
    char embedded[32];
    char whole[32];
} pin;

static mews_webhook out, direct_out;
static pin pins[64];
static int npins;
static int failures;

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static outcome run(const char *data, size_t len, size_t chunk)
{
    static hook_parser p;
    outcome o;
    size_t at = 0;

    hook_init(&p, &mews_webhook_record, &out, sizeof out);
    while (at < len) {
        size_t n = chunk && chunk < len - at ? chunk : len - at;
        hook_feed(&p, data + at, n);
        at += n;
    }
    o.code = hook_finish(&p);
    o.error = *hook_get_error(&p);
    return o;
}

static int same(const outcome *a, const outcome *b)
{
    return a->code == b->code && a->error.offset == b->error.offset &&
           a->error.line == b->error.line &&
           a->error.column == b->error.column &&
           strcmp(a->error.path, b->error.path) == 0 &&
           strcmp(a->error.message, b->error.message) == 0;
}

/* Runs one input one-shot and chunked, and through mews_parse; returns
 * the one-shot outcome and counts in t an input on which all agree. */
static outcome check(tally *t, const char *name, const char *data,
                     size_t len)
{
    static const size_t chunks[] = {1, 2, 3, 4, 5, 6, 12};
    outcome one = run(data, len, 0);
    size_t i;
    int agree = 1;
    outcome direct;

    /* mews_parse reads a whole message through the direct path first:
     * it must come to the same verdict, error and values */
    direct.code = mews_parse(&direct_out, data, len, &direct.error);
    if (!same(&one, &direct) ||
        (one.code == HOOK_OK && !mews_equal(&out, &direct_out))) {
        printf("FAIL %s %s: mews_parse gives %s@%llu, hook_feed %s@%llu%s\n",
               t->suite, name, hook_code_name(direct.code),
               (unsigned long long)direct.error.offset,
               hook_code_name(one.code), (unsigned long long)one.error.offset,
               direct.code == one.code ? ", or other values" : "");
        agree = 0;
    }
    for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        outcome o = run(data, len, chunks[i]);
        if (!same(&one, &o)) {
            printf("FAIL %s %s: chunks of %zu give %s@%llu, one-shot "
                   "%s@%llu\n", t->suite, name, chunks[i],
                   hook_code_name(o.code),
                   (unsigned long long)o.error.offset,
                   hook_code_name(one.code),
                   (unsigned long long)one.error.offset);
            agree = 0;
        }
    }
    t->cases++;
    t->chunked += agree;
    if (!agree)
        failures++;
    return one;
}

static void verdict(tally *t, const char *name, int right,
                    const outcome *o, const char *want)
{
    if (right) {
        t->right++;
        return;
    }
    failures++;
    printf("FAIL %s %s: wanted %s, got %s (%s) at %llu [%s] %s\n", t->suite,
           name, want, hook_code_name(o->code),
           hook_class_name(hook_code_class(o->code)),
           (unsigned long long)o->error.offset, o->error.path,
           o->error.message);
}

static const pin *find_pin(const char *file)
{
    int i;

    for (i = 0; i < npins; i++) {
        if (strcmp(pins[i].file, file) == 0)
            return &pins[i];
    }
    return NULL;
}

static void load_pins(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[512];

    if (!f) {
        perror(path);
        exit(2);
    }
    while (fgets(line, sizeof line, f)) {
        pin *p = &pins[npins];
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (npins == (int)(sizeof pins / sizeof pins[0]) ||
            sscanf(line, "%127s %31s %31s", p->file, p->embedded,
                   p->whole) != 3) {
            fprintf(stderr, "%s: bad line: %s", path, line);
            exit(2);
        }
        npins++;
    }
    fclose(f);
}

/* "ok", a code name, or a class name ("syntax") */
static int matches(const outcome *o, const char *want)
{
    if (strcmp(want, "ok") == 0)
        return o->code == HOOK_OK;
    if (o->code == HOOK_OK)
        return 0;
    return strcmp(want, hook_code_name(o->code)) == 0 ||
           strcmp(want, hook_class_name(hook_code_class(o->code))) == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in a directory (caller frees). */
static char **list_dir(const char *dir, int *count)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    int n = 0, cap = 0;

    if (!d) {
        *count = -1;
        return NULL;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            names = realloc(names, (size_t)cap * sizeof *names);
            if (!names)
                abort();
        }
        names[n] = malloc(strlen(e->d_name) + 1);
        if (!names[n])
            abort();
        strcpy(names[n++], e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, by_name);
    *count = n;
    return names;
}

static char *embed(const char *data, size_t len, size_t *out_len)
{
    size_t h = strlen(EMBED_HEAD), t = strlen(EMBED_TAIL);
    char *buf = malloc(h + len + t);

    if (!buf)
        abort();
    memcpy(buf, EMBED_HEAD, h);
    memcpy(buf + h, data, len);
    memcpy(buf + h + len, EMBED_TAIL, t);
    *out_len = h + len + t;
    return buf;
}

static void jsontestsuite(const char *data_dir, tally *emb, tally *whole)
{
    char dir[1024], path[2048];
    char **names;
    int n, i;

    snprintf(dir, sizeof dir, "%s/jsontestsuite", data_dir);
    names = list_dir(dir, &n);
    for (i = 0; i < n; i++) {
        const char *name = names[i];
        char kind = name[0];
        size_t len, elen;
        char *text, *wrapped;
        const pin *pn = NULL;
        tally *te, *tw;
        outcome o;

        if (name[1] != '_' || (kind != 'y' && kind != 'n' && kind != 'i')) {
            free(names[i]);
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", dir, name);
        text = read_all(path, &len);
        if (!text) {
            perror(path);
            exit(2);
        }
        te = &emb[kind == 'y' ? 0 : kind == 'n' ? 1 : 2];
        tw = &whole[kind == 'y' ? 0 : kind == 'n' ? 1 : 2];
        if (kind == 'i') {
            pn = find_pin(name);
            if (!pn) {
                printf("FAIL %s: no pinned verdict\n", name);
                failures++;
            }
        }

        wrapped = embed(text, len, &elen);
        o = check(te, name, wrapped, elen);
        if (kind == 'y')
            verdict(te, name, matches(&o, "ok"), &o, "ok");
        else if (kind == 'n')
            verdict(te, name, matches(&o, "syntax"), &o, "syntax");
        else if (pn)
            verdict(te, name, matches(&o, pn->embedded), &o, pn->embedded);

        o = check(tw, name, text, len);
        if (kind == 'y')
            verdict(tw, name, matches(&o, "schema"), &o, "schema");
        else if (kind == 'n')
            verdict(tw, name, matches(&o, "syntax"), &o, "syntax");
        else if (pn)
            verdict(tw, name, o.code != HOOK_OK && matches(&o, pn->whole), &o,
                    pn->whole);
        free(wrapped);
        free(text);
        free(names[i]);
    }
    free(names);
}

static void numbers(const char *data_dir, tally *good, tally *bad)
{
    static const char *const files[] = {"int.txt", "int(big).txt",
        "int(inf).txt", "int(fail).txt", "real(fail).txt",
        "literal(fail).txt"};
    char path[2048], line[4096];
    size_t k;

    for (k = 0; k < sizeof files / sizeof files[0]; k++) {
        int fails = strstr(files[k], "(fail)") != NULL;
        tally *t = fails ? bad : good;
        FILE *f;
        int lineno = 0;

        snprintf(path, sizeof path, "%s/yyjson-num/%s", data_dir, files[k]);
        f = fopen(path, "r");
        if (!f) {
            perror(path);
            exit(2);
        }
        while (fgets(line, sizeof line, f)) {
            size_t len = strcspn(line, "\r\n"), elen;
            char name[64], *wrapped;
            outcome o;

            lineno++;
            if (len == 0 || line[0] == '#')
                continue;
            snprintf(name, sizeof name, "%s:%d", files[k], lineno);
            wrapped = embed(line, len, &elen);
            o = check(t, name, wrapped, elen);
            verdict(t, name, matches(&o, fails ? "syntax" : "ok"), &o,
                    fails ? "syntax" : "ok");
            free(wrapped);
        }
        fclose(f);
    }
}

typedef struct delta {
    long offset, column, count;
} delta;

static void jansson(const char *data_dir, tally *t)
{
    static const char *const suites[] = {"invalid", "invalid-unicode"};
    delta deltas[32];
    int ndeltas = 0, compared = 0, k, d;

    for (k = 0; k < 2; k++) {
        char dir[1024], path[2048];
        char **names;
        int n, i;

        snprintf(dir, sizeof dir, "%s/jansson-suites/%s", data_dir, suites[k]);
        names = list_dir(dir, &n);
        for (i = 0; i < n; i++) {
            size_t len, elen;
            char *text, *want;
            unsigned long line, col, pos;
            outcome o;

            snprintf(path, sizeof path, "%s/%s/input", dir, names[i]);
            text = read_all(path, &len);
            if (!text) {
                perror(path);
                exit(2);
            }
            o = check(t, names[i], text, len);
            verdict(t, names[i], o.code != HOOK_OK, &o, "rejected");

            snprintf(path, sizeof path, "%s/%s/error", dir, names[i]);
            want = read_all(path, &elen);
            if (!want) {
                snprintf(path, sizeof path, "%s/%s/error.normal", dir,
                         names[i]);
                want = read_all(path, &elen);
            }
            if (want && hook_code_class(o.code) == HOOK_CLASS_SYNTAX &&
                sscanf(want, "%lu %lu %lu", &line, &col, &pos) == 3) {
                long doff = (long)o.error.offset - (long)pos;
                long dcol = (long)o.error.column - (long)col;
                compared++;
                for (d = 0; d < ndeltas; d++) {
                    if (deltas[d].offset == doff && deltas[d].column == dcol)
                        break;
                }
                if (d == ndeltas && ndeltas < 32) {
                    deltas[ndeltas].offset = doff;
                    deltas[ndeltas].column = dcol;
                    deltas[ndeltas++].count = 0;
                }
                if (d < ndeltas)
                    deltas[d].count++;
                if (getenv("CONFORMANCE_VERBOSE"))
                    printf("jansson %s: ours %llu %u:%u, theirs %lu %lu:%lu\n",
                           names[i], (unsigned long long)o.error.offset,
                           o.error.line, o.error.column, pos, line, col);
            }
            free(want);
            free(text);
            free(names[i]);
        }
        free(names);
    }
    printf("\njansson positions, %d syntax errors compared "
           "(ours minus theirs):\n", compared);
    for (d = 0; d < ndeltas; d++)
        printf("  offset %+ld, column %+ld: %ld cases\n", deltas[d].offset,
               deltas[d].column, deltas[d].count);
}

int main(int argc, char **argv)
{
    tally emb[3] = {{"embedded y_", "valid", 0, 0, 0},
                    {"embedded n_", "syntax error", 0, 0, 0},
                    {"embedded i_", "pinned", 0, 0, 0}};
    tally whole[3] = {{"whole y_", "schema error", 0, 0, 0},
                      {"whole n_", "syntax error", 0, 0, 0},
                      {"whole i_", "pinned", 0, 0, 0}};
    tally num[2] = {{"numbers valid", "valid", 0, 0, 0},
                    {"numbers (fail)", "syntax error", 0, 0, 0}};
    tally jan = {"jansson invalid", "rejected", 0, 0, 0};
    tally *all[] = {&emb[0], &emb[1], &emb[2], &whole[0], &whole[1],
                    &whole[2], &num[0], &num[1], &jan};
    size_t i;
    int passed = 0, total = 0;

    if (argc != 3) {
        fprintf(stderr, "usage: %s DATA_DIR PINNED\n", argv[0]);
        return 2;
    }
    load_pins(argv[2]);
    jsontestsuite(argv[1], emb, whole);
    numbers(argv[1], &num[0], &num[1]);
    jansson(argv[1], &jan);

    printf("\n%-18s %6s  %-13s %8s %8s\n", "suite", "cases", "expected",
           "one-shot", "chunked");
    for (i = 0; i < sizeof all / sizeof all[0]; i++) {
        const tally *t = all[i];
        printf("%-18s %6d  %-13s %8d %8d\n", t->suite, t->cases, t->expect,
               t->right, t->chunked);
        total += 2 * t->cases;
        passed += t->right + t->chunked;
    }
    printf("(one-shot: cases with the expected verdict; chunked: cases whose "
           "code, offset,\n line, column, path and message fed 1-6 and 12 "
           "bytes at a time equal one-shot)\n");
    printf("conformance: %d passed, %d failed\n", passed, total - passed);
    return failures ? 1 : 0;
}
