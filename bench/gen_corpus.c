/*
 * gen_corpus.c - reproducible corpus of Mews integration webhooks.
 *
 * Usage: gen_corpus SEED COUNT CORPUS.ndjson BIG.json
 *
 * Writes COUNT messages, one per line (NDJSON), and one message with a
 * large (about 1 MiB) unknown member for the skipping measurement. The
 * same SEED and COUNT always give the same bytes: the only randomness
 * is the xoshiro256** generator below, seeded with splitmix64.
 *
 * Action proportions (of COUNT), chosen to resemble a partner's inbox,
 * where integrations are mostly created and switched on and off:
 *   IntegrationCreated        30%
 *   IntegrationEnabled        20%
 *   IntegrationDisabled       20%
 *   IntegrationDeleted        10%
 *   IntegrationCanceled        8%
 *   IntegrationReinstated      7%
 *   IntegrationApiKeyCreated   5%
 * Other choices (all per message): Requestor present 50% / null 30% /
 * absent 20%; Service present 40%; DeletedUtc null 40%; date-times with
 * a fraction of 1-9 digits 40% and a numeric offset 25%; 1-3 unknown
 * members (numbers, arrays, nested objects) 35%; Data before Action 15%;
 * spaced ("a": 1, "b") rather than compact layout 40%; names mix ASCII,
 * accented Latin, Cyrillic, Greek, CJK, Hangul and emoji, and 5% of
 * names write non-ASCII characters as \u escapes (emoji as surrogate
 * pairs). Every message is valid for schema/mews.hookc.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- PRNG: xoshiro256** seeded by splitmix64 ----------------------- */

static uint64_t rs[4];

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rnd(void)
{
    uint64_t r = rotl(rs[1] * 5, 7) * 9, t = rs[1] << 17;
    rs[2] ^= rs[0];
    rs[3] ^= rs[1];
    rs[1] ^= rs[2];
    rs[0] ^= rs[3];
    rs[2] ^= t;
    rs[3] = rotl(rs[3], 45);
    return r;
}

/* uniform in [0, n) */
static unsigned below(unsigned n) { return (unsigned)((rnd() >> 32) * n >> 32); }
static int pct(unsigned p) { return below(100) < p; }

/* --- output buffer --------------------------------------------------- */

static char *buf;
static size_t len, cap;

static void put(const char *s, size_t n)
{
    if (len + n > cap) {
        cap = (len + n) * 2 + 4096;
        buf = realloc(buf, cap);
        if (!buf) {
            perror("realloc");
            exit(1);
        }
    }
    memcpy(buf + len, s, n);
    len += n;
}
static void puts_(const char *s) { put(s, strlen(s)); }

static int spaced; /* layout of the current message */

static void key(const char *k)
{
    puts_("\"");
    puts_(k);
    puts_(spaced ? "\": " : "\":");
}
static void comma(void) { puts_(spaced ? ", " : ","); }

/* --- values ----------------------------------------------------------- */

static const char hexl[] = "0123456789abcdef", hexu[] = "0123456789ABCDEF";

static void uuid(void)
{
    const char *h = pct(5) ? hexu : hexl;
    char s[39];
    int i, j = 0;
    s[j++] = '"';
    for (i = 0; i < 32; i++) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            s[j++] = '-';
        s[j++] = h[below(16)];
    }
    s[j++] = '"';
    put(s, (size_t)j);
}

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static void datetime(void)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 2015 + (int)below(11), m = 1 + (int)below(12), d;
    char s[64];
    int n;
    /* leap days now and then, the calendar's usual trap */
    if (pct(2) && leap(y) == 0)
        y = 2016 + 4 * (int)below(3);
    if (pct(2) && leap(y))
        m = 2, d = 29;
    else
        d = 1 + (int)below((unsigned)(mdays[m - 1] + (m == 2 && leap(y))));
    n = sprintf(s, "\"%04d-%02d-%02d%c%02u:%02u:%02u", y, m, d,
                pct(1) ? 't' : 'T', below(24), below(60), below(60));
    if (pct(40)) {
        int k, digits = 1 + (int)below(9);
        s[n++] = '.';
        for (k = 0; k < digits; k++)
            s[n++] = (char)('0' + below(10));
    }
    if (pct(25)) {
        static const char *offs[] = {"+01:00", "+02:00", "-05:00", "+05:30",
                                     "-08:00", "+09:00", "+00:00", "-03:30",
                                     "+13:45", "-00:00"};
        n += sprintf(s + n, "%s", offs[below(10)]);
    } else {
        s[n++] = pct(1) ? 'z' : 'Z';
    }
    s[n++] = '"';
    put(s, (size_t)n);
}

