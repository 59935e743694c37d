/*
 * check.c - a command-line checker over one generated package: built as
 * mews-check, general-check, websocket-check and endpoint-check.
 *
 *   NAME-check [--chunk N] [--ndjson] [--print] FILE...
 *
 * One line per message: "FILE: ok [TAG]" on stdout (TAG: the root's tag
 * value or the shape a presence union chose), or
 * "FILE:LINE:COL: error: PATH: message [CODE]" on stderr. Elements of
 * streamed arrays whose open tag has an unknown value are reported on
 * stdout as "FILE[:LINE]: PATH: unknown TAG 'VALUE'" (LINE in NDJSON
 * mode), and are not errors.
 * Exit status 0 when every message is valid, 1 when any is not, 2 on a
 * usage or I/O error. The input is read and fed in pieces, so a file of
 * any size is checked in constant memory.
 *
 * Built with -DTOOL='"mews-check"' -DPKG_HEADER='"mews.h"'
 * -DROOT_TYPE=mews_webhook -DROOT_RECORD=mews_webhook_record; it uses
 * only the runtime's generic API, so one source serves every package.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include PKG_HEADER

#define READ_SIZE 65536
#define PRINT_MAX (1u << 20)

typedef struct options {
    size_t chunk;  /* feed at most this many bytes at a time; 0: no limit */
    int ndjson;
    int print;
} options;

static ROOT_TYPE message;
static const char *current_name;
static unsigned long current_line; /* NDJSON line, or 0 for a file */
static char printed[PRINT_MAX];

static void usage(FILE *to)
{
    fputs("usage: " TOOL " [--chunk N] [--ndjson] [--print] FILE...\n"
          "Checks JSON messages with the parser generated as " PKG_HEADER
          " ('-' reads stdin).\n"
          "  --chunk N  feed the parser N bytes at a time\n"
          "  --ndjson   one message per line, each reported\n"
          "  --print    print each valid message as canonical JSON\n"
          "             (secrets redacted) instead of its ok line\n"
          "Exit status: 0 all valid, 1 some invalid, 2 usage or I/O error.\n",
          to);
}

/* Feeds `len` bytes in pieces of at most opt->chunk bytes. */
static void feed(hook_parser *p, const options *opt, const char *data,
                 size_t len)
{
    while (len > 0) {
        size_t n = opt->chunk && opt->chunk < len ? opt->chunk : len;
        if (hook_feed(p, data, n) != HOOK_OK)
            return; /* the error is final; finish reports it */
        data += n;
        len -= n;
    }
}

/* Reports one finished message; returns 1 when it was valid. `line` is
 * the NDJSON line number, or 0 for a whole file. */
/* What the ok line names: the root's tag value, or the shape a union of
 * present members chose; "" when the root is neither. */
static const char *root_label(void)
{
    const hook_record *rec = &ROOT_RECORD;
    const unsigned char *base = (const unsigned char *)&message;
    int index = 0;

    if (rec->alternative_count > 0) {
        memcpy(&index, base + rec->chosen, sizeof index);
        if (index > 0 && index <= rec->alternative_count)
            return rec->alternatives[index - 1].name;
    } else if (rec->tag_field >= 0) {
        memcpy(&index, base + rec->fields[rec->tag_field].value,
               sizeof index);
        if (index > 0 && index <= rec->variant_count)
            return rec->variants[index - 1].name;
    }
    return "";
}

/* Reports elements whose open tag named a variant nobody knows. */
static int on_element(void *ctx, const void *element, uint32_t index)
{
    const hook_field *array = ctx;
    const hook_record *rec = array->element->record;
    const unsigned char *base = element;
    const hook_field *tag;
    uint32_t len;
    int variant;

    if (!rec || rec->tag_field < 0)
        return 0;
    tag = &rec->fields[rec->tag_field];
    memcpy(&variant, base + tag->value, sizeof variant);
    if (variant != 0 || !(tag->flags & HOOK_F_OPEN))
        return 0;
    memcpy(&len, base + tag->length, sizeof len);
    if (current_line)
        printf("%s:%lu: %.*s[%lu]: unknown %.*s '%.*s'\n", current_name,
               current_line, (int)array->name_len, array->name,
               (unsigned long)index, (int)tag->name_len, tag->name, (int)len,
               (const char *)base + tag->text);
    else
        printf("%s: %.*s[%lu]: unknown %.*s '%.*s'\n", current_name,
           (int)array->name_len, array->name, (unsigned long)index,
           (int)tag->name_len, tag->name, (int)len,
           (const char *)base + tag->text);
    return 0;
}

/* Starts a message: the parser, and a callback on each streamed array
 * of the root record. */
static void start(hook_parser *p)
{
    const hook_record *rec = &ROOT_RECORD;
    uint16_t i;

    hook_init(p, rec, &message, sizeof message);
    for (i = 0; i < rec->field_count; i++) {
        const hook_field *fd = &rec->fields[i];
        if (fd->type == HOOK_T_ARRAY && (fd->flags & HOOK_F_STREAM))
            hook_on_elements(p, fd, on_element, (void *)fd);
    }
}

static int report(hook_parser *p, const options *opt, const char *name,
                  unsigned long line)
{
    hook_code rc = hook_finish(p);
    const hook_error *e = hook_get_error(p);
    const char *label = root_label();

    if (rc != HOOK_OK) {
        fprintf(stderr, "%s:%lu:%lu: error: %s%s%s [%s]\n", name,
                line ? line : (unsigned long)e->line,
                (unsigned long)e->column, e->path, e->path[0] ? ": " : "",
                e->message, hook_code_name(rc));
        return 0;
    }
    if (opt->print) {
        size_t n = hook_print(&ROOT_RECORD, &message, printed,
                              sizeof printed, 0);
        if (n >= sizeof printed) {
            fprintf(stderr, "%s: message too large to print\n", name);
            return 0;
        }
        printf("%s\n", printed);
    } else if (line) {
        printf("%s:%lu: ok%s%s\n", name, line, label[0] ? " " : "", label);
    } else {
        printf("%s: ok%s%s\n", name, label[0] ? " " : "", label);
    }
    return 1;
}

/* Checks one file; returns 0 all valid, 1 some invalid, 2 I/O error. */
static int check_file(const char *name, const options *opt)
{
    static char buf[READ_SIZE];
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    static hook_parser p;
    unsigned long line = 1;
    int status = 0, pending = 0;
    size_t n;

    if (!f) {
        fprintf(stderr, TOOL ": %s: %s\n", name, strerror(errno));
        return 2;
    }
    current_name = name;
    current_line = opt->ndjson ? 1 : 0;
    start(&p);
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
            start(&p);
            line++;
            current_line = line;
            i = end + 1;
        }
    }
    if (ferror(f)) {
        fprintf(stderr, TOOL ": %s: %s\n", name, strerror(errno));
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
                fputs(TOOL ": --chunk needs a size\n", stderr);
                return 2;
            }
            errno = 0;
            v = strtoul(argv[i], &end, 10);
            if (errno || *end || v == 0 || argv[i][0] == '-') {
                fprintf(stderr, TOOL ": --chunk: bad size '%s'\n",
                        argv[i]);
                return 2;
            }
            opt.chunk = v;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, TOOL ": unknown option '%s'\n", a);
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
