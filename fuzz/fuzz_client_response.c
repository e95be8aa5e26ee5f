/*
 * Fuzz target: a whole client call (InboxApp GET campaign or Outbox contacts
 * page) answered by a fuzzer-chosen server response over the scripted fake
 * transport: HTTP parsing, status mapping, error-body decoding, response
 * decoding, all in the caller's work buffer. Also the pure retry decision.
 * FUZZ_DICT: http
 *
 * Input: FUZZ_NET_SCRIPT_LEN script bytes (byte 1 = work buffer size / 64,
 * flag bit 3 of byte 0 = Outbox contacts instead of InboxApp campaign), 16
 * bytes for the retry decision, then the server's bytes.
 * Invariants:
 * - the call returns a documented status, equal to last.status, and sends a
 *   request line for the documented route before reading anything;
 * - CAMP_OK only for a 2xx response; a CAMP_ERR_API_* status is exactly
 *   camp_http_status_map(last.http_status);
 * - last.body, error code/message, request id and every string view of the
 *   decoded struct lie inside the work buffer;
 * - camp_retry_decide(): never retries a non-idempotent request, a final
 *   status, or past max_attempts; honours Retry-After as given; otherwise waits
 *   at most min(max_delay, base * 2^(attempts-1)); never past max_total_ms.
 */
#include "fuzz_common.h"
#include "fuzz_doc.h"
#include "fuzz_transport.h"

#include "camp/camp_client.h"

static bool client_status_ok(camp_status_t st)
{
    return st == CAMP_OK || fuzz_doc_status_ok(st) || st == CAMP_ERR_BUFFER_TOO_SMALL ||
           (st >= CAMP_ERR_NET && st <= CAMP_ERR_HTTP_REDIRECT) ||
           (st >= CAMP_ERR_API_BAD_REQUEST && st <= CAMP_ERR_API_OTHER);
}

static void check_view(const uint8_t *work, size_t cap, camp_str_t s, const char *what)
{
    if (s.ptr != NULL) {
        FUZZ_CHECK(fuzz_inside(work, cap, s.ptr, s.len), what);
    }
}

static bool retryable(camp_status_t st)
{
    return st == CAMP_ERR_API_RATE_LIMITED || st == CAMP_ERR_API_SERVER || st == CAMP_ERR_NET ||
           st == CAMP_ERR_NET_CLOSED || st == CAMP_ERR_TIMEOUT;
}

