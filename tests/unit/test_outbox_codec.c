/* Unit tests for Outbox encode / validate: round trips (decode(encode(x)) == x and
 * encode(decode(fixture)) decodes to the same struct), validation paths on structs
 * filled by hand, buffer sizing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_json.h"
#include "camp/camp_outbox.h"
#include "fixture.h"

#define MAX_TOKENS 1024
#define BUF_SIZE 16384

static camp_str_t S(const char *lit)
{
    camp_str_t s;
    s.ptr = lit;
    s.len = strlen(lit);
    return s;
}

/* ---- deep equality (string contents, not pointers) ------------------------------------ */

static bool str_eq(camp_str_t a, camp_str_t b)
{
    if (a.ptr == NULL || b.ptr == NULL) {
        return a.ptr == NULL && b.ptr == NULL;
    }
    return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

static bool list_eq(size_t an, const camp_str_t *a, size_t bn, const camp_str_t *b)
{
    size_t i;
    if (an != bn) {
        return false;
    }
    for (i = 0; i < an; i++) {
        if (!str_eq(a[i], b[i])) {
            return false;
        }
    }
    return true;
}

#define EQ(cond)                                                                                   \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            print_error("not equal: %s\n", #cond);                                                 \
            return false;                                                                          \
        }                                                                                          \
    } while (0)

/* A member with a presence bit (the `present` words are compared first): its value
 * matters only when the bit is set. Nullable strings are compared as strings: ptr
 * NULL is `null` when the bit is set and absent otherwise. */
#define PEQ(x, bit, cond) EQ(((x)->present & (bit)) == 0u || (cond))

static bool step_eq(const camp_outbox_step_t *a, const camp_outbox_step_t *b)
{
    EQ(a->present == b->present);
    EQ(str_eq(a->id, b->id));
    EQ(str_eq(a->updated_at, b->updated_at));
    EQ(str_eq(a->campaign, b->campaign));
    PEQ(a, CAMP_OUTBOX_STEP_HAS_STEP_ORDER, a->step_order == b->step_order);
    EQ(str_eq(a->subject, b->subject));
    EQ(str_eq(a->body_html, b->body_html));
    EQ(str_eq(a->body_text, b->body_text));
    PEQ(a, CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES, a->delay_minutes == b->delay_minutes);
    PEQ(a, CAMP_OUTBOX_STEP_HAS_IS_ACTIVE, a->is_active == b->is_active);
    EQ(str_eq(a->created_at, b->created_at));
    return true;
}

static bool campaign_eq(const camp_outbox_campaign_t *a, const camp_outbox_campaign_t *b)
{
    size_t i;
    EQ(a->present == b->present);
    EQ(str_eq(a->id, b->id));
    EQ(a->step_count == b->step_count);
    for (i = 0; i < a->step_count; i++) {
        EQ(step_eq(&a->steps[i], &b->steps[i]));
    }
    EQ(str_eq(a->sender_identities, b->sender_identities));
    EQ(a->sent_count == b->sent_count);
    EQ(a->unique_opens == b->unique_opens);
    EQ(a->unique_clicks == b->unique_clicks);
    EQ(a->replies == b->replies);
    EQ(str_eq(a->name, b->name));
    EQ(str_eq(a->updated_at, b->updated_at));
    EQ(str_eq(a->company, b->company));
    PEQ(a, CAMP_OUTBOX_CAMPAIGN_HAS_SENDER_IDENTITY_IDS,
        list_eq(a->sender_identity_ids.count, a->sender_identity_ids.items,
                b->sender_identity_ids.count, b->sender_identity_ids.items));
    EQ(a->status == b->status);
    EQ(str_eq(a->description, b->description));
    EQ(str_eq(a->timezone, b->timezone));
    EQ(str_eq(a->allowed_windows, b->allowed_windows));
    PEQ(a, CAMP_OUTBOX_CAMPAIGN_HAS_STOP_ON_REPLY, a->stop_on_reply == b->stop_on_reply);
    PEQ(a, CAMP_OUTBOX_CAMPAIGN_HAS_IS_DELETED, a->is_deleted == b->is_deleted);
    EQ(str_eq(a->created_at, b->created_at));
    EQ(str_eq(a->workflow, b->workflow));
    EQ(str_eq(a->created_by, b->created_by));
    EQ(str_eq(a->responder_agent, b->responder_agent));
    return true;
}

static bool create_eq(const camp_outbox_campaign_create_t *a,
                      const camp_outbox_campaign_create_t *b)
{
    EQ(a->present == b->present);
    EQ(str_eq(a->name, b->name));
    EQ(str_eq(a->company, b->company));
    PEQ(a, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_SENDER_IDENTITY_IDS,
        list_eq(a->sender_identity_ids.count, a->sender_identity_ids.items,
                b->sender_identity_ids.count, b->sender_identity_ids.items));
    EQ(a->status == b->status);
    EQ(str_eq(a->description, b->description));
    EQ(str_eq(a->timezone, b->timezone));
    EQ(str_eq(a->allowed_windows, b->allowed_windows));
    PEQ(a, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_STOP_ON_REPLY, a->stop_on_reply == b->stop_on_reply);
    PEQ(a, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_IS_DELETED, a->is_deleted == b->is_deleted);
    EQ(str_eq(a->created_at, b->created_at));
    EQ(str_eq(a->workflow, b->workflow));
    EQ(str_eq(a->created_by, b->created_by));
    EQ(str_eq(a->responder_agent, b->responder_agent));
    return true;
}

