/* validate.h - field validation shared by the UI, the command line and
 * imports.  Messages are translated (Polish by default) and name the field.
 */
#ifndef CUSDESK_VALIDATE_H
#define CUSDESK_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

/* Which field of a record was wrong and why.  field is the record's own
 * field enum value (e.g. PERSON_F_PESEL), or -1 when the error is not tied
 * to one field.  The forms name fields by the same ids, so the ranges of
 * the records must not overlap; a new record takes a free range:
 *
 *     0-      person (person.h), user (auth.h) - never on one form
 *   100-      request (request.h)            200-  assessment (assessment.h)
 *   250-      the assessment form's own (ui/assess.c)
 *   300-      plan (plan.h); 350- the plan form's own (ui/planedit.c)
 *   400+i     a plan item                    500+i a supporting activity
 *   600-      monitoring note (monitoring.h); 610 and 640- its form's own
 *   620+i     a service check of a note      700-  closing; 720- its form's
 *   900-999   the offer (offer.h)            1000- meeting (meeting.h)
 *   1100-     half-year summary (summary.h)  1200- RODO (rodo.h)
 *   1300-     activities and groups (group.h)
 */
struct fielderr {
	int field;
	char msg[256];
};

void fielderr_clear(struct fielderr *e);
/* Sets the error (fmt is already translated by the caller); returns
 * CD_EINVAL so callers can `return fielderr_set(...)`.  e may be NULL. */
int fielderr_set(struct fielderr *e, int field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Free text as the domain stores it: valid UTF-8 with no control
 * characters; a tab becomes a space and CR LF a line break (in place);
 * line breaks only when multiline.  CD_OK, or CD_EINVAL with
 * "LABEL: ..." on field.  label is already translated. */
int text_field_check(char *s, bool multiline, int field, const char *label,
		     struct fielderr *e);

/* The declared maximum (bytes, without the NUL) of a reason or comment
 * given as a string: ending a service, a resignation, taking an entry off
 * the waiting list, returning a plan.  The desk's prompts hold as much. */
#define TEXT_REASON_MAX 299
/* A free text given as a string (s may be NULL, read as empty): at most
 * max bytes, text_field_check on a copy, then trimmed; the copy in *out
 * (allocated, the caller frees it; NULL on error). */
int text_param_check(const char *s, bool multiline, size_t max, int field, const char *label,
		     char **out, struct fielderr *e);

/* The days of a week a service takes place: typed "pn śr pt", "pn-pt",
 * "mon, wed" (Polish or English, short or long, ranges), stored "1,3,5"
 * (ISO weekdays, Monday 1).  In may also be that stored form.  False for
 * anything else; out gets "" for an empty in. */
bool weekdays_parse(const char *in, char *out, size_t size);
/* "1,3,5" as the user reads it: "pn, śr, pt" (translated). */
void weekdays_text(const char *stored, char *out, size_t size);
/* Hours "9-11", "9:00-11:30", "09:00–11:30" as "09:00-11:30": the start
 * before the end, both within the day.  False for anything else. */
bool hours_parse(const char *in, char out[12]);

/* Dates are ISO strings "YYYY-MM-DD" throughout cusdesk. */
struct date {
	int y, m, d;
};
bool date_parse(const char *s, struct date *out);  /* strict, real dates */
/* The same, or the Polish way D.M.YYYY / DD.MM.YYYY: 1-2 digits of day
 * and month, exactly 4 of the year, nothing else ("101.03.1950" and
 * "1.3.1950r" are refused). */
bool date_parse_pl(const char *s, struct date *out);
/* A required date field that may not be after today: CD_OK, or CD_EINVAL
 * with "LABEL: required / not a valid date / cannot be in the future". */
int date_field_past(const char *s, int field, const char *label, struct date *out,
		    struct fielderr *e);
void date_format(const struct date *d, char out[11]);
int date_days_in_month(int y, int m);
/* Days since 1970-01-01 (may be negative). */
long date_to_days(const struct date *d);
void date_from_days(long days, struct date *out);
int date_cmp(const struct date *a, const struct date *b);
/* Today, from the clock, or from $CUSDESK_TODAY (YYYY-MM-DD) when set, so
 * tests and demos have a fixed "today". */
void date_today(struct date *out);
/* Whether date_today follows CUSDESK_TODAY: only for a test or demo
 * database (db_open decides), never on a real one. */
void date_test_clock(bool on);
/* d moved by n months (n may be negative); the day is clamped to the
 * month's length (31 Jan + 1 month = 28/29 Feb). */
void date_add_months(const struct date *d, int n, struct date *out);
/* Days from a to b (b - a). */
long date_diff(const struct date *a, const struct date *b);
/* Whole years between birth and on (age on that day). */
int date_age(const struct date *birth, const struct date *on);

struct pesel_info {
	struct date birth;
	char sex;              /* 'K' (female) or 'M' (male) */
};
enum pesel_status {
	PESEL_OK = 0,
	PESEL_LENGTH,          /* not 11 digits */
	PESEL_DIGITS,          /* something other than digits */
	PESEL_DATE,            /* the encoded birth date does not exist */
	PESEL_CHECKSUM,
};
enum pesel_status pesel_check(const char *s, struct pesel_info *info);
/* Translated explanation of a status, e.g. "zła cyfra kontrolna". */
const char *pesel_status_text(enum pesel_status st);

bool postcode_valid(const char *s);       /* NN-NNN */
bool phone_valid(const char *s);          /* 9-15 digits, + ( ) - space */
bool email_valid(const char *s);

#endif
