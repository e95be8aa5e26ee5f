/* campctl: the command-line tool around libcamp. Each command lives in its own
 * file (cmd_*.c); main.c parses the global options and dispatches.
 *
 * Exit codes (the same for every command; `campctl --help` and docs/campctl.md
 * list them): 0 success; 1 a document, signature or request refused; 2 usage
 * or local I/O; 3 authentication or permission (401/403); 4 not found (404);
 * 5 rate limited after the allowed retries (429); 6 network (DNS, refused,
 * reset, timeout); 7 TLS (verification or handshake); 8 server error (5xx) or
 * a malformed response.
 *
 * Every text that comes from the network or a file is printed through term.h;
 * with --json every result is one JSON object on stdout (report.c). */
#ifndef CAMPCTL_H
#define CAMPCTL_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "camp/camp.h"
#include "term.h"

#define CAMPCTL_OK 0
#define CAMPCTL_FAIL 1         /* document, signature or request refused */
#define CAMPCTL_USAGE 2        /* usage or local I/O */
#define CAMPCTL_AUTH 3         /* 401, 403 */
#define CAMPCTL_NOT_FOUND 4    /* 404 */
#define CAMPCTL_RATE_LIMITED 5 /* 429 after the allowed retries */
#define CAMPCTL_NETWORK 6      /* DNS, refused, reset, timeout */
#define CAMPCTL_TLS 7          /* TLS verification or handshake */
#define CAMPCTL_SERVER 8       /* 5xx or a malformed response */

/* Largest token / secret accepted from a file or the environment. */
#define CAMPCTL_SECRET_MAX 4095u

/* Global options: accepted before or after the command word (main.c). */
typedef struct campctl_global {
    bool json;              /* --json: one JSON object per result on stdout */
    const char *base_url;   /* --base-url */
    const char *ca_file;    /* --ca-file */
    const char *token_file; /* --token-file */
    uint32_t timeout_ms;    /* --timeout-ms: the whole of one request attempt
                               (CAMP_HTTP_TIMEOUT_MS by default) */
    uint32_t retries;       /* --retries */
    const char *proxy;      /* --proxy URL ("" = none, whatever the environment says);
                               NULL: https_proxy / http_proxy and no_proxy decide */
} campctl_global_t;

extern campctl_global_t campctl_opt; /* main.c */

/* ---- JSON output (report.c): a small writer for --json ----------------------------- */

#define CAMPCTL_JSON_DEPTH 8
typedef struct campctl_json {
    FILE *out;
    unsigned depth;
    bool first[CAMPCTL_JSON_DEPTH];
} campctl_json_t;

/* `{`; campctl_json_end() closes what is open and ends the line. */
void cj_begin(campctl_json_t *j, FILE *out);
void cj_end(campctl_json_t *j);
/* Members (key) or array elements (key NULL). */
void cj_open(campctl_json_t *j, const char *key, char brace); /* '{' or '[' */
void cj_close(campctl_json_t *j, char brace);                 /* '}' or ']' */
void cj_str(campctl_json_t *j, const char *key, const char *s, size_t n);
void cj_cstr(campctl_json_t *j, const char *key, const char *s); /* NULL = null */
void cj_int(campctl_json_t *j, const char *key, long long v);
void cj_bool(campctl_json_t *j, const char *key, bool v);
void cj_null(campctl_json_t *j, const char *key);
/* A value already in JSON form (from libcamp's encoder). */
void cj_raw(campctl_json_t *j, const char *key, const char *json, size_t n);

/* ---- failures (report.c) ------------------------------------------------------------ */

/* Everything known about one failure; unknown parts NULL / 0. */
typedef struct campctl_err {
    camp_status_t status;               /* CAMP_OK for a local usage or I/O error */
    const char *kind;                   /* "usage" or "io" when status is CAMP_OK */
    const char *message;                /* campctl's own words */
    const char *file;                   /* the file a refused document came from */
    const camp_diag_t *diag;            /* path, rule, offset, limits */
    const camp_client_result_t *result; /* HTTP status, API code / message, request id */
    const char *detail;                 /* what the transport said (errno, TLS) */
} campctl_err_t;

