/*
 * Stack probe, run on qemu only: measures the stack each public call really uses
 * (painted region below the caller, see stack_paint.h) and checks it against the
 * static worst case that tools/stack_report.py computed for the same build from
 * -fcallgraph-info (stack_bounds.h, generated per build). A measurement above the
 * bound means the static analysis missed a path: the report would be wrong.
 *
 * Each probe calls the function through a small thunk that marks its own stack
 * pointer first (CAMP_STACK_MARK), so the measurement is exactly the stack below
 * the thunk's frame: the probed call and everything it calls. Arguments are
 * prepared before the probe. Every probe prints one line
 *   [  PROBE   ] camp_json_parse: measured 212 B, static bound 276 B
 * which `make size` copies into docs/size.md.
 */
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp.h"
#include "fixture.h"
#include "stack_bounds.h"
#include "stack_paint.h"

#define WINDOW 8192u

/* A v2 campaign object with strings that need unescaping, nested arrays, fractions. */
static const char doc_src[] =
    "{\"id\":\"usdjpdql3f90seqk13rwuo7z\",\"name\":\"Q1 \\\"DM\\\" outreach "
    "\\u00e9\\ud83d\\ude00\","
    "\"status\":\"active\",\"enabled\":true,\"targetsCount\":1200,\"completionRate\":0.28,"
    "\"replyRate\":1.2e-1,\"scheduleHours\":{\"1\":{\"start\":540,\"end\":1260},"
    "\"2\":{\"start\":540,\"end\":1260}},\"sequence\":{\"steps\":[{\"type\":\"message\","
    "\"data\":{\"segments\":[{\"type\":\"static\",\"value\":\"Hi \"},{\"type\":\"variable\","
    "\"name\":\"first-name\",\"fallback\":\"there\"}]}},{\"type\":\"delay\",\"data\":"
    "{\"days\":2}}]},\"accountLinkIds\":[\"a1\",\"b2\"],\"pausedAt\":null}";

typedef struct probe_ctx {
    char text[sizeof doc_src];
    camp_json_token_t toks[96];
    camp_json_doc_t doc;
    camp_diag_t diag;
    camp_status_t st;
    int tok;
    const char *s;
    size_t n;
    uint32_t u32;
    int64_t i64;
    camp_datetime_t dt;
    char out[160];
} probe_ctx_t;

static probe_ctx_t ctx;

/* Fixture probes: the document is read from $SHARED/fixtures through semihosting
 * (tests/support/fixture.c: a file larger than the buffer fails the probe). */
static char fix_text[8192];
static size_t fix_len;
static camp_json_token_t fix_toks[512];
static camp_json_doc_t fix_doc;
static union {
    long double ld;
    void *p;
    unsigned char bytes[64 * 1024];
} fix_out;

static void load_fixture(const char *name)
{
    fix_len = fixture_load(name, fix_text, sizeof fix_text);
    assert_int_equal(camp_json_parse(&fix_doc, fix_text, fix_len, fix_toks,
                                     sizeof fix_toks / sizeof fix_toks[0], NULL),
                     CAMP_OK);
}

static void reset_doc(void)
{
    memcpy(ctx.text, doc_src, sizeof doc_src);
    assert_int_equal(camp_json_parse(&ctx.doc, ctx.text, sizeof doc_src - 1, ctx.toks,
                                     sizeof ctx.toks / sizeof ctx.toks[0], &ctx.diag),
                     CAMP_OK);
}

static void run_probe(const char *name, camp_stack_fn thunk, unsigned bound)
{
    size_t used = camp_stack_probe(thunk, &ctx, WINDOW);
    printf("[  PROBE   ] %s: measured %u B, static bound %u B\n", name, (unsigned)used, bound);
    assert_true(used > 0);
    if (used > bound)
        fail_msg("%s used %u bytes of stack, above its static bound %u", name, (unsigned)used,
                 bound);
}

