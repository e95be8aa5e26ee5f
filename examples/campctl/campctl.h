/* campctl: the command-line tool around libcamp. Each command lives in its own
 * file (cmd_*.c); main.c only dispatches. Exit codes everywhere: 0 success,
 * 1 the input/API said no (one line saying why), 2 usage or I/O error. */
#ifndef CAMPCTL_H
#define CAMPCTL_H

#include <stddef.h>
#include <stdio.h>

#include "camp/camp.h"

#define CAMPCTL_OK 0
#define CAMPCTL_FAIL 1
#define CAMPCTL_USAGE 2

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

/* Tokenize with a token array sized for the document (heap, host tool only).
 * Returns CAMP_OK or the parse status with diag filled. *tokens must be freed. */
camp_status_t campctl_parse(camp_json_doc_t *doc, char *data, size_t len,
                            camp_json_token_t **tokens, camp_diag_t *diag);

/* Print "PATH: RULE" (and the byte offset for syntax errors) on stdout. */
void campctl_print_diag(const camp_diag_t *diag);

/* Commands. argv[0] is the command name. */
int campctl_cmd_json_check(int argc, char **argv);     /* cmd_json.c */
int campctl_cmd_validate(int argc, char **argv);       /* cmd_validate.c */
int campctl_cmd_webhook_verify(int argc, char **argv); /* cmd_webhook.c */
int campctl_cmd_tz(int argc, char **argv);             /* cmd_tz.c */
int campctl_cmd_schedule(int argc, char **argv);       /* cmd_tz.c */
int campctl_cmd_sizes(int argc, char **argv);          /* cmd_sizes.c */
/* Online commands (get, enable, pause, create, ...) with global options;
 * receives the full argv of campctl. */
int campctl_cmd_online(int argc, char **argv);         /* cmd_online.c */

#endif