/* Enumerator name of a status ("CAMP_ERR_API_NOT_FOUND"); numbers this build
 * does not know as "CAMP_STATUS_<n>" (written to buf). */
const char *campctl_status_name(camp_status_t st, char *buf, size_t cap);

/* The exit code for a failed call (see the list above). http_status is the
 * response's status or 0 when no response arrived. */
int campctl_exit_code(camp_status_t st, int http_status);

/* With --json: {"error": {...}} on stdout. Returns exit_code. */
int campctl_error_json(const campctl_err_t *e, int exit_code);

/* "campctl: MESSAGE" on stderr (escaped), and the JSON error with --json.
 * Returns CAMPCTL_USAGE. */
int campctl_usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
int campctl_io_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* A refused document: "PATH: RULE" (and the byte for syntax errors) on stdout,
 * prefixed by "FILE: " when file is not NULL, or the JSON error. Returns 1
 * (2 for CAMP_ERR_ARG: campctl's own fault, e.g. out of memory). */
int campctl_refused_doc(const char *file, const camp_diag_t *diag, FILE *text_out);

/* Print the usage of one command (main.c) on @p out. Returns 0 when known. */
int campctl_command_usage(const char *name, FILE *out);

/* One decodable document type for `campctl validate --type NAME`.
 * check() decodes and validates doc (already tokenized); on failure it fills
 * diag and returns the status. When out is not NULL and the document is valid,
 * it prints the decoded fields, one `path = value` per line. */
typedef struct campctl_doc_type {
    const char *name;
    camp_status_t (*check)(camp_json_doc_t *doc, camp_diag_t *diag, FILE *out);
} campctl_doc_type_t;

/* Tables ending with a {NULL, NULL} entry. */
extern const campctl_doc_type_t campctl_inbox_types[];  /* types_inbox.c */
extern const campctl_doc_type_t campctl_outbox_types[]; /* types_outbox.c */
const campctl_doc_type_t *campctl_find_type(const char *name);

/* Read a whole file ("-" = stdin) into a heap buffer with one spare byte
 * (NUL-terminated). Returns 0, or prints why and returns CAMPCTL_USAGE. */
int campctl_read_file(const char *path, char **data, size_t *len);

/* As campctl_read_file(), refusing (CAMPCTL_USAGE, saying so) a file longer
 * than max bytes, one trailing line end not counted: never a silent cut.
 * what names the file in messages. */
int campctl_read_file_max(const char *path, size_t max, const char *what, char **data, size_t *len);

/* Check a tokenized document with a type: prints nothing (the fields with
 * --print), the refusal, or with --json {result_key: true, "type": T,
 * "fields": {...}}. Returns the exit code. */
int campctl_check_document(const campctl_doc_type_t *type, camp_json_doc_t *doc, bool print,
                           const char *file, const char *result_key);

/* Tokenize with a token array sized for the document (heap, host tool only).
 * Returns CAMP_OK or the parse status with diag filled. *tokens must be freed. */
camp_status_t campctl_parse(camp_json_doc_t *doc, char *data, size_t len,
                            camp_json_token_t **tokens, camp_diag_t *diag);

/* Print "PATH: RULE" (and the byte offset for syntax errors) on out. */
void campctl_print_diag(FILE *out, const camp_diag_t *diag);
/* "PATH: RULE" only: no byte offset, no line end. */
void campctl_print_diag_inline(FILE *out, const camp_diag_t *diag);

/* Commands. argv[0] is the command name. */
int campctl_cmd_json_check(int argc, char **argv);     /* cmd_json.c */
int campctl_cmd_validate(int argc, char **argv);       /* cmd_validate.c */
int campctl_cmd_webhook_verify(int argc, char **argv); /* cmd_webhook.c */
int campctl_cmd_tz(int argc, char **argv);             /* cmd_tz.c */
int campctl_cmd_schedule(int argc, char **argv);       /* cmd_tz.c */
int campctl_cmd_sizes(int argc, char **argv);          /* cmd_sizes.c */
/* Online commands (get, enable, pause, create, ...); argv[0] is the command
 * word, the global options are in campctl_opt. */
int campctl_cmd_online(int argc, char **argv); /* cmd_online.c */

#endif
