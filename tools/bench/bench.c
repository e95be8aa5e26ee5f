/*
 * Benchmark driver for `make bench` (tools/bench/bench.py runs it under callgrind).
 *
 *   bench list                         one line per case: name, fixture, libcamp mode
 *   bench run CASE IMPL FIXTURE_FILE   IMPL = libcamp | jsmn | cjson
 *
 * `run` reads the fixture and prepares every buffer first, then calls exactly one of
 * bench_libcamp() / bench_jsmn() / bench_cjson() once; callgrind counts only inside it
 * (--toggle-collect). It prints one line:
 *   allocs N heap_peak B tokens T struct S ok 0|1
 * Allocations: libcamp is linked statically with -Wl,--wrap=malloc,... so any heap call
 * it made would be counted here; cJSON (Debian's shared libcjson) gets counting hooks
 * through cJSON_InitHooks().
 *
 * libcamp = full decode + validate: camp_json_parse() (strict RFC 8259 check, then jsmn
 * tokenizing into the caller's array) and the document type's decoder (which validates
 * every documented rule while decoding). jsmn = jsmn_parse() alone on the same bytes, with
 * the configuration libcamp uses (parent links; not strict mode, which adds nothing after
 * libcamp's own check). cJSON = cJSON_ParseWithLength()
 * + cJSON_Delete().
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#define JSMN_STATIC
#define JSMN_PARENT_LINKS
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-function"
#include <jsmn.h>
#pragma GCC diagnostic pop

#include "camp/camp.h"

/* ---- allocation counting ---------------------------------------------------------- */
static size_t g_allocs, g_live, g_peak;
static int g_counting;

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);

static void count(size_t n)
{
    if (!g_counting)
        return;
    g_allocs++;
    g_live += n;
    if (g_live > g_peak)
        g_peak = g_live;
}
void *__wrap_malloc(size_t n)
{
    count(n);
    return __real_malloc(n);
}
void *__wrap_calloc(size_t n, size_t m)
{
    count(n * m);
    return __real_calloc(n, m);
}
void *__wrap_realloc(void *p, size_t n)
{
    count(n);
    return __real_realloc(p, n);
}
void __wrap_free(void *p)
{
    __real_free(p);
}

/* cJSON's hooks: remember each block's size in a header so frees lower the live count. */
typedef union {
    size_t n;
    max_align_t align;
} hook_hdr_t;
static void *hook_malloc(size_t n)
{
    hook_hdr_t *h = __real_malloc(sizeof *h + n);
    if (h == NULL)
        return NULL;
    h->n = n;
    count(n);
    return h + 1;
}
static void hook_free(void *p)
{
    if (p == NULL)
        return;
    hook_hdr_t *h = (hook_hdr_t *)p - 1;
    if (g_counting)
        g_live -= h->n;
    __real_free(h);
}

/* ---- cases ------------------------------------------------------------------------- */
typedef camp_status_t (*decode_fn)(camp_json_doc_t *doc, void *out, camp_diag_t *diag);

typedef struct bench_case {
    const char *name;
    const char *fixture; /* file name under fixtures/ */
    decode_fn decode;    /* NULL: JSON core only (check + tokenize) */
    size_t struct_size;  /* 0: asked from the module (camp_inbox_type_size) */
    int type;            /* camp_inbox_type_t for the InboxApp cases, else -1 */
} bench_case_t;

static const bench_case_t *g_case; /* the case being run (for the generic decoders) */
static int g_check_only;           /* the case measures camp_json_check() alone */

static int is_check_case(const bench_case_t *c)
{
    return strncmp(c->name, "json-check-", 11) == 0;
}

#define DECODER(id, type, fn)                                                     \
    static camp_status_t dec_##id(camp_json_doc_t *doc, void *out, camp_diag_t *d) \
    {                                                                             \
        return fn(doc, 0, (type *)out, d);                                        \
    }

