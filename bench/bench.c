/*
 * bench.c - hookc's generated Mews parser against peer JSON libraries
 * doing the same validation, on a corpus of Mews webhooks.
 *
 * Usage: bench CORPUS.ndjson BIG.json [RUNS]
 *
 * Everything is measured in one process, so ratios hold on a noisy
 * machine: after a warm-up pass of every configuration (which also
 * counts heap allocations and the peak RSS), RUNS rounds each time every
 * configuration once over the whole corpus, in turn; the table shows the
 * median round. Heap calls are counted by defining malloc, calloc,
 * realloc, free and the aligned variants in this binary: they count and
 * forward to glibc's __libc_* entry points, and the dynamic linker binds
 * every library's (and libstdc++'s operator new's) calls to them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mews.h"
#include "peers.h"

/* --- counting allocator --------------------------------------------- */

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static unsigned long long n_allocs, n_frees;

void *malloc(size_t n) { n_allocs++; return __libc_malloc(n); }
void *calloc(size_t a, size_t b) { n_allocs++; return __libc_calloc(a, b); }
void *realloc(void *p, size_t n) { n_allocs++; return __libc_realloc(p, n); }
void free(void *p) { if (p) n_frees++; __libc_free(p); }
void *memalign(size_t al, size_t n) { n_allocs++; return __libc_memalign(al, n); }
void *aligned_alloc(size_t al, size_t n) { n_allocs++; return __libc_memalign(al, n); }
int posix_memalign(void **out, size_t al, size_t n)
{
    void *p;
    if (al < sizeof(void *) || (al & (al - 1)) != 0)
        return EINVAL;
    n_allocs++;
    p = __libc_memalign(al, n);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

/* --- input --------------------------------------------------------------- */

#define PAD 64   /* readable bytes after every message (simdjson) */

typedef struct msg {
    const char *p;
    size_t n;
} msg;

static char *load(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        perror(path);
        exit(1);
    }
    buf = __libc_malloc((size_t)n + PAD);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        exit(1);
    }
    memset(buf + n, ' ', PAD);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static const char *buf_end;   /* end of the readable corpus buffer */

/* --- configurations ---------------------------------------------------- */

static mews_webhook out;

static int hk_oneshot(const char *p, size_t n, size_t cap)
{
    (void)cap;
    return mews_parse(&out, p, n, NULL) == HOOK_OK;
}

static int hk_stream(const char *p, size_t n, size_t piece)
{
    mews_parser ps;
    size_t off;
    mews_init(&ps, &out);
    for (off = 0; off < n; off += piece)
        if (mews_feed(&ps, p + off, n - off < piece ? n - off : piece) != HOOK_OK)
            break;
    return mews_finish(&ps) == HOOK_OK;
}

static int hk_4096(const char *p, size_t n, size_t c) { (void)c; return hk_stream(p, n, 4096); }
static int hk_64(const char *p, size_t n, size_t c) { (void)c; return hk_stream(p, n, 64); }
static int hk_1(const char *p, size_t n, size_t c) { (void)c; return hk_stream(p, n, 1); }

typedef int (*check_fn)(const char *, size_t, size_t);

typedef struct config {
    const char *name;
    check_fn fn;
    int hookc;   /* one of hookc's own */
    int info;    /* informational: not the same validation or flags */
    /* results */
    double ns[64];
    double big_ns[64];
    unsigned big_reps;
    double allocs, big_allocs;
    double rss_peak_mib, rss_delta_kib;
    long mismatches;
    int rejected, invalid_total, valid_ok, valid_total;
    char missed[256];
} config;

static config configs[] = {
    {.name = "hookc one-shot", .fn = hk_oneshot, .hookc = 1, .info = 0},
    {.name = "hookc stream 4096 B", .fn = hk_4096, .hookc = 1, .info = 0},
    {.name = "hookc stream 64 B", .fn = hk_64, .hookc = 1, .info = 0},
    {.name = "hookc stream 1 B", .fn = hk_1, .hookc = 1, .info = 0},
    {.name = "simdjson on-demand", .fn = peer_simdjson, .hookc = 0, .info = 0},
    {.name = "cJSON", .fn = peer_cjson, .hookc = 0, .info = 0},
    {.name = "json-c", .fn = peer_jsonc, .hookc = 0, .info = 0},
    {.name = "jansson", .fn = peer_jansson, .hookc = 0, .info = 0},
    {.name = "yajl", .fn = peer_yajl, .hookc = 0, .info = 0},
    {.name = "yajl stream 64 B", .fn = peer_yajl_chunked, .hookc = 0, .info = 0},
    {.name = "jsmn", .fn = peer_jsmn, .hookc = 0, .info = 0},
    {.name = "simdjson -march=haswell*", .fn = peer_simdjson_hsw, .hookc = 0, .info = 1},
    {.name = "simdjson unvalidated skip*", .fn = peer_simdjson_skip, .hookc = 0, .info = 1},
};
#define NCONF (sizeof configs / sizeof *configs)

