/**
 * @file camp_config.h
 * @brief Compile-time configuration of libcamp: capacities, limits, timeouts.
 *
 * Every knob has one `#ifndef` default here. Override any of them by compiling
 * with `-DCAMP_CONFIG_FILE="my_config.h"`; that file is included first, so the
 * values it defines win. Inconsistent values stop the build with `#error`.
 *
 * Capacities size the arrays inside the decoded structs (see camp_inbox.h,
 * camp_outbox.h). A document that needs more elements than a capacity is not
 * truncated: decoding fails with CAMP_ERR_CAPACITY, the JSON path of the array
 * and the count it would need.
 *
 * **The library and every program that links it must be compiled with the same
 * configuration file.** The structs are laid out by these numbers, so a
 * mismatch would make the library write past the program's arrays. The
 * configuration guard at the end of this file turns a mismatch into a link
 * error naming the configuration the program was compiled with:
 * @verbatim
   undefined reference to `camp_config_must_match_library__json32_writer16_path96_steps2_...'
   @endverbatim
 * Write the values of the limits and capacities below as plain decimal
 * numbers (`#define CAMP_MAX_STEPS 4`, not `(4)` or `4u`): they are pasted
 * into that symbol name.
 */
#ifndef CAMP_CONFIG_H
#define CAMP_CONFIG_H

#include <stdbool.h>

#include "camp_version.h"

#ifdef CAMP_CONFIG_FILE
#include CAMP_CONFIG_FILE
#elif defined(CAMP_CONFIG_INSTALLED)
/* The file given to `make install CAMP_CONFIG_FILE=...` (or CMake's CAMP_CONFIG_FILE),
 * installed beside this header; camp.pc passes -DCAMP_CONFIG_INSTALLED. */
#include "config/camp_user_config.h"
#endif

/* ---- JSON core ---------------------------------------------------------- */

/** Deepest nesting of arrays/objects the strict checker accepts. */
#ifndef CAMP_JSON_MAX_DEPTH
#define CAMP_JSON_MAX_DEPTH 32
#endif

/** Deepest nesting the JSON writer can produce (one bit of state per level). */
#ifndef CAMP_JSON_WRITER_MAX_DEPTH
#define CAMP_JSON_WRITER_MAX_DEPTH 16
#endif

/** Size of the JSON path buffer in camp_diag_t, including the NUL. */
#ifndef CAMP_DIAG_PATH_MAX
#define CAMP_DIAG_PATH_MAX 96
#endif

/**
 * English rule texts in diagnostics (1, the default), or short rule ids (0):
 * camp_diag_t::rule is then an id such as "J07" and camp_diag_format() prints
 * the id, the status number, the limits and the size needed
 * (`$.hourlyMessageRate: rule I12, status 202, limits 1..25`), without linking
 * the rule texts nor camp_status_str()'s table. For small targets; the ids are
 * listed next to their texts in the sources (CAMP_RULE in
 * lib/status/status_internal.h). A program may use either setting with a
 * library built with the other: only the strings differ.
 */
#ifndef CAMP_DIAG_TEXT
#define CAMP_DIAG_TEXT 1
#endif

/* ---- Model capacities (elements per array) ------------------------------- */

/** Sequence steps per campaign or sequence body. */
#ifndef CAMP_MAX_STEPS
#define CAMP_MAX_STEPS 10
#endif

/** Message segments in one campaign / sequence, all steps together. */
#ifndef CAMP_MAX_SEGMENTS
#define CAMP_MAX_SEGMENTS 32
#endif

/** Variation options in one campaign / sequence, all segments together. */
#ifndef CAMP_MAX_VARIATION_OPTIONS
#define CAMP_MAX_VARIATION_OPTIONS 32
#endif

/** Linked sender accounts (accountLinkIds) per campaign. */
#ifndef CAMP_MAX_ACCOUNTS
#define CAMP_MAX_ACCOUNTS 8
#endif

/** Lists (legacy `lists`, v2 synced + excluded lists, rule list IDs). */
#ifndef CAMP_MAX_LISTS
#define CAMP_MAX_LISTS 8
#endif

/** Automations per campaign. */
#ifndef CAMP_MAX_AUTOMATIONS
#define CAMP_MAX_AUTOMATIONS 4
#endif

/** Custom variables (legacy `customVariables`) per campaign. */
#ifndef CAMP_MAX_CUSTOM_VARIABLES
#define CAMP_MAX_CUSTOM_VARIABLES 8
#endif

/** Column mappings (source column -> campaign column), all lists together. */
#ifndef CAMP_MAX_COLUMN_MAPPINGS
#define CAMP_MAX_COLUMN_MAPPINGS 8
#endif

/** Lead identifiers in one add-leads body (the API allows at most 2000). */
#ifndef CAMP_MAX_LEAD_IDS
#define CAMP_MAX_LEAD_IDS 2000
#endif

