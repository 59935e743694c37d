/*
 * mews-check - checks Mews integration webhook bodies with the parser
 * hookc generates from schema/mews.hookc.
 *
 *   mews-check [--chunk N] [--ndjson] [--print] FILE...
 *
 * One line per message: "FILE: ok ACTION" on stdout, or
 * "FILE:LINE:COL: error: PATH: message [CODE]" on stderr. Exit status 0
 * when every message is valid, 1 when any is not, 2 on a usage or I/O
 * error. The input is read and fed in pieces, so a file of any size is
 * checked in constant memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mews.h"

#define READ_SIZE 65536
#define PRINT_MAX (1u << 20)

typedef struct options {
    size_t chunk;  /* feed at most this many bytes at a time; 0: no limit */
    int ndjson;
    int print;
} options;

static mews_webhook message;
static char printed[PRINT_MAX];

static void usage(FILE *to)
{
    fputs("usage: mews-check [--chunk N] [--ndjson] [--print] FILE...\n"
          "Checks Mews integration webhook bodies ('-' reads stdin).\n"
          "  --chunk N  feed the parser N bytes at a time\n"
          "  --ndjson   one message per line, each reported\n"
          "  --print    print each valid message as canonical JSON\n"
          "             (secrets redacted) instead of its ok line\n"
          "Exit status: 0 all valid, 1 some invalid, 2 usage or I/O error.\n",
          to);
}

/* Feeds `len` bytes in pieces of at most opt->chunk bytes. */
static void feed(mews_parser *p, const options *opt, const char *data,
                 size_t len)
{
    while (len > 0) {
        size_t n = opt->chunk && opt->chunk < len ? opt->chunk : len;
        if (mews_feed(p, data, n) != HOOK_OK)
            return; /* the error is final; finish reports it */
        data += n;
        len -= n;
    }
}

/* Reports one finished message; returns 1 when it was valid. `line` is
 * the NDJSON line number, or 0 for a whole file. */
static int report(mews_parser *p, const options *opt, const char *name,
                  unsigned long line)
{
    hook_code rc = mews_finish(p);
    const hook_error *e = mews_error(p);

    if (rc != HOOK_OK) {
        fprintf(stderr, "%s:%lu:%lu: error: %s%s%s [%s]\n", name,
                line ? line : (unsigned long)e->line,
                (unsigned long)e->column, e->path, e->path[0] ? ": " : "",
                e->message, hook_code_name(rc));
        return 0;
    }
    if (opt->print) {
        size_t n = mews_print(&message, printed, sizeof printed, 0);
        if (n >= sizeof printed) {
            fprintf(stderr, "%s: message too large to print\n", name);
            return 0;
        }
        printf("%s\n", printed);
    } else if (line) {
        printf("%s:%lu: ok %s\n", name, line, mews_action_name(message.action));
    } else {
        printf("%s: ok %s\n", name, mews_action_name(message.action));
    }
    return 1;
}

/* Checks one file; returns 0 all valid, 1 some invalid, 2 I/O error. */
static int check_file(const char *name, const options *opt)
{
    static char buf[READ_SIZE];
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    mews_parser p;
    unsigned long line = 1;
    int status = 0, pending = 0;
    size_t n;

    if (!f) {
        fprintf(stderr, "mews-check: %s: %s\n", name, strerror(errno));
        return 2;
    }
    mews_init(&p, &message);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        size_t i = 0;
        if (!opt->ndjson) {
            feed(&p, opt, buf, n);
            continue;
        }
        while (i < n) {
            const char *nl = memchr(buf + i, '\n', n - i);
            size_t end = nl ? (size_t)(nl - buf) : n;
            if (end > i) {
                feed(&p, opt, buf + i, end - i);
                pending = 1;
            }
            if (!nl)
                break;
            if (pending && !report(&p, opt, name, line))
                status = 1;
            pending = 0;
            mews_init(&p, &message);
            line++;
            i = end + 1;
        }
    }
    if (ferror(f)) {
        fprintf(stderr, "mews-check: %s: %s\n", name, strerror(errno));
        status = 2;
    } else if (!opt->ndjson || pending) {
        if (!report(&p, opt, name, opt->ndjson ? line : 0))
            status = 1;
    }
    if (f != stdin)
        fclose(f);
    return status;
}

int main(int argc, char **argv)
{
    options opt = {0, 0, 0};
    int i, status = 0, files = 0;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "--ndjson") == 0) {
            opt.ndjson = 1;
        } else if (strcmp(a, "--print") == 0) {
            opt.print = 1;
        } else if (strcmp(a, "--chunk") == 0) {
            char *end;
            unsigned long v;
            if (++i == argc) {
                fputs("mews-check: --chunk needs a size\n", stderr);
                return 2;
            }
            errno = 0;
            v = strtoul(argv[i], &end, 10);
            if (errno || *end || v == 0 || argv[i][0] == '-') {
                fprintf(stderr, "mews-check: --chunk: bad size '%s'\n",
                        argv[i]);
                return 2;
            }
            opt.chunk = v;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "mews-check: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else {
            break;
        }
    }
    for (; i < argc; i++) {
        int s = check_file(argv[i], &opt);
        if (s > status)
            status = s;
        files++;
    }
    if (files == 0) {
        usage(stderr);
        return 2;
    }
    if (fflush(stdout) != 0)
        return 2;
    return status;
}