static void check_retry(fuzz_reader_t *r)
{
    static const camp_status_t results[] = {CAMP_OK,
                                            CAMP_ERR_API_RATE_LIMITED,
                                            CAMP_ERR_API_SERVER,
                                            CAMP_ERR_NET,
                                            CAMP_ERR_NET_CLOSED,
                                            CAMP_ERR_TIMEOUT,
                                            CAMP_ERR_API_BAD_REQUEST,
                                            CAMP_ERR_HTTP_PROTOCOL};
    camp_retry_policy_t p;
    memset(&p, 0, sizeof p);
    p.max_attempts = fuzz_u8(r) % 8u;
    p.base_ms = (uint32_t)fuzz_u8(r) * 100u;
    p.max_delay_ms = (uint32_t)fuzz_u8(r) * 1000u;
    p.max_total_ms = (uint32_t)fuzz_u8(r) * 2000u;
    uint8_t f = fuzz_u8(r);
    bool idem = (f & 1) != 0;
    camp_status_t res = results[(f >> 1) % 8u];
    uint32_t attempts = (uint32_t)fuzz_u8(r) % 40u + 1u;
    uint64_t elapsed = (uint64_t)fuzz_u8(r) * 1000u;
    int64_t ra = (f & 0x80) ? (int64_t)fuzz_u8(r) * 500 : -1;
    uint32_t rnd = fuzz_u32(r);
    uint32_t delay = 0xdeadbeefu;
    bool again = camp_retry_decide(&p, idem, res, attempts, elapsed, ra, rnd, &delay);
    if (!idem || !retryable(res) || attempts >= p.max_attempts) {
        FUZZ_CHECK(!again, "no retry: not idempotent, final status, or out of attempts");
    } else if (p.max_total_ms == 0u) {
        FUZZ_CHECK(again, "max_total_ms 0 is no total cap: a retryable attempt is retried");
    }
    if (again) {
        if (ra >= 0) {
            FUZZ_CHECK((int64_t)delay == ra, "Retry-After honoured as given");
        } else {
            uint64_t ceil = p.base_ms;
            for (uint32_t k = 1; k < attempts && ceil < p.max_delay_ms; k++) {
                ceil *= 2u;
            }
            if (ceil > p.max_delay_ms) {
                ceil = p.max_delay_ms;
            }
            FUZZ_CHECK(delay <= ceil, "backoff within the ceiling");
        }
        FUZZ_CHECK(p.max_total_ms == 0u || elapsed + delay <= p.max_total_ms,
                   "never waits past max_total_ms (0: no cap)");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < FUZZ_NET_SCRIPT_LEN + 16 || size > 65536) {
        return 0;
    }
    fuzz_reader_t rr = {data + FUZZ_NET_SCRIPT_LEN, 16};
    check_retry(&rr);

    const uint8_t *script = data;
    size_t peer_len = size - FUZZ_NET_SCRIPT_LEN - 16;
    uint8_t *peer = (uint8_t *)fuzz_dup(data + FUZZ_NET_SCRIPT_LEN + 16, peer_len);
    size_t cap = 256u + (size_t)script[1] * 64u;
    uint8_t *work = (uint8_t *)malloc(cap);
    camp_json_token_t *toks = (camp_json_token_t *)malloc(2048 * sizeof *toks);
    FUZZ_CHECK(work != NULL && toks != NULL, "harness malloc");
    fuzz_net_t *net = (fuzz_net_t *)malloc(sizeof *net);
    FUZZ_CHECK(net != NULL, "harness malloc");
    fuzz_net_init(net, script, peer, peer_len);
    bool outbox = (script[0] & 8) != 0;

    camp_client_t c;
    camp_status_t st = outbox ? camp_client_init_outbox(&c, work, cap, toks, 2048)
                              : camp_client_init_inbox(&c, work, cap, toks, 2048);
    FUZZ_CHECK(st == CAMP_OK, "client init");
    c.token = "tok_secret_123";
    c.transport = fuzz_net_transport(net);
    c.connected = true;
    c.timeout_ms = 60000;

    void *out;
    size_t out_size;
    const char *want;
    if (outbox) {
        out_size = sizeof(camp_outbox_contacts_page_t);
        out = calloc(1, out_size);
        FUZZ_CHECK(out != NULL, "harness malloc");
        camp_client_contacts_query_t q;
        memset(&q, 0, sizeof q);
        q.page = 2;
        st = camp_client_outbox_list_contacts(&c, &q, (camp_outbox_contacts_page_t *)out);
        want = "GET /";
    } else {
        out_size = sizeof(camp_inbox_campaign_t);
        out = calloc(1, out_size);
        FUZZ_CHECK(out != NULL, "harness malloc");
        st = camp_client_inbox_get_campaign(&c, "x9wq5p2bvnhfdteolyr3km7j",
                                            (camp_inbox_campaign_t *)out);
        want = "GET /api/v1/campaigns/x9wq5p2bvnhfdteolyr3km7j ";
    }
    FUZZ_CHECK(client_status_ok(st), "client call returns a documented status");
    if (getenv("FUZZ_DOC_DEBUG") != NULL) {
        fprintf(stderr, "client: %s http %d at %s\n", camp_status_str(st), c.last.http_status,
                c.last.diag.path);
    }
    FUZZ_CHECK(c.last.status == st, "last.status is the return value");
    if (st != CAMP_ERR_BUFFER_TOO_SMALL) {
        FUZZ_CHECK(net->sent >= strlen(want) && memcmp(net->sent_buf, want, strlen(want)) == 0,
                   "the documented request line was sent");
    }
    if (st == CAMP_OK) {
        FUZZ_CHECK(c.last.http_status >= 200 && c.last.http_status <= 299, "OK only for 2xx");
        fuzz_scan_views(out, out_size, (const char *)work, cap, toks, 2048 * sizeof *toks);
    }
    if (st >= CAMP_ERR_API_BAD_REQUEST && st <= CAMP_ERR_API_OTHER) {
        FUZZ_CHECK(camp_http_status_map(c.last.http_status) == st, "API status is the HTTP map");
    }
    if (c.last.body != NULL && c.last.body_len > 0) {
        FUZZ_CHECK(fuzz_inside(work, cap, c.last.body, c.last.body_len), "last.body inside work");
    }
    check_view(work, cap, c.last.error_code, "error code inside work");
    check_view(work, cap, c.last.error_message, "error message inside work");
    check_view(work, cap, c.last.request_id, "request id inside work");
    if (st != CAMP_OK) {
        fuzz_check_diag_any(&c.last.diag, st, (size_t)-2);
    }
    FUZZ_CHECK(c.last.attempts <= 1, "retry is off by default");
    free(out);
    free(net);
    free(toks);
    free(work);
    free(peer);
    return 0;
}