/** Lead objects (`leads[]`) in one add-leads body (the API allows 2000). */
#ifndef CAMP_MAX_LEAD_OBJECTS
#define CAMP_MAX_LEAD_OBJECTS 100
#endif

/** Campaigns in one list page. */
#ifndef CAMP_MAX_PAGE_ITEMS
#define CAMP_MAX_PAGE_ITEMS 4
#endif

/** Outbox email steps per email campaign. */
#ifndef CAMP_MAX_EMAIL_STEPS
#define CAMP_MAX_EMAIL_STEPS 8
#endif

/** Outbox sender identity IDs per email campaign. */
#ifndef CAMP_MAX_SENDER_IDS
#define CAMP_MAX_SENDER_IDS 8
#endif

/** Contacts in one Outbox contacts page (the API's page size is 20). The page struct
 * must stay under 64 KiB (the model engine's offsets are 16-bit; the build says so
 * otherwise): with 40 tags per contact, at most about 85 contacts on a 64-bit host. */
#ifndef CAMP_MAX_CONTACTS
#define CAMP_MAX_CONTACTS 20
#endif

/** Tags per Outbox contact. */
#ifndef CAMP_MAX_CONTACT_TAGS
#define CAMP_MAX_CONTACT_TAGS 40
#endif

/* ---- HTTP ------------------------------------------------------------------ */

/** Most response header lines the parser accepts. */
#ifndef CAMP_HTTP_MAX_HEADERS
#define CAMP_HTTP_MAX_HEADERS 48
#endif

/** Longest status or header line (bytes, without CRLF). */
#ifndef CAMP_HTTP_MAX_LINE
#define CAMP_HTTP_MAX_LINE 2048
#endif

/** Default overall deadline of one request, in milliseconds. */
#ifndef CAMP_HTTP_TIMEOUT_MS
#define CAMP_HTTP_TIMEOUT_MS 15000
#endif

/* ---- Webhooks -------------------------------------------------------------- */

/** Default tolerance between the signature timestamp and now, in seconds. */
#ifndef CAMP_WEBHOOK_TOLERANCE_S
#define CAMP_WEBHOOK_TOLERANCE_S 300
#endif

/** Most `v1=` entries considered in one signature header. */
#ifndef CAMP_WEBHOOK_MAX_SIGNATURES
#define CAMP_WEBHOOK_MAX_SIGNATURES 4
#endif

/* ---- Schedule ---------------------------------------------------------------- */

/** Build the full zone table (1), or (0) the reduced table in CAMP_TZ_TABLE_FILE,
 *  a file written by `make tz TZ_ZONES="Europe/Berlin ..." TZ_OUT=file` (see camp_schedule.h). */
#ifndef CAMP_TZ_FULL_TABLE
#define CAMP_TZ_FULL_TABLE 1
#endif

/* ---- Consistency ------------------------------------------------------------- */

#if CAMP_JSON_MAX_DEPTH < 4 || CAMP_JSON_MAX_DEPTH > 1024
#error "CAMP_JSON_MAX_DEPTH must be in 4..1024"
#endif
#if CAMP_JSON_WRITER_MAX_DEPTH < 4 || CAMP_JSON_WRITER_MAX_DEPTH > 32
#error "CAMP_JSON_WRITER_MAX_DEPTH must be in 4..32 (one bit per level in a uint32_t)"
#endif
#if CAMP_DIAG_PATH_MAX < 16
#error "CAMP_DIAG_PATH_MAX must be at least 16"
#endif
#if CAMP_DIAG_TEXT != 0 && CAMP_DIAG_TEXT != 1
#error "CAMP_DIAG_TEXT must be 0 (rule ids) or 1 (rule texts)"
#endif
#if CAMP_MAX_STEPS < 1 || CAMP_MAX_SEGMENTS < 1 || CAMP_MAX_ACCOUNTS < 1
#error "CAMP_MAX_STEPS, CAMP_MAX_SEGMENTS and CAMP_MAX_ACCOUNTS must be at least 1"
#endif
#if CAMP_MAX_LEAD_IDS < 1 || CAMP_MAX_LEAD_IDS > 2000
#error "CAMP_MAX_LEAD_IDS must be in 1..2000 (the API's own limit)"
#endif
#if CAMP_MAX_LEAD_OBJECTS < 1 || CAMP_MAX_LEAD_OBJECTS > 2000
#error "CAMP_MAX_LEAD_OBJECTS must be in 1..2000 (the API's own limit)"
#endif
#if CAMP_HTTP_MAX_HEADERS < 8 || CAMP_HTTP_MAX_LINE < 128
#error "CAMP_HTTP_MAX_HEADERS must be >= 8 and CAMP_HTTP_MAX_LINE >= 128"
#endif
#if !CAMP_TZ_FULL_TABLE && !defined(CAMP_TZ_TABLE_FILE)
#error "CAMP_TZ_FULL_TABLE 0 needs CAMP_TZ_TABLE_FILE (\"file\" from make tz TZ_ZONES=...)"
#endif
#if CAMP_WEBHOOK_MAX_SIGNATURES < 1
#error "CAMP_WEBHOOK_MAX_SIGNATURES must be at least 1"
#endif

