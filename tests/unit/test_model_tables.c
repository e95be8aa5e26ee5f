/* The model engine's tables keep the promises its member lookup relies on, in the
 * build under test (the speed build's one key pool, or the size build's pools per
 * family, check-small-config):
 * - no object type names a member twice: both lookups take the first match, but
 *   the speed build tries guesses first, so a duplicate would let the two builds
 *   decode the same document into different members;
 * - at most 32 members per object type (decoding keeps the members met in a 32-bit
 *   mask);
 * - every key is non-empty and has no byte a lookup compares raw against an escape
 *   (the tables' keys are plain ASCII names);
 * - a member's presence bit (packed beside its key) is in its object's present
 *   word, which the object has, and no two members of an object share one;
 * - an ID array member's rule says where its count is (one of the four array
 *   rules), an Outbox member's rule is one of the Outbox types;
 * - the webhooks' summary campaign, the campaign table's first rows, names the same
 *   members through the webhook family's pool as through the campaign family's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "inbox/inbox_internal.h"
#include "inbox/inbox_keys.h"
#include "outbox/outbox_internal.h"

static const char *pool_of(const ifamily_t *fam)
{
#if IB_ONE_KEY_POOL
    (void)fam;
    return (const char *)(const void *)&camp_ib_key_pools;
#else
    return fam->keys;
#endif
}

static bool plain_name(const char *k, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char b = (unsigned char)k[i];
        if (b <= 0x20u || b >= 0x7fu || b == '"' || b == '\\') {
            return false;
        }
    }
    return n > 0;
}

/* Checks member @p i of @p nd (node @p k of family @p name): its rule against
 * its kind, its presence bit against the node's present word and the bits of
 * the members before it (*bits); then adds its bit to *bits. */
static void check_member(const char *name, unsigned k, const inode_t *nd, unsigned i,
                         uint32_t *bits)
{
    const ifield_t *m = &nd->t[i];
    uint32_t bit = camp_ib_pbit(m);
    if (m->kind == K_IDS && (m->rule < A_ACCOUNTS || m->rule > A_EXCLUDED)) {
        fail_msg("%s node %u member %u: ID array rule %u", name, k, i, m->rule);
    }
    if (m->kind == K_HOOK && nd >= camp_ob_nodes && nd < camp_ob_nodes + OB_NODES &&
        (ob_kind(m) < OB_UUID || ob_kind(m) > OB_OBJ_LIST)) {
        fail_msg("%s node %u member %u: Outbox kind %u", name, k, i, ob_kind(m));
    }
    if (bit == 0u) {
        return;
    }
    if ((bit & (bit - 1u)) != 0u || nd->present_size == 0u ||
        (nd->present_size < 4u && bit >= (1u << (8u * nd->present_size)))) {
        fail_msg("%s node %u member %u: presence bit 0x%x outside a %u-byte present word", name, k,
                 i, (unsigned)bit, nd->present_size);
    }
    if ((*bits & bit) != 0u) {
        fail_msg("%s node %u member %u: presence bit 0x%x is another member's", name, k, i,
                 (unsigned)bit);
    }
    *bits |= bit;
}

/* Checks every node of @p fam; returns the number of nodes checked. */
static unsigned check_family(const char *name, const ifamily_t *fam)
{
    const char *keys = pool_of(fam);
    unsigned k, i, j;
    uint32_t bits;
    for (k = 0; k < fam->count; k++) {
        const inode_t *nd = &fam->nodes[k];
        if (nd->t == NULL) {
            continue;
        }
        if (nd->n > 32u) {
            fail_msg("%s node %u: %u members, the seen mask holds 32", name, k, nd->n);
        }
        bits = 0;
        for (i = 0; i < nd->n; i++) {
            const char *ki = camp_ib_key(keys, &nd->t[i]);
            check_member(name, k, nd, i, &bits);
            if (!plain_name(ki, nd->t[i].key_len)) {
                fail_msg("%s node %u member %u: key is not a plain name", name, k, i);
            }
            for (j = i + 1u; j < nd->n; j++) {
                const char *kj = camp_ib_key(keys, &nd->t[j]);
                if (nd->t[i].key_len == nd->t[j].key_len && memcmp(ki, kj, nd->t[i].key_len) == 0) {
                    fail_msg("%s node %u: members %u and %u are both \"%.*s\"", name, k, i, j,
                             (int)nd->t[i].key_len, ki);
                }
            }
        }
    }
    return fam->count;
}

static void test_member_tables(void **state)
{
    static const struct {
        const char *name;
        const ifamily_t *fam;
    } families[] = {
        {"campaign", &camp_ib_campaign_family},
        {"page", &camp_ib_page_family},
        {"rules", &camp_ib_rules_family},
        {"leads", &camp_ib_leads_family},
        {"error", &camp_ib_error_family},
        {"webhook", &camp_ib_webhook_family},
        {"success", &camp_ib_success_family},
        {"leads-add result", &camp_ib_leads_add_result_family},
        {"lead update", &camp_ib_lead_update_family},
        {"lead cancel", &camp_ib_lead_cancel_family},
        {"column update", &camp_ib_column_update_family},
        {"column", &camp_ib_column_family},
        {"team", &camp_ib_team_family},
        {"events page", &camp_ib_events_page_family},
        {"outbox", &camp_ob_family},
    };
    size_t f;
    unsigned nodes = 0;
    (void)state;
    for (f = 0; f < sizeof families / sizeof families[0]; f++) {
        nodes += check_family(families[f].name, families[f].fam);
    }
    /* the walk families name the same tables as the decode ones */
    assert_ptr_equal(camp_ib_campaign_walk_family.nodes, camp_ib_campaign_family.nodes);
    assert_ptr_equal(camp_ob_walk_family.nodes, camp_ob_family.nodes);
    /* every family was reached (a family with no node would check nothing) */
    assert_true(nodes >= sizeof families / sizeof families[0]);
}

/* The webhooks' summary campaign (N_SUMMARY) is the campaign table's first rows,
 * read through the webhook family's pool: each row names there what it names in
 * the campaign family's. */
static void test_summary_rows(void **state)
{
    const inode_t *sum = &camp_ib_webhook_family.nodes[N_SUMMARY - camp_ib_webhook_family.first];
    const inode_t *cam = &camp_ib_campaign_family.nodes[N_CAMPAIGN - camp_ib_campaign_family.first];
    unsigned i;
    (void)state;
    assert_true(sum->n > 0u && sum->n < cam->n);
    assert_ptr_equal(sum->t, cam->t);
    for (i = 0; i < sum->n; i++) {
        const ifield_t *m = &sum->t[i];
        const char *a = camp_ib_key(pool_of(&camp_ib_webhook_family), m);
        const char *b = camp_ib_key(pool_of(&camp_ib_campaign_family), m);
        if (memcmp(a, b, m->key_len) != 0 || a[m->key_len] != '\0' || b[m->key_len] != '\0') {
            fail_msg("summary member %u: \"%.*s\" in the webhook pool, \"%.*s\" in the campaign's",
                     i, (int)m->key_len, a, (int)m->key_len, b);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_member_tables),
        cmocka_unit_test(test_summary_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