/* --- hand-made cases --------------------------------------------------- */

#define UID "\"9e5e84e9-974d-4f16-9662-ab2200f27cb1\""
#define INTEG "\"Integration\":{\"Id\":" UID ",\"Name\":\"WebhookTEST\"}"
#define DIS(body) "{\"Action\":\"IntegrationDisabled\",\"Data\":{" body "}}"
#define CREATED(x) "{\"Action\":\"IntegrationCreated\",\"Data\":{\"Enterprise\":{\"Id\":" UID \
    ",\"Name\":\"E\"}," x INTEG "}}"
#define TOK "\"AccessToken\":\"9E5E84E9974D4F169662AB2200F27CB1-00B343A0DDA725CACAC028E38E3EABF\","
#define DEL(dt) "{\"Action\":\"IntegrationDeleted\",\"Data\":{\"DeletedUtc\":" dt "," INTEG "}}"

/* Valid, but off the beaten path: every parser must accept them. */
static const char *edge_valid[] = {
    "{\"Data\":{" INTEG "},\"Action\":\"IntegrationEnabled\"}",
    "{\"Act\\u0069on\":\"Integration\\u0044isabled\",\"Data\":{" INTEG "}}",
    DIS("\"AccessToken\":\"dropped: not in this variant\"," INTEG),
    DIS("\"Requestor\":null," INTEG ",\"X\":[1,-0.5e+3,{\"y\":[true,false,null]}]"),
    DEL("null"),
    DEL("\"2024-02-29T23:59:59.123456789+14:00\""),
    DEL("\"2000-02-29t00:00:00z\""),
    DEL("\"2023-12-31T12:00:00.5-00:00\""),
    CREATED(TOK "\"CreatedUtc\":\"2019-12-13T14:42:52Z\",\"IsEnabled\":true,\"Requestor\":{\"Name\":\"J\\u00e9r\\u00f4me \\ud83c\\udfe8\",\"Email\":\"j.d+x@h\\u00f4tel.example\"},"),
    " \r\n\t" DIS(INTEG) " \n",
};

