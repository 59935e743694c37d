/*
 * parser_oracles.h - the checks shared by the parser targets. Included
 * once, by parser_mews.c and parser_full.c, after they define:
 *
 *   PKG_T       the root struct type       (mews_webhook)
 *   PKG_P       the parser type            (mews_parser)
 *   PKG_RECORD  the root record            (mews_webhook_record)
 *   PKG_init, PKG_feed, PKG_finish, PKG_error, PKG_parse, PKG_print,
 *   PKG_equal
 *
 * Input format: two control bytes, then the message. The control bytes
 * choose how the message is cut into chunks (see plan_next) and which
 * prefixes are checked; the rest is the JSON fed to the parser.
 *
 * Oracles, every one an abort() with a message on failure:
 *  - split invariance: verdict, error (code, offset, line, column, path,
 *    message) and the decoded values equal the one-shot parse's (PKG_parse:
 *    for mews the direct path, then hook_feed when it gives up); the
 *    one-shot parse starts from a zeroed struct, the streamed one from a
 *    struct full of garbage, so every value init leaves behind is caught
 *    (PKG_equal, i.e. hook_equal: flags, lengths, string bytes up to the
 *    NUL, arrays up to their count, every other value); a rejected
 *    message leaves both structs zeroed;
 *    feed only ever returns a syntax-class error, and then keeps returning
 *    it; hook_doomed never goes back to 0; after finish feed says USAGE;
 *  - error sanity: code and class agree, the position is inside the input
 *    and its line/column are what the bytes before it say, path and
 *    message are NUL-terminated;
 *  - prefixes, precisely as the ranking rule of parse.c implies:
 *      * a syntax error returned by feed on a prefix is final: the whole
 *        message fails with that very error;
 *      * a prefix that is doomed (held schema/limit error) dooms the
 *        whole message, whose error is then either of syntax class or
 *        that very held error;
 *      * for an accepted message: feed never fails and nothing is held
 *        on any prefix; finishing a prefix that stops before the last
 *        non-whitespace byte gives TRUNCATED at the prefix's end, and a
 *        prefix that holds the whole value gives ok and the same values
 *        (parsed into garbage too);
 *  - round trip: print(SECRETS) of an accepted message parses back to
 *    the same values; print is snprintf-like (truncated text is a
 *    prefix, the length needed does not depend on cap);
 *  - no heap: the allocator aborts while the parser or printer runs;
 *  - element callbacks (packages with streamed arrays, STREAMED_ARRAYS):
 *    with a callback on every streamed array, the message fed whole and
 *    fed by the plan hand the same elements (array, index, every byte of
 *    the element) to the callbacks in the same order; when the callback
 *    stops parsing at the Nth element (N from the control bytes), both
 *    stop there with the same STOPPED error and position.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_trap.h"

static PKG_T one, piece, pre, again;
static char print_full[1 << 20], print_cut[1 << 20];

static const unsigned char *cur_data;
static hook_error last_error; /* the one-shot error, for reports */
static size_t cur_len;