static bool sender_eq(const camp_outbox_sender_t *a, const camp_outbox_sender_t *b)
{
    EQ(a->present == b->present);
    EQ(str_eq(a->id, b->id));
    EQ(str_eq(a->from_email, b->from_email));
    EQ(str_eq(a->updated_at, b->updated_at));
    EQ(str_eq(a->company, b->company));
    EQ(str_eq(a->from_name, b->from_name));
    EQ(a->verification_mode == b->verification_mode);
    EQ(str_eq(a->reply_to_email, b->reply_to_email));
    PEQ(a, CAMP_OUTBOX_SENDER_HAS_USE_DEFAULT_REPLY_TO,
        a->use_default_reply_to == b->use_default_reply_to);
    EQ(a->status == b->status);
    EQ(str_eq(a->provider_sender_id, b->provider_sender_id));
    EQ(str_eq(a->verification_details, b->verification_details));
    PEQ(a, CAMP_OUTBOX_SENDER_HAS_IS_DEFAULT, a->is_default == b->is_default);
    PEQ(a, CAMP_OUTBOX_SENDER_HAS_IS_DELETED, a->is_deleted == b->is_deleted);
    EQ(str_eq(a->verified_at, b->verified_at));
    EQ(str_eq(a->created_at, b->created_at));
    EQ(str_eq(a->connection, b->connection));
    EQ(str_eq(a->domain, b->domain));
    return true;
}

static bool sender_create_eq(const camp_outbox_sender_create_t *a,
                             const camp_outbox_sender_create_t *b)
{
    EQ(a->present == b->present);
    EQ(str_eq(a->from_email, b->from_email));
    EQ(str_eq(a->company, b->company));
    EQ(str_eq(a->from_name, b->from_name));
    EQ(a->verification_mode == b->verification_mode);
    EQ(str_eq(a->reply_to_email, b->reply_to_email));
    PEQ(a, CAMP_OUTBOX_SENDER_CREATE_HAS_USE_DEFAULT_REPLY_TO,
        a->use_default_reply_to == b->use_default_reply_to);
    EQ(a->status == b->status);
    EQ(str_eq(a->provider_sender_id, b->provider_sender_id));
    EQ(str_eq(a->verification_details, b->verification_details));
    PEQ(a, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DEFAULT, a->is_default == b->is_default);
    PEQ(a, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DELETED, a->is_deleted == b->is_deleted);
    EQ(str_eq(a->verified_at, b->verified_at));
    EQ(str_eq(a->created_at, b->created_at));
    EQ(str_eq(a->connection, b->connection));
    EQ(str_eq(a->domain, b->domain));
    return true;
}

static bool page_eq(const camp_outbox_contacts_page_t *a, const camp_outbox_contacts_page_t *b)
{
    size_t i;
    EQ(a->count == b->count);
    EQ(a->total == b->total);
    for (i = 0; i < a->count; i++) {
        const camp_outbox_contact_t *x = &a->results[i], *y = &b->results[i];
        EQ(x->present == y->present);
        EQ(str_eq(x->id, y->id));
        EQ(str_eq(x->name, y->name));
        EQ(str_eq(x->email, y->email));
        EQ(str_eq(x->phone, y->phone));
        PEQ(x, CAMP_OUTBOX_CONTACT_HAS_TAGS,
            list_eq(x->tags.count, x->tags.items, y->tags.count, y->tags.items));
        EQ(str_eq(x->last_activity, y->last_activity));
        EQ(str_eq(x->created_at, y->created_at));
    }
    return true;
}

/* ---- generic round-trip driver ----------------------------------------------------------- */

typedef camp_status_t (*decode_fn)(camp_json_doc_t *, int, void *, camp_diag_t *);
typedef camp_status_t (*encode_fn)(const void *, char *, size_t, size_t *, camp_diag_t *);
typedef bool (*eq_fn)(const void *, const void *);

typedef struct codec {
    decode_fn decode;
    encode_fn encode;
    eq_fn eq;
    size_t size;
} codec_t;