/* Words for names: ASCII, accented Latin, other scripts, emoji. */
static const char *ascii_words[] = {
    "Hotel", "Grand", "Plaza", "Central", "Park", "Resort", "Inn", "Suites",
    "Channel", "Manager", "Revenue", "Booking", "Connect", "Sync", "Pro",
    "Webhook", "TEST", "Sample", "Chain", "City", "Riverside", "Old", "Town",
    "Harbour", "View", "Spa", "Lodge", "Apartments", "Hostel", "Boutique",
    "PMS", "POS", "Keys", "Door", "Lock", "Guest", "Portal", "Analytics"};
static const char *intl_words[] = {
    "Hôtel", "Château", "Café", "Zürich", "Señorío", "Ålesund", "Kraków",
    "Praha–Žižkov", "Português", "Müller", "Crème", "Brûlée", "Øresund",
    "Łódź", "Açores", "Gasthöfe", "Гостиница", "Москва", "Ξενοδοχείο",
    "Αθήνα", "東京", "ホテル", "北京饭店", "上海", "서울", "호텔", "京都旅館",
    "Ελληνικά", "İstanbul", "Ḥaifa", "Hà Nội", "Đà Nẵng", "Reykjavík"};
static const char *emoji[] = {"🏨", "✨", "🌊", "🏔️", "🌴", "⭐", "🛎️",
                              "🇨🇿", "☕", "🍷"};

/* Writes one UTF-8 string body, escaping every non-ASCII character as
 * \uXXXX (surrogate pairs above the BMP) when `esc`. */
static void put_text(const char *s, int esc)
{
    const unsigned char *u = (const unsigned char *)s;
    char tmp[16];
    if (!esc) {
        puts_(s);
        return;
    }
    while (*u) {
        uint32_t c;
        int n;
        if (*u < 0x80) {
            put((const char *)u, 1);
            u++;
            continue;
        }
        if (*u < 0xE0)
            c = *u & 0x1Fu, n = 1;
        else if (*u < 0xF0)
            c = *u & 0x0Fu, n = 2;
        else
            c = *u & 0x07u, n = 3;
        for (u++; n-- > 0; u++)
            c = c << 6 | (*u & 0x3Fu);
        if (c >= 0x10000) {
            c -= 0x10000;
            sprintf(tmp, "\\u%04x\\u%04x", 0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF));
        } else {
            sprintf(tmp, "\\u%04x", c);
        }
        puts_(tmp);
    }
}

static void name_string(unsigned minw, unsigned maxw)
{
    char s[8192];   /* 400 words of at most 16 bytes */
    size_t n = 0;
    unsigned i, words = minw + below(maxw - minw + 1);
    for (i = 0; i < words; i++) {
        const char *w;
        unsigned r = below(100);
        if (r < 55)
            w = ascii_words[below(sizeof ascii_words / sizeof *ascii_words)];
        else if (r < 93)
            w = intl_words[below(sizeof intl_words / sizeof *intl_words)];
        else
            w = emoji[below(sizeof emoji / sizeof *emoji)];
        if (i)
            s[n++] = ' ';
        memcpy(s + n, w, strlen(w));
        n += strlen(w);
    }
    if (pct(3)) {
        memcpy(s + n, " \\\"2\\\"", 7);   /* an escaped quote pair */
        n += 7;
    }
    if (pct(2)) {
        memcpy(s + n, " a\\/b", 5);
        n += 5;
    }
    s[n] = 0;
    puts_("\"");
    put_text(s, pct(5));
    puts_("\"");
}

