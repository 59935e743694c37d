/*
 * validate.h - the Mews schema's checks, written once for every peer.
 *
 * These are independent of hookc's runtime (the peers must not borrow
 * its code): value checkers with the same acceptance rules as
 * schema/mews.hookc and docs/schema-language.md, member-name
 * classifiers, and the per-variant required sets.
 */
#ifndef BENCH_VALIDATE_H
#define BENCH_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* string-encoded types */
int v_uuid(const char *s, size_t n);      /* 8-4-4-4-12 hex, any case */
int v_datetime(const char *s, size_t n);  /* RFC 3339, calendar-checked */
int v_email(const char *s, size_t n);     /* dot-atom @ 2+ labels, <= 254 */
int v_utf8(const char *s, size_t n);      /* no overlongs, surrogates, > U+10FFFF */

/* A whole JSON text: valid UTF-8 and no control bytes but TAB, LF, CR
 * (inside strings they must be escaped; outside only those are
 * whitespace). For peers whose library checks neither. */
int v_text(const char *s, size_t n);

/* An RFC 8259 number, exactly. */
int v_number(const char *s, size_t n);

/* The inside of a JSON string (between the quotes): escapes well-formed,
 * surrogates paired, no raw control bytes. Returns the decoded length in
 * bytes, or -1. UTF-8 of raw bytes is not checked here (see v_text). */
long v_string(const char *s, size_t n);
/* Same, decoding into dst (at least n bytes). */
long v_unescape(const char *s, size_t n, char *dst);

/* Bounds from schema/mews.hookc. */
enum { V_NAME_MAX = 1024, V_EMAIL_MAX = 254, V_TOKEN_MAX = 512 };

/* Action value -> variant 0..6, or -1. */
int v_action(const char *s, size_t n);

/* Members of the envelope. */
enum { R_ACTION, R_DATA };
int v_root_key(const char *s, size_t n);

/* Members of Data: the union of every variant's members, each checked
 * whenever present (as hookc does), required per variant. */
enum { B_ENTERPRISE, B_REQUESTOR, B_ACCESSTOKEN, B_CREATEDUTC, B_ISENABLED,
       B_INTEGRATION, B_SERVICE, B_DELETEDUTC, B_APIKEY, B_COUNT };
int v_body_key(const char *s, size_t n);
extern const unsigned v_required[7]; /* bit B_x per variant */

/* Members of the small records: Enterprise, Integration, Service have
 * Id and Name; Requestor has Name and Email. */
enum { K_ID, K_NAME, K_EMAIL };
int v_rec_key(int b, const char *s, size_t n); /* -1: not a member of b */
/* required bits (1 << K_x) of the record held by body member b */
unsigned v_rec_required(int b);

/* Kinds of body members, for peers that dispatch on the JSON type. */
enum { T_RECORD, T_STRING, T_DATETIME, T_BOOL };
extern const unsigned char v_body_type[B_COUNT];
extern const unsigned v_body_nullable; /* bit B_x: null allowed */

/* A decoded string value of body member b / record member k: 1 if valid
 * (a string member of the right type, bounds and syntax). */
int v_body_string(int b, const char *s, size_t n);
int v_rec_string(int k, const char *s, size_t n);

#ifdef __cplusplus
}
#endif

#endif