/* prep: statements run before the probe (c = &ctx); call: the probed call alone. */
#define PROBE_TEST(fn, prep, call)                                                                 \
    static void thunk_##fn(void *arg)                                                              \
    {                                                                                              \
        probe_ctx_t *c = arg;                                                                      \
        CAMP_STACK_MARK();                                                                         \
        call;                                                                                      \
    }                                                                                              \
    static void probe_##fn(void **state)                                                           \
    {                                                                                              \
        probe_ctx_t *c = &ctx;                                                                     \
        (void)state;                                                                               \
        reset_doc();                                                                               \
        prep;                                                                                      \
        run_probe(#fn, thunk_##fn, CAMP_STACK_BOUND_##fn);                                         \
    }

#ifdef CAMP_STACK_BOUND_camp_json_check
PROBE_TEST(camp_json_check, (void)c,
           c->st = camp_json_check(doc_src, sizeof doc_src - 1, CAMP_JSON_MAX_DEPTH, &c->diag))
#endif
#ifdef CAMP_STACK_BOUND_camp_json_parse
PROBE_TEST(camp_json_parse, (void)c,
           c->st = camp_json_parse(&c->doc, c->text, sizeof doc_src - 1, c->toks,
                                   sizeof c->toks / sizeof c->toks[0], &c->diag))
#endif
#ifdef CAMP_STACK_BOUND_camp_json_tokens_needed
PROBE_TEST(camp_json_tokens_needed, (void)c,
           c->tok = camp_json_tokens_needed(doc_src, sizeof doc_src - 1))
#endif
#ifdef CAMP_STACK_BOUND_camp_json_member
PROBE_TEST(camp_json_member, (void)c, c->tok = camp_json_member(&c->doc, 0, "accountLinkIds"))
#endif
#ifdef CAMP_STACK_BOUND_camp_json_get_string
PROBE_TEST(camp_json_get_string, c->tok = camp_json_member(&c->doc, 0, "name"),
           c->st = camp_json_get_string(&c->doc, c->tok, &c->s, &c->n))
#endif
#ifdef CAMP_STACK_BOUND_camp_json_get_fraction
PROBE_TEST(camp_json_get_fraction, c->tok = camp_json_member(&c->doc, 0, "replyRate"),
           c->st = camp_json_get_fraction(&c->doc, c->tok, &c->u32))
#endif
#ifdef CAMP_STACK_BOUND_camp_json_get_int
PROBE_TEST(camp_json_get_int, c->tok = camp_json_member(&c->doc, 0, "targetsCount"),
           c->st = camp_json_get_int(&c->doc, c->tok, 0, INT64_MAX, &c->i64))
#endif
#ifdef CAMP_STACK_BOUND_camp_json_diag
/* the deepest token: inside the last step's data */
PROBE_TEST(camp_json_diag, c->tok = c->doc.count - 12,
           c->st = camp_json_diag(&c->diag, &c->doc, c->tok, CAMP_ERR_RANGE,
                                  "must be an integer in 1..25"))
#endif
#ifdef CAMP_STACK_BOUND_camp_json_diag_member
PROBE_TEST(camp_json_diag_member, c->tok = c->doc.count - 12,
           c->st = camp_json_diag_member(&c->diag, &c->doc, c->tok, "scheduleTimezone",
                                         CAMP_ERR_REQUIRED, "required field missing"))
#endif
#ifdef CAMP_STACK_BOUND_camp_diag_format
PROBE_TEST(
    camp_diag_format,
    {
        camp_diag_set(&c->diag, CAMP_ERR_CAPACITY, "$.sequence.steps[2].data.segments[0].name",
                      "too many segments");
        c->diag.needed = 123456789;
        camp_diag_set_limits(&c->diag, -9007199254740991LL, 9007199254740991LL);
    },
    c->n = camp_diag_format(&c->diag, c->out, sizeof c->out))
#endif
#ifdef CAMP_STACK_BOUND_camp_datetime_parse
PROBE_TEST(camp_datetime_parse, (void)c,
           c->st = camp_datetime_parse("2024-02-29T23:59:59.123456+05:45", 32, &c->dt))
#endif
#ifdef CAMP_STACK_BOUND_camp_datetime_format
PROBE_TEST(camp_datetime_format, (void)c,
           c->n = camp_datetime_format(253402300799LL, -754, false, c->out, sizeof c->out))
#endif

/* Decoders of whole documents (the deepest public calls), when the library has them. */
#define FIXTURE_PROBE(fn, fixture, call)                                                           \
    static void thunk_##fn(void *arg)                                                              \
    {                                                                                              \
        (void)arg;                                                                                 \
        CAMP_STACK_MARK();                                                                         \
        ctx.st = call;                                                                             \
    }                                                                                              \
    static void probe_##fn(void **state)                                                           \
    {                                                                                              \
        (void)state;                                                                               \
        load_fixture(fixture);                                                                     \
        run_probe(#fn, thunk_##fn, CAMP_STACK_BOUND_##fn);                                         \
        assert_int_equal(ctx.st, CAMP_OK);                                                         \
    }
#ifdef CAMP_STACK_BOUND_camp_outbox_campaign_decode
FIXTURE_PROBE(camp_outbox_campaign_decode, "outbox-email-campaign-create-response.json",
              camp_outbox_campaign_decode(&fix_doc, 0, (camp_outbox_campaign_t *)(void *)&fix_out,
                                          &ctx.diag))
#endif
#ifdef CAMP_STACK_BOUND_camp_inbox_decode
FIXTURE_PROBE(camp_inbox_decode, "inboxapp-campaign-enable-response.json",
              camp_inbox_decode(CAMP_INBOX_CAMPAIGN, &fix_doc, 0, &fix_out,
                                camp_inbox_type_size(CAMP_INBOX_CAMPAIGN), &ctx.diag))
#endif

/* The by-type calls for tools, on a decoded document: parse and validate a campaign,
 * encode a sequence update. */
#ifdef CAMP_STACK_BOUND_camp_inbox_parse
static void thunk_camp_inbox_parse(void *arg)
{
    (void)arg;
    CAMP_STACK_MARK();
    ctx.st = camp_inbox_parse(CAMP_INBOX_CAMPAIGN, fix_text, fix_len, fix_toks,
                              sizeof fix_toks / sizeof fix_toks[0], &fix_out,
                              camp_inbox_type_size(CAMP_INBOX_CAMPAIGN), &ctx.diag);
}
static void probe_camp_inbox_parse(void **state)
{
    (void)state;
    fix_len = fixture_load("inboxapp-campaign-enable-response.json", fix_text, sizeof fix_text);
    run_probe("camp_inbox_parse", thunk_camp_inbox_parse, CAMP_STACK_BOUND_camp_inbox_parse);
    assert_int_equal(ctx.st, CAMP_OK);
}
#endif

#if defined(CAMP_STACK_BOUND_camp_inbox_validate) || defined(CAMP_STACK_BOUND_camp_inbox_encode)
/* Decodes @p fixture as @p type into fix_out (before a struct walk is probed). */
static void decode_fixture(camp_inbox_type_t type, const char *fixture)
{
    load_fixture(fixture);
    assert_int_equal(
        camp_inbox_decode(type, &fix_doc, 0, &fix_out, camp_inbox_type_size(type), &ctx.diag),
        CAMP_OK);
}
#endif

#ifdef CAMP_STACK_BOUND_camp_inbox_validate
static void thunk_camp_inbox_validate(void *arg)
{
    (void)arg;
    CAMP_STACK_MARK();
    ctx.st = camp_inbox_validate(CAMP_INBOX_CAMPAIGN, &fix_out, &ctx.diag);
}
static void probe_camp_inbox_validate(void **state)
{
    (void)state;
    decode_fixture(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-enable-response.json");
    run_probe("camp_inbox_validate", thunk_camp_inbox_validate,
              CAMP_STACK_BOUND_camp_inbox_validate);
    assert_int_equal(ctx.st, CAMP_OK);
}
#endif

#ifdef CAMP_STACK_BOUND_camp_inbox_encode
static char enc_buf[8192];
static void thunk_camp_inbox_encode(void *arg)
{
    (void)arg;
    CAMP_STACK_MARK();
    ctx.st = camp_inbox_encode(CAMP_INBOX_SEQUENCE_UPDATE, &fix_out, enc_buf, sizeof enc_buf, NULL,
                               &ctx.diag);
}
static void probe_camp_inbox_encode(void **state)
{
    (void)state;
    decode_fixture(CAMP_INBOX_SEQUENCE_UPDATE, "inboxapp-sequence-update-request.json");
    run_probe("camp_inbox_encode", thunk_camp_inbox_encode, CAMP_STACK_BOUND_camp_inbox_encode);
    assert_int_equal(ctx.st, CAMP_OK);
}
#endif

static void probe_window_is_painted(void **state)
{
    (void)state;
    /* The probe itself must see a call that uses stack: a sanity check of the method. */
    reset_doc();
    assert_true(camp_stack_size() >= 65536u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(probe_window_is_painted),
#ifdef CAMP_STACK_BOUND_camp_json_check
        cmocka_unit_test(probe_camp_json_check),
#endif
#ifdef CAMP_STACK_BOUND_camp_json_parse
        cmocka_unit_test(probe_camp_json_parse),
#endif
#ifdef CAMP_STACK_BOUND_camp_json_tokens_needed
        cmocka_unit_test(probe_camp_json_tokens_needed),
#endif
#ifdef CAMP_STACK_BOUND_camp_json_member
        cmocka_unit_test(probe_camp_json_member),
#endif
#ifdef CAMP_STACK_BOUND_camp_json_get_string
        cmocka_unit_test(probe_camp_json_get_string),
#endif
#ifdef CAMP_STACK_BOUND_camp_json_get_fraction
        cmocka_unit_test(probe_camp_json_get_fraction),
#endif
#ifdef CAMP_STACK_BOUND_camp_json_get_int
        cmocka_unit_test(probe_camp_json_get_int),
#endif
#ifdef CAMP_STACK_BOUND_camp_json_diag
        cmocka_unit_test(probe_camp_json_diag),
#endif
#ifdef CAMP_STACK_BOUND_camp_json_diag_member
        cmocka_unit_test(probe_camp_json_diag_member),
#endif
#ifdef CAMP_STACK_BOUND_camp_diag_format
        cmocka_unit_test(probe_camp_diag_format),
#endif
#ifdef CAMP_STACK_BOUND_camp_datetime_parse
        cmocka_unit_test(probe_camp_datetime_parse),
#endif
#ifdef CAMP_STACK_BOUND_camp_datetime_format
        cmocka_unit_test(probe_camp_datetime_format),
#endif
#ifdef CAMP_STACK_BOUND_camp_outbox_campaign_decode
        cmocka_unit_test(probe_camp_outbox_campaign_decode),
#endif
#ifdef CAMP_STACK_BOUND_camp_inbox_decode
        cmocka_unit_test(probe_camp_inbox_decode),
#endif
#ifdef CAMP_STACK_BOUND_camp_inbox_parse
        cmocka_unit_test(probe_camp_inbox_parse),
#endif
#ifdef CAMP_STACK_BOUND_camp_inbox_validate
        cmocka_unit_test(probe_camp_inbox_validate),
#endif
#ifdef CAMP_STACK_BOUND_camp_inbox_encode
        cmocka_unit_test(probe_camp_inbox_encode),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