static void hex_token(unsigned n, const char *h)
{
    unsigned i;
    puts_("\"");
    for (i = 0; i < n; i++) {
        char c = h[below(16)];
        put(&c, 1);
    }
    puts_("\"");
}

static void access_token(void)
{
    /* like the documented ones: 32 hex, a dash, 31 hex */
    unsigned i;
    puts_("\"");
    for (i = 0; i < 64; i++) {
        char c = i == 32 ? '-' : hexu[below(16)];
        put(&c, 1);
    }
    puts_("\"");
}

static void email(void)
{
    static const char *local[] = {"jana.novakova", "ops", "reservations",
        "it-support", "john.smith+mews", "front.desk", "revenue_team",
        "müller", "admin", "gm"};
    static const char *domain[] = {"hotel-ruze.cz", "example.com",
        "grandplaza.co.uk", "mews.com", "chain-hotels.de", "hôtel.fr",
        "mail.resort.io", "東京ホテル.jp"};
    puts_("\"");
    puts_(local[below(10)]);
    puts_("@");
    puts_(domain[below(8)]);
    puts_("\"");
}

static void id_name(void)
{
    puts_("{");
    if (pct(90)) {
        key("Id"); uuid(); comma(); key("Name"); name_string(1, 4);
    } else {
        key("Name"); name_string(1, 4); comma(); key("Id"); uuid();
    }
    puts_("}");
}

/* an unknown member's value: numbers, literals, strings, arrays, objects */
static void unknown_value(int depth)
{
    unsigned r = below(depth > 2 ? 5 : 7), i, n;
    static const char *nums[] = {"0", "1", "42", "-7", "3.14", "-0.5",
                                 "1e3", "2.5E-4", "12345678901", "-0"};
    switch (r) {
    case 0: puts_(nums[below(10)]); break;
    case 1: puts_(pct(50) ? "true" : pct(50) ? "false" : "null"); break;
    case 2: name_string(1, 3); break;
    case 3: hex_token(8 + below(24), hexl); break;
    case 4: datetime(); break;
    case 5:
        puts_("[");
        for (i = 0, n = below(4); i < n; i++) {
            if (i) comma();
            unknown_value(depth + 1);
        }
        puts_("]");
        break;
    default:
        puts_("{");
        for (i = 0, n = 1 + below(3), r = below(6); i < n; i++) {
            static const char *ks[] = {"Attempt", "Code", "Source", "Note",
                                       "Region", "Flags"};
            if (i) comma();
            key(ks[(r + i) % 6]);   /* distinct within the object */
            unknown_value(depth + 1);
        }
        puts_("}");
    }
}

static void unknowns(void)
{
    static const char *ks[] = {"Version", "SentUtc", "TraceId",
                               "Environment", "Retry", "Metadata"};
    unsigned i, n = 1 + below(3), first = below(6);
    for (i = 0; i < n; i++) {
        key(ks[(first + i) % 6]);
        switch ((first + i) % 6) {
        case 0: puts_(pct(50) ? "2" : "\"2024-01-01\""); break;
        case 1: datetime(); break;
        case 2: hex_token(32, hexl); break;
        case 3: puts_(pct(80) ? "\"Production\"" : "\"Demo\""); break;
        default: unknown_value(1);
        }
        comma();
    }
}

enum { CREATED, ENABLED, DISABLED, DELETED, CANCELED, REINSTATED, APIKEY };
static const char *actions[] = {"IntegrationCreated", "IntegrationEnabled",
    "IntegrationDisabled", "IntegrationDeleted", "IntegrationCanceled",
    "IntegrationReinstated", "IntegrationApiKeyCreated"};

static int pick_action(void)
{
    unsigned r = below(100);
    if (r < 30) return CREATED;
    if (r < 50) return ENABLED;
    if (r < 70) return DISABLED;
    if (r < 80) return DELETED;
    if (r < 88) return CANCELED;
    if (r < 95) return REINSTATED;
    return APIKEY;
}