/* Invalid: every parser must refuse them. */
static const char *invalid[] = {
    "{\"Action\":\"IntegrationExploded\",\"Data\":{" INTEG "}}",          /* 0 unknown tag */
    "{\"Action\":\"IntegrationDisabled\"}",                                 /* 1 no Data */
    DIS("\"Integration\":{\"Name\":\"x\"}"),                                /* 2 no Id */
    DIS("\"Integration\":{\"Id\":\"9e5e84e9-974d-4f16-9662-ab2200f27cbg\",\"Name\":\"x\"}"), /* 3 */
    DIS("\"Integration\":{\"Id\":\"9e5e84e9974d-4f16-9662-ab2200f2-7cb1\",\"Name\":\"x\"}"), /* 4 */
    DEL("\"2023-02-30T00:00:00Z\""),                                        /* 5 Feb 30 */
    DEL("\"2023-02-29T00:00:00Z\""),                                        /* 6 not leap */
    DEL("\"2023-01-01T24:00:00Z\""),                                        /* 7 hour 24 */
    DEL("\"2023-01-01T00:00:00.1234567890Z\""),                             /* 8 10 digits */
    DEL("\"2023-01-01T00:00:00\""),                                         /* 9 no zone */
    DEL("\"1900-02-29T00:00:00Z\""),                                        /* 10 century */
    "",                                                                     /* 11 Name 1025 B */
    DIS("\"Integration\":{\"Id\":" UID ",\"Name\":\"\xC3\x28\"}"),          /* 12 bad UTF-8 */
    DIS(INTEG ",\"X\":\"\xC0\xAF\""),                                       /* 13 overlong */
    DIS("\"Integration\":{\"Id\":" UID ",\"Name\":\"\\ud800\"}"),           /* 14 lone surrogate */
    DIS(INTEG "," INTEG),                                                   /* 15 duplicate */
    CREATED(TOK "\"CreatedUtc\":\"2019-12-13T14:42:52Z\",\"IsEnabled\":\"true\","), /* 16 */
    CREATED(TOK "\"CreatedUtc\":\"2019-12-13T14:42:52Z\",\"IsEnabled\":true,\"Requestor\":{\"Name\":\"a\",\"Email\":\"a@b\"},"), /* 17 */
    DIS(INTEG) " x",                                                        /* 18 trailing */
    "{\"Action\":\"IntegrationDisabled\",\"Data\":{\"Integration\":{\"Id\":" UID, /* 19 truncated */
    DIS("\"Integration\":{\"Id\":" UID ",\"Name\":\"a\tb\"}"),              /* 20 raw TAB */
    CREATED("\"CreatedUtc\":\"2019-12-13T14:42:52Z\",\"IsEnabled\":true,"),                    /* 21 no token */
    "{\"Action\":7,\"Data\":{" INTEG "}}",                                  /* 22 tag type */
    "{\"Action\":\"IntegrationDeleted\",\"Data\":{" INTEG "}}",             /* 23 no DeletedUtc */
    DIS(INTEG ",\"X\":01"),                                                 /* 24 leading 0 */
    "",                                                                     /* 25 token 513 B */
    DIS(INTEG ",\"X\":[1,]"),                                               /* 26 trailing , */
    DIS(INTEG ",\"X\":\"\\x\""),                                            /* 27 bad escape */
    DIS(INTEG ",\"X\":tru"),                                                /* 28 bad literal */
    DIS("\"Integration\":null"),                                            /* 29 null */
    DIS(INTEG ",\"X\":\"a\"\"b\""),                                         /* 30 missing , */
};
#define NINVALID (sizeof invalid / sizeof *invalid)
#define NVALID (sizeof edge_valid / sizeof *edge_valid)

static char long_name[1200], long_token[1200];

static void make_cases(void)
{
    char s[1030];
    memset(s, 'a', 1025);
    s[1025] = 0;
    snprintf(long_name, sizeof long_name, DIS("\"Integration\":{\"Id\":" UID ",\"Name\":\"%s\"}"), s);
    invalid[11] = long_name;
    s[513] = 0;
    snprintf(long_token, sizeof long_token,
             "{\"Action\":\"IntegrationApiKeyCreated\",\"Data\":{" INTEG ",\"ApiKey\":\"%s\"}}", s);
    invalid[25] = long_token;
}

/* a padded private copy for a hand-made case */
static int run_case(check_fn fn, const char *s)
{
    static char buf[4096];
    size_t n = strlen(s);
    memcpy(buf, s, n);
    memset(buf + n, ' ', PAD);
    return fn(buf, n, n + PAD);
}

/* --- measurement ------------------------------------------------------- */

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static msg *msgs;
static size_t nmsgs, corpus_bytes;
static volatile long sink;

static double pass(check_fn fn)
{
    double t0 = now_ns();
    long ok = 0;
    size_t i;
    for (i = 0; i < nmsgs; i++)
        ok += fn(msgs[i].p, msgs[i].n, (size_t)(buf_end - msgs[i].p));
    sink += ok;
    return now_ns() - t0;
}

static const char *big;
static size_t big_len;

static double big_pass(check_fn fn, unsigned reps)
{
    double t0 = now_ns();
    unsigned r;
    long ok = 0;
    for (r = 0; r < reps; r++)
        ok += fn(big, big_len, big_len + PAD);
    sink += ok;
    return now_ns() - t0;
}

static long status_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0 && line[n] == ':')
            v = strtol(line + n + 1, NULL, 10);
    fclose(f);
    return v;
}

static int reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    int ok;
    if (!f)
        return 0;
    ok = fputs("5", f) >= 0;
    return fclose(f) == 0 && ok;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    double t[64];
    memcpy(t, v, (size_t)n * sizeof *v);
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

static const char *allocs_str(double a, char *buf)
{
    if (a == 0)
        return "0";
    sprintf(buf, a < 0.01 ? "%.5f" : "%.2f", a);
    return buf;
}