/* Typed wrappers: calling through a cast function pointer would be undefined. */
#define CODEC(NAME, PFX, TYPE, EQF)                                                                \
    static camp_status_t NAME##_dec(camp_json_doc_t *doc, int tok, void *out, camp_diag_t *d)      \
    {                                                                                              \
        return PFX##_decode(doc, tok, (TYPE *)out, d);                                             \
    }                                                                                              \
    static camp_status_t NAME##_enc(const void *in, char *buf, size_t cap, size_t *len,            \
                                    camp_diag_t *d)                                                \
    {                                                                                              \
        return PFX##_encode((const TYPE *)in, buf, cap, len, d);                                   \
    }                                                                                              \
    static bool NAME##_eq(const void *a, const void *b)                                            \
    {                                                                                              \
        return EQF((const TYPE *)a, (const TYPE *)b);                                              \
    }                                                                                              \
    static const codec_t NAME = {NAME##_dec, NAME##_enc, NAME##_eq, sizeof(TYPE)};

CODEC(c_campaign, camp_outbox_campaign, camp_outbox_campaign_t, campaign_eq)
CODEC(c_create, camp_outbox_campaign_create, camp_outbox_campaign_create_t, create_eq)
CODEC(c_sender, camp_outbox_sender, camp_outbox_sender_t, sender_eq)
CODEC(c_sender_create, camp_outbox_sender_create, camp_outbox_sender_create_t, sender_create_eq)
CODEC(c_page, camp_outbox_contacts_page, camp_outbox_contacts_page_t, page_eq)

/* Encode @p in, check the body needs exactly what was reported, decode it into a
 * fresh struct and compare. Buffers are heap (struct sizes scale with capacities). */
static void round_trip(const codec_t *c, const void *in)
{
    char *out = malloc(BUF_SIZE);
    char *small;
    camp_json_token_t *tokens = malloc(MAX_TOKENS * sizeof *tokens);
    void *back = malloc(c->size);
    camp_json_doc_t doc;
    camp_diag_t diag;
    size_t len = 0, len2 = 0;
    camp_status_t st;

    assert_non_null(out);
    assert_non_null(tokens);
    assert_non_null(back);
    st = c->encode(in, out, BUF_SIZE, &len, &diag);
    if (st != CAMP_OK) {
        fail_msg("encode failed: %d at %s (%s)", (int)st, diag.path, diag.rule);
    }
    assert_int_equal(strlen(out), len);
    /* the output is strict JSON */
    assert_int_equal(camp_json_check(out, len, CAMP_JSON_MAX_DEPTH, NULL), CAMP_OK);
    /* too small by one: BUFFER_TOO_SMALL with the size needed; exactly enough: OK */
    small = malloc(len + 1u);
    assert_non_null(small);
    assert_int_equal(c->encode(in, small, len - 1u, &len2, &diag), CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(diag.needed, (int64_t)len);
    assert_int_equal(len2, len); /* out_len: the size needed, as for the InboxApp bodies */
    assert_int_equal(c->encode(in, small, len + 1u, &len2, &diag), CAMP_OK);
    assert_int_equal(len2, len);
    assert_memory_equal(small, out, len);
    assert_int_equal(small[len], '\0');
    free(small);

    st = camp_json_parse(&doc, out, len, tokens, MAX_TOKENS, &diag);
    assert_int_equal(st, CAMP_OK);
    st = c->decode(&doc, 0, back, &diag);
    if (st != CAMP_OK) {
        fail_msg("decode of encoded body failed: %d at %s (%s): %s", (int)st, diag.path, diag.rule,
                 out);
    }
    if (!c->eq(in, back)) {
        fail_msg("round trip changed the struct: %s", out);
    }
    free(back);
    free(tokens);
    free(out);
}

/* decode(fixture) -> x; encode(x) decodes to a struct equal to x. */
static void fixture_round_trip(const codec_t *c, const char *rel)
{
    char *buf = malloc(BUF_SIZE);
    camp_json_token_t *tokens = malloc(MAX_TOKENS * sizeof *tokens);
    void *obj = malloc(c->size);
    camp_json_doc_t doc;
    camp_diag_t diag;
    size_t n;

    assert_non_null(buf);
    assert_non_null(tokens);
    assert_non_null(obj);
    n = fixture_load(rel, buf, BUF_SIZE);
    assert_int_equal(camp_json_parse(&doc, buf, n, tokens, MAX_TOKENS, &diag), CAMP_OK);
    assert_int_equal(c->decode(&doc, 0, obj, &diag), CAMP_OK);
    round_trip(c, obj);
    free(obj);
    free(tokens);
    free(buf);
}

static void test_fixture_round_trips(void **state)
{
    (void)state;
    fixture_round_trip(&c_campaign, "outbox-email-campaign-create-response.json");
    fixture_round_trip(&c_create, "outbox-email-campaign-create-request.json");
    fixture_round_trip(&c_sender, "outbox-email-sender-create-response.json");
    fixture_round_trip(&c_sender_create, "outbox-email-sender-create-request.json");
    fixture_round_trip(&c_page, "outbox-contacts-list-response.json");
}

/* Decoding into memory full of 0xA5 bytes (an earlier document, garbage) gives what
 * decoding into cleared memory gives: the decoders clear what they write, though the
 * item pools past a list's count are left alone. */
static void same_either_way(const codec_t *c, const char *rel, const char *text)
{
    char *buf = malloc(BUF_SIZE), *enc[2];
    camp_json_token_t *tokens = malloc(MAX_TOKENS * sizeof *tokens);
    void *obj[2];
    size_t len[2], n, k;
    camp_json_doc_t doc;
    camp_diag_t diag;

    assert_non_null(buf);
    assert_non_null(tokens);
    for (k = 0; k < 2; k++) {
        obj[k] = malloc(c->size);
        enc[k] = malloc(BUF_SIZE);
        assert_non_null(obj[k]);
        assert_non_null(enc[k]);
        memset(obj[k], k == 0 ? 0 : 0xA5, c->size);
        if (rel != NULL) {
            n = fixture_load(rel, buf, BUF_SIZE);
        } else {
            n = strlen(text);
            memcpy(buf, text, n + 1u);
        }
        assert_int_equal(camp_json_parse(&doc, buf, n, tokens, MAX_TOKENS, &diag), CAMP_OK);
        /* the views point into buf: encode before the next load overwrites it */
        assert_int_equal(c->decode(&doc, 0, obj[k], &diag), CAMP_OK);
        assert_int_equal(c->encode(obj[k], enc[k], BUF_SIZE, &len[k], &diag), CAMP_OK);
    }
    assert_int_equal(len[0], len[1]);
    assert_memory_equal(enc[0], enc[1], len[0]);
    for (k = 0; k < 2; k++) {
        free(enc[k]);
        free(obj[k]);
    }
    free(tokens);
    free(buf);
}

static void test_decode_into_used_memory(void **state)
{
    (void)state;
    same_either_way(&c_campaign, "outbox-email-campaign-create-response.json", NULL);
    same_either_way(&c_sender, "outbox-email-sender-create-response.json", NULL);
    same_either_way(&c_page, "outbox-contacts-list-response.json", NULL);
    /* a contact without its optional members: nothing of the garbage may show */
    same_either_way(
        &c_page, NULL,
        "{\"results\":[{\"id\":\"7c6b5a49-3827-4165-a4b3-c2d1e0f9a8b7\"}],\"total\":1}");
}

/* ---- structs built by hand ---------------------------------------------------------------- */

static void fill_create(camp_outbox_campaign_create_t *c)
{
    memset(c, 0, sizeof *c);
    c->name = S("Q3 \"founders\" \\ outbound\n\xc3\xa9\t\x01");
    c->company = S("6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90");
    c->present |= CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_SENDER_IDENTITY_IDS;
    c->sender_identity_ids.count = 1;
    c->sender_identity_ids.items[0] = S("0B7E3A52-91C4-4D6F-8E2A-5F3C1D9B7A64");
    c->status = CAMP_OUTBOX_STATUS_PAUSED;
    c->description = S("");
    c->timezone = S("Asia/Kathmandu");
    c->allowed_windows = S("{\"mon\":[{\"start\":\"09:00\",\"end\":\"17:00\"}],\"n\":-1.5e-3}");
    c->present |= CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_STOP_ON_REPLY; /* false */
    c->present |= CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_IS_DELETED;
    c->is_deleted = false;
    c->created_at = S("2024-02-29T23:59:60Z");
    c->present |= CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW; /* ptr NULL: null */
    c->present |= CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_CREATED_BY;
    c->created_by = S("5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170");
    /* responder_agent absent */
}

static void test_create_round_trip(void **state)
{
    camp_outbox_campaign_create_t c;
    (void)state;
    fill_create(&c);
    round_trip(&c_create, &c);
    /* minimal body */
    memset(&c, 0, sizeof c);
    c.name = S("n");
    c.company = S("6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90");
    round_trip(&c_create, &c);
}

static void test_create_encode_exact(void **state)
{
    camp_outbox_campaign_create_t c;
    char out[512];
    size_t len;
    (void)state;
    memset(&c, 0, sizeof c);
    c.name = S("Q3");
    c.company = S("6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90");
    c.present = CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_STOP_ON_REPLY |
                CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_RESPONDER_AGENT; /* responder_agent: null */
    c.stop_on_reply = true;
    c.allowed_windows = S("[1, 2]");
    assert_int_equal(camp_outbox_campaign_create_encode(&c, out, sizeof out, &len, NULL), CAMP_OK);
    assert_string_equal(out,
                        "{\"name\":\"Q3\",\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\","
                        "\"allowed_windows\":[1, 2],\"stop_on_reply\":true,"
                        "\"responder_agent\":null}");
}

static void test_campaign_round_trip(void **state)
{
    camp_outbox_campaign_t *c = calloc(1, sizeof *c);
    size_t i;
    (void)state;
    assert_non_null(c);
    c->id = S("3c90c3cc-0d44-4b50-8888-8dd25736052a");
    c->step_count = CAMP_MAX_EMAIL_STEPS;
    for (i = 0; i < (size_t)CAMP_MAX_EMAIL_STEPS; i++) {
        camp_outbox_step_t *st = &c->steps[i];
        st->present = CAMP_OUTBOX_STEP_HAS_STEP_ORDER | CAMP_OUTBOX_STEP_HAS_SUBJECT;
        st->step_order = (int64_t)i + 1;
        if ((i % 2u) == 0u) {
            st->present |= CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES;
        }
        st->delay_minutes = i == 0 ? 0 : INT64_C(2147483647);
        if (i != 1) { /* step 1: subject null */
            st->subject = S("Hi {{first_name}}");
        }
        if (i != 3) {
            st->present |= CAMP_OUTBOX_STEP_HAS_IS_ACTIVE;
        }
        st->is_active = (i % 3u) == 0u; /* step 3: set but absent, not compared */
    }
    c->sender_identities = S("a@b.co, c@d.co");
    c->sent_count = INT64_MAX;
    c->unique_opens = 0;
    c->unique_clicks = 10;
    c->replies = 1234567890123;
    c->name = S("");
    c->updated_at = S("2025-07-01T10:00:00.123456789+05:45");
    c->company = S("6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90");
    c->present = CAMP_OUTBOX_CAMPAIGN_HAS_SENDER_IDENTITY_IDS /* present but empty */
                 | CAMP_OUTBOX_CAMPAIGN_HAS_DESCRIPTION       /* null */
                 | CAMP_OUTBOX_CAMPAIGN_HAS_TIMEZONE |
                 CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_AT /* null */
                 | CAMP_OUTBOX_CAMPAIGN_HAS_RESPONDER_AGENT;
    c->status = CAMP_OUTBOX_STATUS_CANCELLED;
    c->timezone = S("Europe/Paris");
    c->allowed_windows = S("null");
    c->responder_agent = S("5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170");
    round_trip(&c_campaign, c);
    free(c);
}

static void test_sender_round_trips(void **state)
{
    camp_outbox_sender_create_t s;
    camp_outbox_sender_t o;
    (void)state;
    memset(&s, 0, sizeof s);
    s.from_email = S("founders@acme-mail.io");
    s.company = S("6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90");
    s.from_name = S("Dana \xe2\x80\x94 Acme");
    s.verification_mode = CAMP_OUTBOX_VERIFY_DOMAIN;
    s.reply_to_email = S("o'brien+x@mail.acme.io");
    s.present = CAMP_OUTBOX_SENDER_CREATE_HAS_USE_DEFAULT_REPLY_TO; /* false */
    s.status = CAMP_OUTBOX_SENDER_PENDING;
    s.provider_sender_id = S("snd_1");
    s.verification_details = S("{\"dkim\":[\"a\",\"b\"]}");
    s.present |= CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DEFAULT;
    s.is_default = true;
    s.verified_at = S("2025-06-30T08:00:00Z");
    s.connection = S("0b7e3a52-91c4-4d6f-8e2a-5f3c1d9b7a64");
    s.domain = S("a4c9e1f7-2b3d-4e8a-9c6f-1d2e3f4a5b6c");
    round_trip(&c_sender_create, &s);

    memset(&o, 0, sizeof o);
    o.id = S("0b7e3a52-91c4-4d6f-8e2a-5f3c1d9b7a64");
    o.from_email = S("a@b.co");
    o.company = S("6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90");
    o.present = CAMP_OUTBOX_SENDER_HAS_REPLY_TO_EMAIL |
                CAMP_OUTBOX_SENDER_HAS_VERIFIED_AT /* null */
                | CAMP_OUTBOX_SENDER_HAS_DOMAIN;   /* null */
    o.reply_to_email = S("");
    o.status = CAMP_OUTBOX_SENDER_VERIFIED;
    round_trip(&c_sender, &o);
}

static void test_page_round_trip(void **state)
{
    camp_outbox_contacts_page_t *p = calloc(1, sizeof *p);
    size_t i;
    (void)state;
    assert_non_null(p);
    p->total = INT64_C(9007199254740991);
    p->count = CAMP_MAX_CONTACTS;
    for (i = 0; i < (size_t)CAMP_MAX_CONTACTS; i++) {
        p->results[i].id = S("e1d2c3b4-a596-4877-9685-746352413021");
        p->results[i].present = CAMP_OUTBOX_CONTACT_HAS_NAME; /* odd: null */
        if ((i % 2u) == 0u) {
            p->results[i].name = S("Jordan");
        }
        if (i != 2) {
            p->results[i].present |= CAMP_OUTBOX_CONTACT_HAS_TAGS;
        }
        p->results[i].tags.count = (i == 0) ? (size_t)CAMP_MAX_CONTACT_TAGS : 0u;
    }
    for (i = 0; i < (size_t)CAMP_MAX_CONTACT_TAGS; i++) {
        p->results[0].tags.items[i] = S("tag");
    }
    round_trip(&c_page, p);
    p->count = 0;
    round_trip(&c_page, p);
    free(p);
}

/* ---- validate on structs ------------------------------------------------------------------ */

static void check_create(const camp_outbox_campaign_create_t *c, camp_status_t want,
                         const char *path)
{
    camp_diag_t d;
    char out[256];
    size_t len = 99;
    camp_status_t st = camp_outbox_campaign_create_validate(c, &d);
    if (st != want || (want != CAMP_OK && strcmp(d.path, path) != 0)) {
        fail_msg("validate: got %d at %s (%s), want %d at %s", (int)st, d.path,
                 d.rule != NULL ? d.rule : "", (int)want, path);
    }
    if (want != CAMP_OK) {
        assert_int_equal(d.offset, CAMP_DIAG_NO_OFFSET);
        /* encode refuses the same struct with the same diagnostic and writes nothing */
        memset(out, 'Z', sizeof out);
        assert_int_equal(camp_outbox_campaign_create_encode(c, out, sizeof out, &len, &d), want);
        assert_string_equal(d.path, path);
        assert_int_equal(len, 0);
        assert_int_equal(out[0], 'Z');
    }
}

static void test_validate_create(void **state)
{
    camp_outbox_campaign_create_t c;
    char big[300];
    (void)state;
    fill_create(&c);
    check_create(&c, CAMP_OK, "");
    c.name.ptr = NULL;
    check_create(&c, CAMP_ERR_REQUIRED, "$.name");
    fill_create(&c);
    c.name = S("");
    check_create(&c, CAMP_ERR_LENGTH, "$.name");
    memset(big, 'x', sizeof big);
    c.name.ptr = big;
    c.name.len = 255;
    check_create(&c, CAMP_OK, "");
    c.name.len = 256;
    check_create(&c, CAMP_ERR_LENGTH, "$.name");
    fill_create(&c);
    c.name = S("\xff");
    check_create(&c, CAMP_ERR_PATTERN, "$.name");
    fill_create(&c);
    c.name.ptr = "a\0b";
    c.name.len = 3;
    check_create(&c, CAMP_ERR_INVALID, "$.name");
    fill_create(&c);
    c.company = S("6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a9");
    check_create(&c, CAMP_ERR_PATTERN, "$.company");
    fill_create(&c);
    c.sender_identity_ids.count = 2;
    c.sender_identity_ids.items[1] = S("zz");
    check_create(&c, CAMP_ERR_PATTERN, "$.sender_identity_ids[1]");
    c.sender_identity_ids.items[1].ptr = NULL;
    check_create(&c, CAMP_ERR_TYPE, "$.sender_identity_ids[1]");
    c.sender_identity_ids.count = (size_t)CAMP_MAX_SENDER_IDS + 1u;
    check_create(&c, CAMP_ERR_CAPACITY, "$.sender_identity_ids");
    fill_create(&c);
    c.status = (camp_outbox_campaign_status_t)6;
    check_create(&c, CAMP_ERR_ENUM, "$.status");
    fill_create(&c);
    c.timezone = S("Mars/Base Camp"); /* not an IANA name: a space */
    check_create(&c, CAMP_ERR_TIMEZONE, "$.timezone");
    c.timezone = S("America/Argentina/Buenos_Aires_Buenos_Aires_Buenos_Aires_Buenos_A");
    check_create(&c, CAMP_ERR_LENGTH, "$.timezone");
    fill_create(&c);
    c.allowed_windows = S("{\"a\":1} , 2");
    check_create(&c, CAMP_ERR_INVALID, "$.allowed_windows");
    c.allowed_windows = S("{\"a\":");
    check_create(&c, CAMP_ERR_INVALID, "$.allowed_windows");
    c.allowed_windows = S("");
    check_create(&c, CAMP_ERR_INVALID, "$.allowed_windows");
    fill_create(&c);
    c.created_at = S("2025-02-29T00:00:00Z");
    check_create(&c, CAMP_ERR_DATE, "$.created_at");
    fill_create(&c);
    c.present |= CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW;
    c.workflow = S("nope");
    check_create(&c, CAMP_ERR_PATTERN, "$.workflow");
    assert_int_equal(camp_outbox_campaign_create_validate(NULL, NULL), CAMP_ERR_ARG);
}

static void test_validate_nested_paths(void **state)
{
    camp_outbox_campaign_t *c = calloc(1, sizeof *c);
    camp_outbox_contacts_page_t *p = calloc(1, sizeof *p);
    camp_diag_t d;
    (void)state;
    assert_non_null(c);
    assert_non_null(p);
    c->id = S("3c90c3cc-0d44-4b50-8888-8dd25736052a");
    c->sender_identities = S("");
    c->name = S("n");
    c->updated_at = S("2025-07-01T10:00:00Z");
    c->company = S("6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90");
    c->step_count = 3;
    assert_int_equal(camp_outbox_campaign_validate(c, &d), CAMP_OK);
    c->steps[2].present = CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES;
    c->steps[2].delay_minutes = -1;
    assert_int_equal(camp_outbox_campaign_validate(c, &d), CAMP_ERR_RANGE);
    assert_string_equal(d.path, "$.steps[2].delay_minutes");
    assert_true(d.has_limit);
    assert_int_equal(d.limit_max, 2147483647);
    c->steps[2].delay_minutes = INT64_C(2147483648);
    assert_int_equal(camp_outbox_campaign_validate(c, &d), CAMP_ERR_RANGE);
    c->steps[2].present = 0; /* an absent value is not checked */
    assert_int_equal(camp_outbox_campaign_validate(c, &d), CAMP_OK);
    c->steps[1].campaign = S("bad");
    assert_int_equal(camp_outbox_campaign_validate(c, &d), CAMP_ERR_PATTERN);
    assert_string_equal(d.path, "$.steps[1].campaign");
    c->steps[1].campaign.ptr = NULL;
    c->sent_count = -1;
    assert_int_equal(camp_outbox_campaign_validate(c, &d), CAMP_ERR_RANGE);
    assert_string_equal(d.path, "$.sent_count");
    c->sent_count = 0;
    c->step_count = (size_t)CAMP_MAX_EMAIL_STEPS + 1u;
    assert_int_equal(camp_outbox_campaign_validate(c, &d), CAMP_ERR_CAPACITY);
    assert_string_equal(d.path, "$.steps");
    assert_int_equal(d.needed, CAMP_MAX_EMAIL_STEPS + 1);

    p->count = 1;
    p->total = 1;
    assert_int_equal(camp_outbox_contacts_page_validate(p, &d), CAMP_ERR_REQUIRED);
    assert_string_equal(d.path, "$.results[0].id");
    p->results[0].id = S("e1d2c3b4-a596-4877-9685-746352413021");
    p->results[0].present = CAMP_OUTBOX_CONTACT_HAS_TAGS;
    p->results[0].tags.count = 1;
    p->results[0].tags.items[0] = S("\xc3");
    assert_int_equal(camp_outbox_contacts_page_validate(p, &d), CAMP_ERR_PATTERN);
    assert_string_equal(d.path, "$.results[0].tags[0]");
    p->results[0].tags.count = 0;
    /* the item's index and the tag's index are two places in the path */
    p->count = 2;
    p->results[1].id = S("e1d2c3b4-a596-4877-9685-746352413021");
    p->results[1].present = CAMP_OUTBOX_CONTACT_HAS_TAGS;
    p->results[1].tags.count = 3;
    p->results[1].tags.items[0] = S("a");
    p->results[1].tags.items[1] = S("b");
    p->results[1].tags.items[2] = S("\xc3");
    assert_int_equal(camp_outbox_contacts_page_validate(p, &d), CAMP_ERR_PATTERN);
    assert_string_equal(d.path, "$.results[1].tags[2]");
    p->results[1].tags.count = (size_t)CAMP_MAX_CONTACT_TAGS + 1u;
    assert_int_equal(camp_outbox_contacts_page_validate(p, &d), CAMP_ERR_CAPACITY);
    assert_string_equal(d.path, "$.results[1].tags");
    assert_int_equal(d.needed, CAMP_MAX_CONTACT_TAGS + 1);
    p->results[1].tags.count = 0;
    p->count = 1;
    p->total = INT64_C(9007199254740992);
    assert_int_equal(camp_outbox_contacts_page_validate(p, &d), CAMP_ERR_RANGE);
    assert_string_equal(d.path, "$.total");
    free(p);
    free(c);
}

static void test_validate_sender(void **state)
{
    camp_outbox_sender_create_t s;
    camp_diag_t d;
    (void)state;
    memset(&s, 0, sizeof s);
    s.company = S("6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90");
    assert_int_equal(camp_outbox_sender_create_validate(&s, &d), CAMP_ERR_REQUIRED);
    assert_string_equal(d.path, "$.from_email");
    s.from_email = S("founders-at-acme-mail.io");
    assert_int_equal(camp_outbox_sender_create_validate(&s, &d), CAMP_ERR_PATTERN);
    assert_string_equal(d.path, "$.from_email");
    s.from_email = S("a@b.co");
    s.verification_mode = (camp_outbox_verification_mode_t)3;
    assert_int_equal(camp_outbox_sender_create_validate(&s, &d), CAMP_ERR_ENUM);
    assert_string_equal(d.path, "$.verification_mode");
    s.verification_mode = CAMP_OUTBOX_VERIFY_NONE;
    s.reply_to_email = S("");
    assert_int_equal(camp_outbox_sender_create_validate(&s, &d), CAMP_ERR_LENGTH);
    assert_string_equal(d.path, "$.reply_to_email");
}

/* ---- present, null, absent ----------------------------------------------------------------- */

#define COMPANY "6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90"
#define CONTACT_ID "e1d2c3b4-a596-4877-9685-746352413021"

/* Parse @p json (copied into @p buf) into @p doc. */
static void parse_into(char *buf, size_t cap, const char *json, camp_json_doc_t *doc,
                       camp_json_token_t *tokens, size_t ntok)
{
    size_t len = strlen(json);
    assert_true(len < cap);
    memcpy(buf, json, len + 1u);
    assert_int_equal(camp_json_parse(doc, buf, len, tokens, ntok, NULL), CAMP_OK);
}

static void expect_create_body(const camp_outbox_campaign_create_t *c, const char *want)
{
    char out[512];
    size_t len = 0;
    assert_int_equal(camp_outbox_campaign_create_encode(c, out, sizeof out, &len, NULL), CAMP_OK);
    assert_string_equal(out, want);
    assert_int_equal(len, strlen(want));
}

/* A nullable member given as `null` and an absent one decode differently (bit set /
 * clear, ptr NULL both) and encode as `null` / omitted; a clear bit hides a value. */
static void test_null_vs_absent(void **state)
{
    char buf[512];
    char out[512];
    size_t len = 0;
    camp_json_token_t tokens[64];
    camp_json_doc_t doc;
    camp_outbox_campaign_create_t c;
    camp_outbox_sender_create_t s;
    camp_outbox_contacts_page_t *p = calloc(1, sizeof *p);
    const char *page_json = "{\"results\":[{\"id\":\"" CONTACT_ID "\",\"name\":null,\"tags\":[]},"
                            "{\"id\":\"" CONTACT_ID "\"}],\"total\":2}";
    (void)state;
    assert_non_null(p);

    /* create body: `workflow` null, `created_by` absent */
    parse_into(buf, sizeof buf, "{\"name\":\"n\",\"company\":\"" COMPANY "\",\"workflow\":null}",
               &doc, tokens, 64);
    assert_int_equal(camp_outbox_campaign_create_decode(&doc, 0, &c, NULL), CAMP_OK);
    assert_int_equal(c.present, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW);
    assert_null(c.workflow.ptr);
    assert_null(c.created_by.ptr);
    expect_create_body(&c, "{\"name\":\"n\",\"company\":\"" COMPANY "\",\"workflow\":null}");
    /* the same struct without the bit: nothing is written */
    c.present = 0;
    expect_create_body(&c, "{\"name\":\"n\",\"company\":\"" COMPANY "\"}");
    /* values behind clear bits are neither checked nor written */
    c.created_by = S("not a uuid");
    c.stop_on_reply = true;
    c.sender_identity_ids.count = 1;
    expect_create_body(&c, "{\"name\":\"n\",\"company\":\"" COMPANY "\"}");
    c.created_by = S("5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170");
    c.sender_identity_ids.count = 0;
    c.present = CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_STOP_ON_REPLY |
                CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_CREATED_BY |
                CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_SENDER_IDENTITY_IDS;
    expect_create_body(
        &c, "{\"name\":\"n\",\"company\":\"" COMPANY "\",\"sender_identity_ids\":[],"
            "\"stop_on_reply\":true,\"created_by\":\"5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170\"}");
    /* a present `false` is written, an absent one is not */
    parse_into(buf, sizeof buf,
               "{\"from_email\":\"a@b.co\",\"company\":\"" COMPANY "\",\"is_default\":false}", &doc,
               tokens, 64);
    assert_int_equal(camp_outbox_sender_create_decode(&doc, 0, &s, NULL), CAMP_OK);
    assert_int_equal(s.present, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DEFAULT);
    assert_false(s.is_default);
    assert_false(s.is_deleted);
    assert_int_equal(camp_outbox_sender_create_encode(&s, out, sizeof out, &len, NULL), CAMP_OK);
    assert_string_equal(out, "{\"from_email\":\"a@b.co\",\"company\":\"" COMPANY
                             "\",\"is_default\":false}");
    s.present = 0;
    assert_int_equal(camp_outbox_sender_create_encode(&s, out, sizeof out, &len, NULL), CAMP_OK);
    assert_string_equal(out, "{\"from_email\":\"a@b.co\",\"company\":\"" COMPANY "\"}");

    /* contacts: `name` null and `tags` empty in the first, both absent in the second;
     * encoding gives the same bytes back */
    parse_into(buf, sizeof buf, page_json, &doc, tokens, 64);
    assert_int_equal(camp_outbox_contacts_page_decode(&doc, 0, p, NULL), CAMP_OK);
    assert_int_equal(p->results[0].present,
                     CAMP_OUTBOX_CONTACT_HAS_NAME | CAMP_OUTBOX_CONTACT_HAS_TAGS);
    assert_null(p->results[0].name.ptr);
    assert_int_equal(p->results[0].tags.count, 0);
    assert_int_equal(p->results[1].present, 0);
    assert_null(p->results[1].name.ptr);
    assert_int_equal(camp_outbox_contacts_page_encode(p, out, sizeof out, &len, NULL), CAMP_OK);
    assert_string_equal(out, page_json);
    free(p);
}

static void test_encode_args(void **state)
{
    camp_outbox_campaign_create_t c;
    camp_diag_t d;
    size_t len = 7;
    char one[1];
    (void)state;
    fill_create(&c);
    assert_int_equal(camp_outbox_campaign_create_encode(&c, NULL, 10, &len, &d), CAMP_ERR_ARG);
    /* a NULL buffer with cap 0 asks for the size */
    assert_int_equal(camp_outbox_campaign_create_encode(&c, NULL, 0, &len, &d),
                     CAMP_ERR_BUFFER_TOO_SMALL);
    assert_true(d.needed > 100);
    assert_int_equal((int64_t)len, d.needed);
    assert_int_equal(camp_outbox_campaign_create_encode(&c, one, sizeof one, NULL, &d),
                     CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(camp_outbox_campaign_create_encode(NULL, one, sizeof one, NULL, &d),
                     CAMP_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_round_trips), cmocka_unit_test(test_create_round_trip),
        cmocka_unit_test(test_create_encode_exact), cmocka_unit_test(test_campaign_round_trip),
        cmocka_unit_test(test_sender_round_trips),  cmocka_unit_test(test_page_round_trip),
        cmocka_unit_test(test_validate_create),     cmocka_unit_test(test_validate_nested_paths),
        cmocka_unit_test(test_validate_sender),     cmocka_unit_test(test_null_vs_absent),
        cmocka_unit_test(test_encode_args),         cmocka_unit_test(test_decode_into_used_memory),
    };
    return cmocka_run_group_tests_name("outbox-codec", tests, NULL, NULL);
}