static void data(int a)
{
    puts_("{");
    switch (a) {
    case CREATED:
        key("Enterprise"); id_name(); comma();
        if (pct(80)) {
            key("Requestor");
            if (pct(62)) {   /* 50% of all: present; 30%: null */
                puts_("{"); key("Name"); name_string(1, 3); comma();
                key("Email"); email(); puts_("}");
            } else {
                puts_("null");
            }
            comma();
        }
        key("AccessToken"); access_token(); comma();
        key("CreatedUtc"); datetime(); comma();
        key("IsEnabled"); puts_(pct(85) ? "true" : "false"); comma();
        key("Integration"); id_name();
        if (pct(40)) {
            comma(); key("Service"); id_name();
        }
        break;
    case DELETED:
        if (pct(50)) {
            key("DeletedUtc");
            if (pct(40)) puts_("null"); else datetime();
            comma(); key("Integration"); id_name();
        } else {
            key("Integration"); id_name(); comma(); key("DeletedUtc");
            if (pct(40)) puts_("null"); else datetime();
        }
        break;
    case APIKEY:
        key("Integration"); id_name(); comma();
        key("ApiKey"); hex_token(40 + below(25), hexu);
        break;
    default:
        key("Integration"); id_name();
    }
    puts_("}");
}

static void message(void)
{
    int a = pick_action(), data_first = pct(15);
    spaced = pct(40);
    puts_("{");
    if (pct(35))
        unknowns();
    if (data_first) {
        key("Data"); data(a); comma();
        key("Action"); puts_("\""); puts_(actions[a]); puts_("\"");
    } else {
        key("Action"); puts_("\""); puts_(actions[a]); puts_("\"");
        comma(); key("Data"); data(a);
    }
    puts_("}");
}

/* ~1 MiB of nested objects, arrays and long strings under one unknown
 * member, nested at most 8 deep (well under every parser's limit). */
static void big_value(int depth, size_t stop)
{
    unsigned i, n;
    if (depth >= 8 || len > stop) {
        name_string(20, 200);   /* a long string of mixed scripts */
        return;
    }
    puts_("{");
    for (i = 0, n = 4 + below(5); i < n && len < stop; i++) {
        char k[32];
        if (i) comma();
        sprintf(k, "k%u_%u", (unsigned)depth, i);
        key(k);
        switch (below(4)) {
        case 0: name_string(50, 400); break;
        case 1:
            puts_("[");
            unknown_value(3); comma(); unknown_value(3); comma();
            puts_("12345.678e-3"); comma(); puts_("true");
            puts_("]");
            break;
        default: big_value(depth + 1, stop);
        }
    }
    puts_("}");
}

int main(int argc, char **argv)
{
    uint64_t seed;
    long count, i;
    FILE *f;
    size_t start;

    if (argc != 5) {
        fprintf(stderr, "usage: gen_corpus SEED COUNT CORPUS.ndjson BIG.json\n");
        return 2;
    }
    seed = strtoull(argv[1], NULL, 0);
    count = strtol(argv[2], NULL, 0);
    for (i = 0; i < 4; i++)
        rs[i] = splitmix(&seed);

    for (i = 0; i < count; i++) {
        message();
        puts_("\n");
    }
    f = fopen(argv[3], "wb");
    if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
        perror(argv[3]);
        return 1;
    }
    fprintf(stderr, "gen_corpus: %ld messages, %zu bytes, %.1f bytes/message\n",
            count, len, (double)len / (double)count);

    /* the big message */
    len = 0;
    spaced = 0;
    puts_("{\"Action\":\"IntegrationDisabled\",\"Diagnostics\":");
    start = len;
    while (len - start < (1u << 20)) {
        if (len > start)
            puts_(",");
        else
            puts_("[");
        big_value(1, start + (1u << 20));
    }
    puts_("]");
    puts_(",\"Data\":{\"Integration\":{\"Id\":\"9e5e84e9-974d-4f16-9662-ab2200f27cb1\","
          "\"Name\":\"WebhookTEST\"}}}\n");
    f = fopen(argv[4], "wb");
    if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
        perror(argv[4]);
        return 1;
    }
    fprintf(stderr, "gen_corpus: big message %zu bytes\n", len);
    free(buf);
    return 0;
}