static void oracle(const char *fmt, ...)
{
    va_list ap;

    alloc_trap_disarm();
    fprintf(stderr, "ORACLE FAILED (%zu-byte message): ", cur_len);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

#define CHECK(cond, ...)                                                 \
    do {                                                                 \
        if (!(cond))                                                     \
            oracle(__VA_ARGS__);                                         \
    } while (0)

/* --- chunk plans ----------------------------------------------------- */

typedef struct plan {
    unsigned mode, param;
    uint32_t rng;
    size_t at, len;
    unsigned calls;
} plan;

static uint32_t rng_next(uint32_t *s)
{
    uint32_t x = *s ? *s : 0x9e3779b9u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

static void plan_init(plan *p, unsigned control, size_t len)
{
    p->mode = control & 3;
    p->param = control >> 2;
    p->rng = control * 2654435761u + 1;
    p->at = 0;
    p->len = len;
    p->calls = 0;
}

/* Size of the next chunk, possibly 0. Modes: 0 two pieces, cut where the
 * parameter says; 1 fixed chunks of 1..16 bytes; 2 random chunks of
 * 0..64; 3 random chunks of 0..3 (many empty feeds). */
static size_t plan_next(plan *p)
{
    size_t left = p->len - p->at, n;

    switch (p->mode) {
    case 0:
        n = p->calls++ == 0 ? p->param % (p->len + 1) : left;
        break;
    case 1:
        n = p->param % 16 + 1;
        break;
    case 2:
        n = rng_next(&p->rng) % 65;
        break;
    default:
        n = rng_next(&p->rng) % 4;
        break;
    }
    return n < left ? n : left;
}

/* --- errors ---------------------------------------------------------- */

static int same_error(const hook_error *a, const hook_error *b)
{
    return a->code == b->code && a->offset == b->offset &&
           a->line == b->line && a->column == b->column &&
           strcmp(a->path, b->path) == 0 &&
           strcmp(a->message, b->message) == 0;
}

static void show_error(const char *what, hook_code rc, const hook_error *e)
{
    fprintf(stderr, "  %s: rc %s, error %s at %llu (%u:%u) path '%s' "
            "message '%s'\n", what, hook_code_name(rc),
            hook_code_name(e->code), (unsigned long long)e->offset,
            e->line, e->column, e->path, e->message);
}

static void error_sane(hook_code rc, const hook_error *e, const char *what)
{
    uint64_t i, line_start = 0;
    uint32_t line = 1, column = 1;

    CHECK(memchr(e->path, 0, sizeof e->path) && memchr(e->message, 0,
          sizeof e->message), "%s: path or message not NUL-terminated", what);
    CHECK(rc == e->code, "%s: verdict %s but error code %s", what,
          hook_code_name(rc), hook_code_name(e->code));
    if (rc == HOOK_OK) {
        CHECK(e->offset == 0 && e->path[0] == 0 && e->message[0] == 0,
              "%s: ok with an error filled in", what);
        return;
    }
    CHECK(rc > HOOK_OK && rc < HOOK_USAGE, "%s: code %d out of range",
          what, (int)rc);
    CHECK(e->message[0] != 0, "%s: empty message", what);
    CHECK(e->offset <= cur_len, "%s: offset %llu past the input", what,
          (unsigned long long)e->offset);
    if (rc == HOOK_TRUNCATED)
        CHECK(e->offset == cur_len, "%s: TRUNCATED at %llu, not at the end",
              what, (unsigned long long)e->offset);
    else if (hook_code_class(rc) == HOOK_CLASS_SYNTAX)
        CHECK(e->offset < cur_len, "%s: syntax error at the end", what);
    /* every byte before an error position was accepted: LFs are
     * whitespace, and a column counts UTF-8 sequences */
    for (i = 0; i < e->offset; i++) {
        if (cur_data[i] == '\n') {
            line++;
            line_start = i + 1;
        }
    }
    for (i = line_start; i < e->offset; i++)
        if ((cur_data[i] & 0xC0) != 0x80)
            column++;
    CHECK(e->line == line && e->column == column,
          "%s: %s at offset %llu reported at %u:%u, the bytes say %u:%u",
          what, hook_code_name(rc), (unsigned long long)e->offset,
          e->line, e->column, line, column);
}

/* --- runs -------------------------------------------------------------- */

typedef struct run {
    hook_code code;
    hook_error err;
} run;

/* Bytes that init must not leave behind: the streamed parse starts from
 * one, the prefixes from the other. */
#define GARBAGE_STREAMED 0xa5
#define GARBAGE_PREFIX 0x5a

static int same_values(const PKG_T *a, const PKG_T *b)
{
    return PKG_equal(a, b);
}

static int all_zero(const PKG_T *x)
{
    static PKG_T zero;

    return memcmp(x, &zero, sizeof zero) == 0;
}

static void one_shot(const unsigned char *msg, size_t len, PKG_T *out,
                     run *r)
{
    alloc_trap_arm();
    r->code = PKG_parse(out, msg, len, &r->err);
    alloc_trap_disarm();
}

/* Streaming by the plan, with checks on every feed. */
static void streamed(const unsigned char *msg, size_t len, unsigned control,
                     PKG_T *out, run *r)
{
    static PKG_P p;
    plan pl;
    hook_code first = HOOK_OK;
    int doomed = 0;

    plan_init(&pl, control, len);
    alloc_trap_arm();
    PKG_init(&p, out);
    do {
        size_t n = plan_next(&pl);
        hook_code rc = PKG_feed(&p, msg + pl.at, n);

        pl.at += n;
        if (first != HOOK_OK)
            CHECK(rc == first, "feed returned %s after %s",
                  hook_code_name(rc), hook_code_name(first));
        else if (rc != HOOK_OK) {
            CHECK(hook_code_class(rc) == HOOK_CLASS_SYNTAX,
                  "feed returned %s, not a syntax-class error",
                  hook_code_name(rc));
            first = rc;
        }
        CHECK(hook_doomed(&p.rt) >= doomed, "hook_doomed went back to 0");
        doomed = hook_doomed(&p.rt);
        if (rc != HOOK_OK)
            CHECK(doomed, "feed failed but the parser is not doomed");
    } while (pl.at < len);
    CHECK(pl.at == len, "plan did not feed everything");
    r->code = PKG_finish(&p);
    r->err = *PKG_error(&p);
    CHECK(PKG_feed(&p, "x", 1) == HOOK_USAGE, "feed after finish not USAGE");
    CHECK(PKG_finish(&p) == r->code, "second finish changed the verdict");
    alloc_trap_disarm();
    if (first != HOOK_OK)
        CHECK(r->code == first, "finish gave %s after feed gave %s",
              hook_code_name(r->code), hook_code_name(first));
    if (r->code != HOOK_OK)
        CHECK(hook_doomed(&p.rt), "rejected but not doomed");
}

static void check_prefixes(const unsigned char *msg, size_t len,
                           unsigned control, const run *whole)
{
    static PKG_P p;
    size_t last = len, tries, t;
    uint32_t rng = control * 40503u + 7;
    int accepted = whole->code == HOOK_OK;

    while (last > 0 && (msg[last - 1] == ' ' || msg[last - 1] == '\t' ||
                        msg[last - 1] == '\n' || msg[last - 1] == '\r'))
        last--;
    tries = len <= 48 ? len : 24;
    for (t = 0; t < tries; t++) {
        size_t k;
        hook_code rc, fin;
        const hook_error *e;

        if (len <= 48)
            k = t;
        else if (t == 0)
            k = len - 1;
        else if (t == 1)
            k = last > 0 ? last - 1 : 0;
        else if (t == 2)
            k = last < len ? last : 0;
        else
            k = rng_next(&rng) % len;

        memset(&pre, GARBAGE_PREFIX, sizeof pre);
        alloc_trap_arm();
        PKG_init(&p, &pre);
        rc = PKG_feed(&p, msg, k);
        alloc_trap_disarm();
        e = PKG_error(&p);
        if (rc != HOOK_OK) {
            if (!same_error(e, &whole->err)) {
                show_error("prefix", rc, e);
                show_error("whole", whole->code, &whole->err);
                oracle("feeding %zu bytes failed with an error the whole "
                       "message does not have", k);
            }
            continue;
        }
        if (hook_doomed(&p.rt)) {
            CHECK(!accepted, "%zu-byte prefix of an accepted message is "
                  "doomed", k);
            if (hook_code_class(whole->code) != HOOK_CLASS_SYNTAX &&
                !same_error(e, &whole->err)) {
                show_error("prefix", rc, e);
                show_error("whole", whole->code, &whole->err);
                oracle("the error held on a %zu-byte prefix is not the "
                       "whole message's", k);
            }
        }
        alloc_trap_arm();
        fin = PKG_finish(&p);
        alloc_trap_disarm();
        if (!accepted)
            continue;
        if (k < last) {
            CHECK(fin == HOOK_TRUNCATED && e->offset == k,
                  "%zu-byte prefix of an accepted message gave %s at %llu, "
                  "not TRUNCATED at its end", k, hook_code_name(fin),
                  (unsigned long long)e->offset);
        } else {
            CHECK(fin == HOOK_OK && same_values(&pre, &one),
                  "%zu-byte prefix holding the whole value gave %s or "
                  "other values", k, hook_code_name(fin));
        }
    }
}

static void check_print(void)
{
    size_t n, m, cap;
    run r;
    uint32_t rng = (uint32_t)cur_len * 2246822519u + 3;

    alloc_trap_arm();
    n = hook_print(&PKG_RECORD, &one, print_cut, 0, HOOK_PRINT_SECRETS);
    m = PKG_print(&one, print_full, sizeof print_full, HOOK_PRINT_SECRETS);
    alloc_trap_disarm();
    CHECK(n == m, "print needs %zu bytes with cap 0, %zu with room", n, m);
    CHECK(m < sizeof print_full, "printed text longer than 1 MiB");
    CHECK(strlen(print_full) == m, "printed text has a NUL inside");
    cap = rng_next(&rng) % (m + 2);
    alloc_trap_arm();
    n = hook_print(&PKG_RECORD, &one, print_cut, cap, HOOK_PRINT_SECRETS);
    alloc_trap_disarm();
    CHECK(n == m, "print returned %zu with cap %zu, %zu with room", n, cap, m);
    if (cap > 0) {
        size_t keep = m < cap - 1 ? m : cap - 1;
        CHECK(memcmp(print_cut, print_full, keep) == 0 &&
              print_cut[keep] == 0, "print with cap %zu is not a prefix", cap);
    }
    one_shot((const unsigned char *)print_full, m, &again, &r);
    if (r.code != HOOK_OK) {
        show_error("reparse", r.code, &r.err);
        fprintf(stderr, "  printed: %.300s\n", print_full);
        oracle("printed message does not parse back");
    }
#ifdef STREAMED_ARRAYS
    /* Streamed arrays hand their elements to callbacks and print as [],
     * so the struct cannot come back whole: the printed text must. */
    alloc_trap_arm();
    n = hook_print(&PKG_RECORD, &again, print_cut, sizeof print_cut,
                   HOOK_PRINT_SECRETS);
    alloc_trap_disarm();
    if (n != m || memcmp(print_cut, print_full, m) != 0) {
        fprintf(stderr, "  printed: %.300s\n  again:   %.300s\n", print_full,
                print_cut);
        oracle("printed message prints back as other text");
    }
#else
    /* by values: a direct path that gave up part-way may have written
     * bytes that no value covers */
    if (!same_values(&again, &one)) {
        fprintf(stderr, "  printed: %.300s\n", print_full);
        oracle("printed message parses back to other values");
    }
#endif
    /* redacted output is still a valid message */
    alloc_trap_arm();
    m = hook_print(&PKG_RECORD, &one, print_full, sizeof print_full, 0);
    alloc_trap_disarm();
    one_shot((const unsigned char *)print_full, m, &again, &r);
    CHECK(r.code == HOOK_OK, "redacted print does not parse back (%s)",
          hook_code_name(r.code));
}

#ifdef STREAMED_ARRAYS
/* --- element callbacks -------------------------------------------------- */

typedef struct cb_log {
    unsigned calls;      /* elements handed over so far */
    unsigned stop_after; /* stop at this call; 0: never */
    uint64_t hash;       /* FNV-1a of every (array, index, element bytes) */
} cb_log;

typedef struct cb_slot {
    const hook_field *array;
    unsigned id;
    cb_log *log;
} cb_slot;

static cb_slot cb_slots[HOOK_MAX_CALLBACKS];
static unsigned cb_count;
static int cb_found;

/* Every streamed array reachable from `rec`, in table order (schemas
 * nest records at most HOOK_MAX_RECORDS deep). */
static void find_streamed(const hook_record *rec, unsigned depth)
{
    uint16_t i;

    if (depth >= HOOK_MAX_RECORDS)
        return;
    for (i = 0; i < rec->field_count; i++) {
        const hook_field *fd = &rec->fields[i];
        if (fd->type == HOOK_T_ARRAY) {
            if ((fd->flags & HOOK_F_STREAM) && cb_count < HOOK_MAX_CALLBACKS) {
                cb_slots[cb_count].array = fd;
                cb_slots[cb_count].id = cb_count + 1;
                cb_count++;
            }
            if (fd->element->type == HOOK_T_RECORD)
                find_streamed(fd->element->record, depth + 1);
        } else if (fd->type == HOOK_T_RECORD || fd->type == HOOK_T_BODY) {
            find_streamed(fd->record, depth + 1);
        }
    }
}

static void hash_bytes(uint64_t *h, const void *data, size_t n)
{
    const unsigned char *b = data;
    size_t i;

    for (i = 0; i < n; i++) {
        *h ^= b[i];
        *h *= 0x100000001b3u;
    }
}

static int on_element(void *ctx, const void *element, uint32_t index)
{
    const cb_slot *slot = ctx;
    cb_log *log = slot->log;

    hash_bytes(&log->hash, &slot->id, sizeof slot->id);
    hash_bytes(&log->hash, &index, sizeof index);
    hash_bytes(&log->hash, element, slot->array->element_size);
    log->calls++;
    return log->stop_after != 0 && log->calls == log->stop_after;
}

/* The message fed whole (control 0 with `whole`) or by the plan, with a
 * callback on every streamed array. */
static void streamed_cb(const unsigned char *msg, size_t len,
                        unsigned control, int whole, cb_log *log, run *r)
{
    static PKG_P p;
    unsigned i;
    plan pl;

    plan_init(&pl, control, len);
    alloc_trap_arm();
    PKG_init(&p, &piece);
    for (i = 0; i < cb_count; i++) {
        cb_slots[i].log = log;
        CHECK(hook_on_elements(&p.rt, cb_slots[i].array, on_element,
                               &cb_slots[i]) == 0,
              "hook_on_elements refused callback %u", i);
    }
    if (whole) {
        (void)PKG_feed(&p, msg, len);
    } else {
        do {
            size_t n = plan_next(&pl);
            (void)PKG_feed(&p, msg + pl.at, n);
            pl.at += n;
        } while (pl.at < len);
    }
    r->code = PKG_finish(&p);
    r->err = *PKG_error(&p);
    alloc_trap_disarm();
}

static void check_callbacks(const unsigned char *msg, size_t len,
                            unsigned control)
{
    unsigned stops[2], k;
    run a, b;

    if (!cb_found) {
        find_streamed(&PKG_RECORD, 0);
        cb_found = 1;
    }
    if (cb_count == 0)
        return;
    /* never stop; then stop at the 1st, 2nd or 3rd element */
    stops[0] = 0;
    stops[1] = 1 + (control >> 14) % 3;
    for (k = 0; k < 2; k++) {
        unsigned stop = stops[k];
        cb_log la = {0, stop, 0xcbf29ce484222325u};
        cb_log lb = {0, stop, 0xcbf29ce484222325u};
        streamed_cb(msg, len, control, 1, &la, &a);
        streamed_cb(msg, len, control, 0, &lb, &b);
        if (a.code != b.code || !same_error(&a.err, &b.err)) {
            show_error("fed whole", a.code, &a.err);
            show_error("by plan", b.code, &b.err);
            oracle("with callbacks stopping at %u: verdicts differ", stop);
        }
        CHECK(la.calls == lb.calls && la.hash == lb.hash,
              "with callbacks stopping at %u: %u elements fed whole, %u by "
              "plan, or other bytes", stop, la.calls, lb.calls);
        if (stop != 0 && la.calls >= stop)
            CHECK(a.code == HOOK_STOPPED && a.err.offset < len,
                  "callback said stop, verdict %s at %llu",
                  hook_code_name(a.code), (unsigned long long)a.err.offset);
        else if (a.code != HOOK_OK)
            error_sane(a.code, &a.err, "with callbacks");
    }
}
#endif

/* All parser oracles for one fuzz input; returns the one-shot verdict
 * (the struct is in `one`). */
static hook_code parser_oracles(const uint8_t *data, size_t size)
{
    unsigned control;
    const unsigned char *msg;
    size_t len;
    run whole, split;

    if (size < 2)
        return HOOK_OK;
    control = data[0] | (unsigned)data[1] << 8;
    msg = data + 2;
    len = size - 2;
    cur_data = msg;
    cur_len = len;

    memset(&one, 0, sizeof one);
    one_shot(msg, len, &one, &whole);
    last_error = whole.err;
    error_sane(whole.code, &whole.err, "one-shot");

    memset(&piece, GARBAGE_STREAMED, sizeof piece);
    streamed(msg, len, control, &piece, &split);
    if (split.code != whole.code || !same_error(&split.err, &whole.err)) {
        show_error("one-shot", whole.code, &whole.err);
        show_error("streamed", split.code, &split.err);
        oracle("streamed (plan %u:%u) and one-shot verdicts differ",
               control & 3, control >> 2);
    }
    CHECK(same_values(&piece, &one),
          "streamed (plan %u:%u) and one-shot values differ", control & 3,
          control >> 2);
    if (whole.code != HOOK_OK)
        CHECK(all_zero(&one) && all_zero(&piece),
              "rejected message left data in the struct");

    check_prefixes(msg, len, control, &whole);
#ifdef STREAMED_ARRAYS
    check_callbacks(msg, len, control);
#endif
    if (whole.code == HOOK_OK)
        check_print();
    return whole.code;
}