int main(int argc, char **argv)
{
    char *corpus;
    size_t len, i, c;
    int runs = 7, r, have_hsw, peak_ok;
    unsigned char *hk_verdict;
    double hk, t;
    long long base_rss;

    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: bench CORPUS.ndjson BIG.json [RUNS]\n");
        return 2;
    }
    if (argc == 4)
        runs = atoi(argv[3]);
    if (runs < 1 || runs > 64)
        runs = 7;
    make_cases();

    corpus = load(argv[1], &len);
    buf_end = corpus + len + PAD;
    for (i = 0; i < len; i++)
        nmsgs += corpus[i] == '\n';
    msgs = __libc_malloc((nmsgs + 1) * sizeof *msgs);
    nmsgs = 0;
    for (i = 0; i < len;) {
        const char *nl = memchr(corpus + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - corpus) : len;
        if (e > i) {
            msgs[nmsgs].p = corpus + i;
            msgs[nmsgs].n = e - i;
            corpus_bytes += e - i;
            nmsgs++;
        }
        i = e + 1;
    }
    big = load(argv[2], &big_len);
    while (big_len && big[big_len - 1] == '\n')
        big_len--;

    __builtin_cpu_init();
    have_hsw = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2") &&
               __builtin_cpu_supports("pclmul");

    printf("hookc benchmark: %zu messages, %zu bytes (%.1f bytes/message), "
           "big message %zu bytes; %d runs, median shown\n",
           nmsgs, corpus_bytes, (double)corpus_bytes / (double)nmsgs, big_len, runs);
    printf("sizeof(mews_parser) + sizeof(mews_webhook) = %zu + %zu = %zu bytes\n",
           sizeof(mews_parser), sizeof(mews_webhook),
           sizeof(mews_parser) + sizeof(mews_webhook));
    printf("simdjson: %s\n", peer_simdjson_impl());

    /* --- agreement: corpus verdicts and hand-made cases -------------- */
    hk_verdict = __libc_malloc(nmsgs);
    for (i = 0; i < nmsgs; i++)
        hk_verdict[i] = (unsigned char)hk_oneshot(msgs[i].p, msgs[i].n, 0);
    for (c = 0; c < NCONF; c++) {
        config *k = &configs[c];
        if (k->fn == peer_simdjson_hsw && !have_hsw)
            continue;
        for (i = 0; i < nmsgs; i++)
            k->mismatches += k->fn(msgs[i].p, msgs[i].n,
                                   (size_t)(buf_end - msgs[i].p)) != hk_verdict[i];
        for (i = 0; i < NVALID; i++) {
            k->valid_total++;
            k->valid_ok += run_case(k->fn, edge_valid[i]);
        }
        for (i = 0; i < NINVALID; i++) {
            k->invalid_total++;
            if (!run_case(k->fn, invalid[i]))
                k->rejected++;
            else
                snprintf(k->missed + strlen(k->missed),
                         sizeof k->missed - strlen(k->missed), " #%zu", i);
        }
    }
    {
        size_t acc = 0;
        for (i = 0; i < nmsgs; i++)
            acc += hk_verdict[i];
        printf("hookc accepts %zu of %zu corpus messages\n", acc, nmsgs);
    }

    /* --- warm-up: heap calls and peak RSS ---------------------------- */
    malloc_trim(0);
    base_rss = status_kib("VmRSS");
    peak_ok = reset_peak();
    for (c = 0; c < NCONF; c++) {
        config *k = &configs[c];
        unsigned long long a0;
        long rss0;
        if (k->fn == peer_simdjson_hsw && !have_hsw)
            continue;
        malloc_trim(0);
        rss0 = status_kib("VmRSS");
        reset_peak();
        a0 = n_allocs;
        pass(k->fn);
        k->allocs = (double)(n_allocs - a0) / (double)nmsgs;
        k->rss_peak_mib = (double)status_kib(peak_ok ? "VmHWM" : "VmHWM") / 1024.0;
        k->rss_delta_kib = (double)(status_kib("VmHWM") - rss0);
        a0 = n_allocs;
        t = big_pass(k->fn, 1);
        k->big_allocs = (double)(n_allocs - a0);
        k->big_reps = (unsigned)(20e6 / (t > 1 ? t : 1)) + 1;   /* ~20 ms */
    }

    /* --- timed rounds ------------------------------------------------ */
    for (r = 0; r < runs; r++) {
        for (c = 0; c < NCONF; c++) {
            config *k = &configs[c];
            if (k->fn == peer_simdjson_hsw && !have_hsw)
                continue;
            k->ns[r] = pass(k->fn);
            k->big_ns[r] = big_pass(k->fn, k->big_reps) / k->big_reps;
        }
    }

    /* --- table ------------------------------------------------------- */
    hk = median(configs[0].ns, runs);
    printf("\n%-27s %9s %8s %8s %7s %9s %9s %8s %8s %9s %7s %s\n", "parser",
           "msg/s", "MB/s", "ns/msg", "vs hookc", "allocs/msg", "peakRSS",
           "+RSS", "skip", "skip", "corpus", "cases");
    printf("%-27s %9s %8s %8s %7s %9s %9s %8s %8s %9s %7s %s\n", "",
           "", "", "", "speed", "", "MiB", "KiB", "GB/s", "allocs", "mismat", "valid/invalid refused");
    for (c = 0; c < NCONF; c++) {
        config *k = &configs[c];
        double m, b;
        char a1[32], a2[32];
        if (k->fn == peer_simdjson_hsw && !have_hsw) {
            printf("%-27s (skipped: CPU lacks AVX2/BMI2/PCLMUL)\n", k->name);
            continue;
        }
        m = median(k->ns, runs);
        b = median(k->big_ns, runs);
        printf("%-27s %9.0f %8.1f %8.1f %7.2fx %9s %9.1f %8.0f %8.2f %9s %7ld %d/%d %d/%d%s%s\n",
               k->name, (double)nmsgs / m * 1e9, (double)corpus_bytes / m * 1e3,
               m / (double)nmsgs, hk / m, allocs_str(k->allocs, a1),
               k->rss_peak_mib, k->rss_delta_kib, (double)big_len / b,
               allocs_str(k->big_allocs, a2), k->mismatches, k->valid_ok,
               k->valid_total, k->rejected, k->invalid_total,
               k->missed[0] ? " accepted:" : "", k->missed);
    }
    printf("\nvs hookc speed: hookc one-shot ns/msg divided by the row's (>1: faster than hookc).\n"
           "peakRSS: VmHWM of the process during the row's warm-up pass%s (baseline %.1f MiB: "
           "corpus and binary); +RSS: peak above the RSS before the pass.\n"
           "skip: the %zu-byte message with a ~1 MiB unknown member, parsed whole; "
           "skip allocs: heap calls for one such message.\n"
           "corpus mismat: corpus messages where the row's verdict differs from hookc one-shot's.\n"
           "* informational rows: not the generic -O2 build, or not equal validation.\n",
           peak_ok ? "" : " (not resettable here: process-wide)",
           (double)base_rss / 1024.0, big_len);

    /* --- targets ----------------------------------------------------- */
    {
        double sj = median(configs[4].ns, runs), cj = median(configs[5].ns, runs);
        double s64 = median(configs[2].ns, runs), s1 = median(configs[3].ns, runs);
        double skip = (double)big_len / median(configs[0].big_ns, runs);
        int zero = 1;
        for (c = 0; c < NCONF; c++)
            if (configs[c].hookc && (configs[c].allocs != 0 || configs[c].big_allocs != 0))
                zero = 0;
        printf("\ntargets:\n");
        printf("%s  hookc one-shot >= 1.5x simdjson on-demand (equal validation): %.2fx\n",
               hk * 1.5 <= sj ? "PASS" : "FAIL", sj / hk);
        printf("%s  hookc one-shot >= 8x cJSON: %.2fx\n", hk * 8 <= cj ? "PASS" : "FAIL", cj / hk);
        printf("%s  64-byte chunks >= 0.8x one-shot: %.2fx\n", hk / s64 >= 0.8 ? "PASS" : "FAIL", hk / s64);
        printf("%s  1-byte chunks >= 0.3x one-shot: %.2fx\n", hk / s1 >= 0.3 ? "PASS" : "FAIL", hk / s1);
        printf("%s  skipping >= 1.5 GB/s: %.2f GB/s\n", skip >= 1.5 ? "PASS" : "FAIL", skip);
        printf("%s  zero heap allocations per message for hookc (corpus and big message)\n",
               zero ? "PASS" : "FAIL");
        if (have_hsw)
            printf("info  hookc one-shot vs simdjson built with -march=haswell: %.2fx\n",
                   median(configs[11].ns, runs) / hk);
        {
            long bad = 0;
            for (c = 0; c < NCONF; c++)
                bad += configs[c].mismatches;
            printf("%s  every parser agrees with hookc on the corpus (%ld mismatches)\n",
                   bad ? "FAIL" : "PASS", bad);
        }
    }
    return (int)(sink & 0);
}