#ifdef BENCH_HAVE_OUTBOX
DECODER(outbox_campaign, camp_outbox_campaign_t, camp_outbox_campaign_decode)
DECODER(outbox_campaign_create, camp_outbox_campaign_create_t, camp_outbox_campaign_create_decode)
DECODER(outbox_sender, camp_outbox_sender_t, camp_outbox_sender_decode)
DECODER(outbox_sender_create, camp_outbox_sender_create_t, camp_outbox_sender_create_decode)
DECODER(outbox_contacts_page, camp_outbox_contacts_page_t, camp_outbox_contacts_page_decode)
#endif

#include "bench_inbox.inc"

static const bench_case_t cases[] = {
    /* "json-check-*": camp_json_check() alone (the strict RFC 8259 pass), for its share */
    {"json-check-campaign-v2", "inboxapp-campaign-enable-response.json", NULL, 0, -1},
    {"json-core-campaign-v2", "inboxapp-campaign-enable-response.json", NULL, 0, -1},
#ifdef BENCH_INBOX_CASES
    BENCH_INBOX_CASES
#else
    {"inbox-campaign-v2", "inboxapp-campaign-enable-response.json", NULL, 0, -1},
    {"inbox-campaign-legacy", "inboxapp-campaign-get-response.json", NULL, 0, -1},
    {"inbox-campaign-page", "inboxapp-campaigns-list-page.json", NULL, 0, -1},
    {"inbox-webhook", "inboxapp-webhook-target-contacted.json", NULL, 0, -1},
    {"inbox-sequence-update", "inboxapp-sequence-update-request.json", NULL, 0, -1},
#endif
#ifdef BENCH_HAVE_OUTBOX
    {"outbox-campaign", "outbox-email-campaign-create-response.json", dec_outbox_campaign,
     sizeof(camp_outbox_campaign_t), -1},
    {"outbox-campaign-create", "outbox-email-campaign-create-request.json",
     dec_outbox_campaign_create, sizeof(camp_outbox_campaign_create_t), -1},
    {"outbox-sender", "outbox-email-sender-create-response.json", dec_outbox_sender,
     sizeof(camp_outbox_sender_t), -1},
    {"outbox-sender-create", "outbox-email-sender-create-request.json", dec_outbox_sender_create,
     sizeof(camp_outbox_sender_create_t), -1},
    {"outbox-contacts-page", "outbox-contacts-list-response.json", dec_outbox_contacts_page,
     sizeof(camp_outbox_contacts_page_t), -1},
#else
    {"outbox-campaign", "outbox-email-campaign-create-response.json", NULL, 0, -1},
#endif
};

/* ---- state prepared before the measured call ------------------------------------------ */
#define MAX_INPUT (1u << 20)
#define MAX_TOKENS 65536
static char g_input[MAX_INPUT];
static size_t g_len;
static camp_json_token_t g_ctoks[MAX_TOKENS];
static jsmntok_t g_jtoks[MAX_TOKENS];
static _Alignas(max_align_t) unsigned char g_struct[4u << 20];
static camp_json_doc_t g_doc;
static camp_diag_t g_diag;
static int g_ntok;
static camp_status_t g_status;
static int g_jret;
static cJSON *g_cj;

__attribute__((noinline)) void bench_libcamp(const bench_case_t *c);
__attribute__((noinline)) void bench_jsmn(void);
__attribute__((noinline)) void bench_cjson(void);

__attribute__((noinline)) void bench_libcamp(const bench_case_t *c)
{
    if (g_check_only) {
        g_status = camp_json_check(g_input, g_len, CAMP_JSON_MAX_DEPTH, &g_diag);
        return;
    }
    g_status = camp_json_parse(&g_doc, g_input, g_len, g_ctoks, (size_t)g_ntok, &g_diag);
    if (g_status == CAMP_OK && c->decode != NULL)
        g_status = c->decode(&g_doc, g_struct, &g_diag);
}

