/* codes.c - closed lists with their Polish labels. */
#include "codes.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABLE(name, arr) const struct code_table name = {arr, ARRAY_SIZE(arr)}

static const struct code channel[] = {
	{"in_person", N_("in person")},
	{"writing", N_("in writing")},
	{"phone", N_("by phone")},
	{"email", N_("by e-mail")},
	{"epuap", N_("ePUAP")},
};
TABLE(codes_channel, channel);

static const struct code filed_by[] = {
	{"person", N_("the person")},
	{"legal_representative", N_("legal representative")},
	{"actual_carer", N_("actual carer")},
};
TABLE(codes_filed_by, filed_by);

static const struct code referral[] = {
	{"self", N_("self")},
	{"social_worker", N_("social worker")},
	{"family_assistant", N_("family assistant")},
	{"soltys", N_("village head or councillor")},
	{"provider", N_("service provider")},
	{"anonymous", N_("anonymous report")},
	{"campaign", N_("enrolment campaign")},
	{"other", N_("other")},
};
TABLE(codes_referral, referral);

static const struct code request_status[] = {
	{"filed", N_("filed")},
	{"assessment", N_("needs assessment")},
	{"qualified", N_("qualified")},
	{"waiting", N_("waiting list")},
	{"forwarded", N_("forwarded")},
	{"not_qualified", N_("not qualified")},
	{"withdrawn", N_("withdrawn")},
	{"closed", N_("closed")},
};
TABLE(codes_request_status, request_status);

static const struct code sex[] = {
	{"K", N_("female")},
	{"M", N_("male")},
};
TABLE(codes_sex, sex);

static const struct code unit[] = {
	{"hour", N_("hour")},
	{"session", N_("session")},
	{"ride", N_("ride")},
	{"visit", N_("visit")},
	{"day", N_("day")},
	{"meal", N_("meal")},
	{"other", N_("other unit")},
};
TABLE(codes_unit, unit);

/* The fee rule of a service (art. 27: free by default, co-payment possible). */
static const struct code fee_rule[] = {
	{"free", N_("free of charge")},
	{"fixed", N_("fixed fee per unit")},
	{"income", N_("depends on income")},
};
TABLE(codes_fee_rule, fee_rule);

static const struct code provider_kind[] = {
	{"gmina_office", N_("gmina office")},
	{"gmina_unit", N_("gmina unit")},
	{"ngo", N_("NGO or public-benefit body")},
	{"procurement", N_("chosen by public procurement")},
	{"health", N_("health-care entity")},
};
TABLE(codes_provider_kind, provider_kind);

static const struct code frequency[] = {
	{"once", N_("once")},
	{"day", N_("a day")},
	{"week", N_("a week")},
	{"month", N_("a month")},
	{"quarter", N_("a quarter")},
	{"year", N_("a year")},
};
TABLE(codes_frequency, frequency);

static const struct code plan_status[] = {
	{"draft", N_("draft")},
	{"submitted", N_("awaiting approval")},
	{"approved", N_("approved")},
	{"returned", N_("returned")},
	{"superseded", N_("superseded")},
};
TABLE(codes_plan_status, plan_status);

static const struct code forward_to[] = {
	{"social_assistance", N_("the social-assistance team")},
	{"other_team", N_("another team of the centre")},
	{"gmina_office", N_("the gmina office")},
	{"gmina_unit", N_("a gmina unit")},
};
TABLE(codes_forward_to, forward_to);

static const struct code note_kind[] = {
	{"phone", N_("phone call")},
	{"home_visit", N_("home visit")},
	{"at_cus", N_("meeting at the centre")},
	{"provider_contact", N_("contact with the provider")},
	{"specialist_opinion", N_("specialist opinion")},
};
TABLE(codes_note_kind, note_kind);

static const struct code update_reason[] = {
	{"needs_changed", N_("the needs changed")},
	{"new_programme", N_("a new programme")},
	{"person_request", N_("at the person's request")},
	{"provider_change", N_("a change of provider")},
	{"other", N_("another reason")},
};
TABLE(codes_update_reason, update_reason);

static const struct code closure_reason[] = {
	{"completed", N_("completed")},
	{"goals_achieved", N_("goals achieved")},
	{"resignation", N_("resignation")},
	{"moved_away", N_("moved away")},
	{"death", N_("death")},
	{"transferred", N_("transferred")},
	{"other", N_("other")},
};
TABLE(codes_closure_reason, closure_reason);

/* The scopes of a person's consent (RODO). */
static const struct code consent_scope[] = {
	{"processing", N_("processing of personal data")},
	{"service_card", N_("keeping the service card")},
	{"forwarding", N_("forwarding the request to another team or institution")},
	{"provider", N_("passing data to a provider")},
};
TABLE(codes_consent_scope, consent_scope);

int code_index(const struct code_table *t, const char *code)
{
	size_t i;

	if (!code)
		return -1;
	for (i = 0; i < t->count; i++)
		if (!strcmp(t->items[i].code, code))
			return (int)i;
	return -1;
}

const char *code_label(const struct code_table *t, const char *code)
{
	int i = code_index(t, code);
	return i < 0 ? (code ? code : "") : _(t->items[i].label);
}

const char *code_lookup(const struct code_table *t, const char *text)
{
	char *want;
	const char *found = NULL;
	size_t i;

	if (!text || !*text)
		return NULL;
	if (code_index(t, text) >= 0)
		return t->items[code_index(t, text)].code;
	want = text_fold(text);
	for (i = 0; i < t->count && !found; i++) {
		char *a = text_fold(_(t->items[i].label));
		char *b = text_fold(t->items[i].label);
		if (!strcmp(a, want) || !strcmp(b, want))
			found = t->items[i].code;
		free(a);
		free(b);
	}
	free(want);
	return found;
}

bool request_status_is_open(const char *status)
{
	static const char *const open[] = {"filed", "assessment", "qualified", "waiting"};
	size_t i;

	for (i = 0; status && i < ARRAY_SIZE(open); i++)
		if (!strcmp(status, open[i]))
			return true;
	return false;
}

void number_text(double v, char *out, size_t size)
{
	char *end;

	snprintf(out, size, "%.2f", v);
	end = out + strlen(out) - 1;
	while (end > out && *end == '0')
		*end-- = '\0';
	if (*end == '.')
		*end = '\0';
}

const char *unit_amount_label(const char *u, double amount)
{
	/* whole numbers take the plural form of their count; a fraction reads
	 * like "1,5 godziny", the form of 2 */
	unsigned long n = amount == (double)(unsigned long)amount ? (unsigned long)amount : 2;

	if (!u || !strcmp(u, "hour"))
		return PC_("amount", "hour", "hours", n);
	if (!strcmp(u, "session"))
		return PC_("amount", "session", "sessions", n);
	if (!strcmp(u, "ride"))
		return PC_("amount", "ride", "rides", n);
	if (!strcmp(u, "visit"))
		return PC_("amount", "visit", "visits", n);
	if (!strcmp(u, "day"))
		return PC_("amount", "day", "days", n);
	if (!strcmp(u, "meal"))
		return PC_("amount", "meal", "meals", n);
	return PC_("amount", "unit", "units", n);
}