/* ---- Configuration guard ----------------------------------------------------- */

/** @cond CAMP_INTERNAL */
#define CAMP_CONFIG_STR_(x) #x
#define CAMP_CONFIG_XSTR_(x) CAMP_CONFIG_STR_(x)
#define CAMP_CONFIG_NAME_(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u)           \
    camp_config_must_match_library__json##a##_writer##b##_path##c##_steps##d##_segments##e##_options##f##_accounts##g##_lists##h##_automations##i##_variables##j##_mappings##k##_leadids##l##_leads##m##_page##n##_emailsteps##o##_senders##p##_contacts##q##_tags##r##_headers##s##_line##t##_signatures##u
#define CAMP_CONFIG_XNAME_(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u)          \
    CAMP_CONFIG_NAME_(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u)
/** @endcond */

/**
 * @brief Name of the symbol that stands for this configuration.
 *
 * Every limit and capacity that shapes a public struct or a library buffer is
 * part of the name. The library defines exactly one such symbol (the one of
 * the configuration it was compiled with); every translation unit of a
 * program that includes a libcamp header references the one of its own
 * configuration (see CAMP_CONFIG_GUARD). A program compiled with other values
 * therefore fails to link, and the linker prints the name, which spells the
 * program's values.
 */
#define CAMP_CONFIG_GUARD_SYMBOL                                                                   \
    CAMP_CONFIG_XNAME_(CAMP_JSON_MAX_DEPTH, CAMP_JSON_WRITER_MAX_DEPTH, CAMP_DIAG_PATH_MAX,        \
                       CAMP_MAX_STEPS, CAMP_MAX_SEGMENTS, CAMP_MAX_VARIATION_OPTIONS,              \
                       CAMP_MAX_ACCOUNTS, CAMP_MAX_LISTS, CAMP_MAX_AUTOMATIONS,                    \
                       CAMP_MAX_CUSTOM_VARIABLES, CAMP_MAX_COLUMN_MAPPINGS, CAMP_MAX_LEAD_IDS,     \
                       CAMP_MAX_LEAD_OBJECTS, CAMP_MAX_PAGE_ITEMS, CAMP_MAX_EMAIL_STEPS,           \
                       CAMP_MAX_SENDER_IDS, CAMP_MAX_CONTACTS, CAMP_MAX_CONTACT_TAGS,              \
                       CAMP_HTTP_MAX_HEADERS, CAMP_HTTP_MAX_LINE, CAMP_WEBHOOK_MAX_SIGNATURES)

/** The same configuration as text (the guard symbol's name), for
 *  camp_config_matches() and for messages. */
#define CAMP_CONFIG_ID CAMP_CONFIG_XSTR_(CAMP_CONFIG_GUARD_SYMBOL)

/**
 * @brief 1: each translation unit references CAMP_CONFIG_GUARD_SYMBOL at link time.
 *
 * The reference sits in a non-allocated ELF section marked "retain" (SHF_GNU_RETAIN):
 * it costs no flash and no RAM, and `--gc-sections` cannot drop it. It needs an
 * ELF target, GCC or Clang, and binutils 2.36 or later (or Clang 13's assembler).
 * Elsewhere it defaults to 0; then check at init with camp_config_matches().
 * Define it to 0 to switch the link-time check off (for an older assembler).
 */
#ifndef CAMP_CONFIG_GUARD
#if defined(__ELF__) && (defined(__GNUC__) || defined(__clang__))
#define CAMP_CONFIG_GUARD 1
#else
#define CAMP_CONFIG_GUARD 0
#endif
#endif

/* The library's own sources define the symbol once (lib/status/version.c) and are
 * compiled with CAMP_LIBRARY_BUILD, so they carry no reference themselves. */
#if CAMP_CONFIG_GUARD && !defined(CAMP_LIBRARY_BUILD)
__asm__(".pushsection .camp_config_guard,\"R\"\n\t.balign 4\n\t.long " CAMP_CONFIG_XSTR_(
    CAMP_CONFIG_GUARD_SYMBOL) "\n\t.popsection");
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The configuration the library was compiled with, as text.
 * @return the library's CAMP_CONFIG_ID, a static string; never NULL.
 */
const char *camp_config_id(void);

/**
 * @brief Init-time configuration check, for builds without the link-time guard.
 *
 * Call it as `camp_config_matches(CAMP_CONFIG_ID)` before any other libcamp
 * call; on false, stop and report camp_config_id() next to CAMP_CONFIG_ID.
 *
 * @param[in] config_id the program's CAMP_CONFIG_ID; NULL is treated as a mismatch.
 * @return true when the program and the library use the same configuration.
 */
bool camp_config_matches(const char *config_id);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_CONFIG_H */