__attribute__((noinline)) void bench_jsmn(void)
{
    jsmn_parser p;
    jsmn_init(&p);
    g_jret = jsmn_parse(&p, g_input, g_len, g_jtoks, (unsigned)g_ntok);
}

__attribute__((noinline)) void bench_cjson(void)
{
    g_cj = cJSON_ParseWithLength(g_input, g_len);
    cJSON_Delete(g_cj);
}

static int load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    g_len = fread(g_input, 1, MAX_INPUT - 1, f);
    fclose(f);
    g_input[g_len] = '\0';
    return 0;
}

int main(int argc, char **argv)
{
    size_t i, ncases = sizeof cases / sizeof cases[0];
    if (argc >= 2 && strcmp(argv[1], "list") == 0) {
        for (i = 0; i < ncases; i++)
            printf("%s\t%s\t%s\n", cases[i].name, cases[i].fixture,
                   is_check_case(&cases[i])  ? "json-check"
                   : cases[i].decode != NULL ? "decode"
                                             : "json-core");
        return 0;
    }
    if (argc != 5 || strcmp(argv[1], "run") != 0) {
        fprintf(stderr, "usage: bench list | bench run CASE libcamp|jsmn|cjson FILE\n");
        return 2;
    }
    const bench_case_t *c = NULL;
    for (i = 0; i < ncases; i++)
        if (strcmp(cases[i].name, argv[2]) == 0)
            c = &cases[i];
    g_case = c;
    g_check_only = c != NULL && is_check_case(c);
    if (c == NULL || load(argv[4]) != 0) {
        fprintf(stderr, "bench: unknown case or unreadable file\n");
        return 2;
    }
    {
        jsmn_parser p;
        jsmn_init(&p);
        g_ntok = jsmn_parse(&p, g_input, g_len, NULL, 0);
        if (g_ntok <= 0 || g_ntok > MAX_TOKENS) {
            fprintf(stderr, "bench: %s: jsmn cannot tokenize (%d)\n", argv[4], g_ntok);
            return 2;
        }
    }
    cJSON_Hooks hooks = {hook_malloc, hook_free};
    cJSON_InitHooks(&hooks);
    int ok;
    g_counting = 1;
    if (strcmp(argv[3], "libcamp") == 0) {
        bench_libcamp(c);
        ok = g_status == CAMP_OK;
        if (!ok)
            fprintf(stderr, "bench: %s: libcamp status %d at %s: %s\n", c->name, (int)g_status,
                    g_diag.path, g_diag.rule ? g_diag.rule : "");
    } else if (strcmp(argv[3], "jsmn") == 0) {
        bench_jsmn();
        ok = g_jret == g_ntok;
    } else if (strcmp(argv[3], "cjson") == 0) {
        bench_cjson();
        ok = g_cj != NULL;
    } else {
        fprintf(stderr, "bench: unknown implementation %s\n", argv[3]);
        return 2;
    }
    g_counting = 0;
    size_t struct_size = c->struct_size;
#ifdef BENCH_HAVE_INBOX
    if (struct_size == 0 && c->type >= 0)
        struct_size = camp_inbox_type_size((camp_inbox_type_t)c->type);
#endif
    size_t ram;
    if (strcmp(argv[3], "libcamp") == 0)
        ram = g_len + (size_t)g_ntok * sizeof(camp_json_token_t) + struct_size +
              sizeof(camp_json_doc_t) + sizeof(camp_diag_t);
    else if (strcmp(argv[3], "jsmn") == 0)
        ram = g_len + (size_t)g_ntok * sizeof(jsmntok_t) + sizeof(jsmn_parser);
    else
        ram = g_len + g_peak;
    printf("allocs %zu heap_peak %zu tokens %d struct %zu ram %zu ok %d\n", g_allocs, g_peak,
           g_ntok, struct_size, ram, ok);
    return ok ? 0 : 1;
}
