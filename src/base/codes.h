/* codes.h - the closed lists stored as short English codes in the database
 * and shown with a translated Polish label (channel, referral source,
 * request status, ...).  One table each; the UI cycles through them. */
#ifndef CUSDESK_CODES_H
#define CUSDESK_CODES_H

#include <stdbool.h>
#include <stddef.h>

struct code {
	const char *code;    /* stored value */
	const char *label;   /* N_() label; translate with _() when shown */
};

struct code_table {
	const struct code *items;
	size_t count;
};

extern const struct code_table codes_channel;
extern const struct code_table codes_filed_by;
extern const struct code_table codes_referral;
extern const struct code_table codes_request_status;
extern const struct code_table codes_sex;
extern const struct code_table codes_unit;
extern const struct code_table codes_fee_rule;
extern const struct code_table codes_provider_kind;
extern const struct code_table codes_plan_status;    /* of a plan version */
extern const struct code_table codes_frequency;      /* of a plan item's amount */
extern const struct code_table codes_note_kind;      /* monitoring notes */
extern const struct code_table codes_forward_to;     /* where a request is forwarded */
extern const struct code_table codes_update_reason;  /* plan updates */
extern const struct code_table codes_closure_reason;
extern const struct code_table codes_consent_scope;

/* Index of code in t, or -1. */
int code_index(const struct code_table *t, const char *code);
/* Translated label of code, or code itself when unknown. */
const char *code_label(const struct code_table *t, const char *code);
/* Finds a code by its stored value or by its label (translated or not,
 * case- and diacritic-insensitive); NULL when nothing matches. */
const char *code_lookup(const struct code_table *t, const char *text);

/* The unit of a plan item's amount in the form its number takes: "1
 * godzina", "2 godziny", "5 godzin". */
const char *unit_amount_label(const char *unit, double amount);
/* A number as people read it: at most two decimals, no trailing zeros,
 * never an exponent ("2", "1.5", "20271231"). */
void number_text(double v, char *out, size_t size);

/* Request statuses in which the case is still open. */
bool request_status_is_open(const char *status);
/* The open request statuses as an SQL list of constants, for
 * "status IN " REQUEST_OPEN_SQL; the same set request_status_is_open
 * knows (a unit test holds them together). */
#define REQUEST_OPEN_SQL "('filed', 'assessment', 'qualified', 'waiting')"

#endif
