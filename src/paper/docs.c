/* docs.c - the printable documents built from the record. */
#include "document.h"
#include "assessment.h"
#include "card.h"
#include "casefile.h"
#include "codes.h"
#include "dbint.h"
#include "group.h"
#include "i18n.h"
#include "monitoring.h"
#include "person.h"
#include "plan.h"
#include "report.h"
#include "request.h"
#include "settings.h"
#include "summary.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_codes[] = {
	[DOCK_REQUEST] = "request", [DOCK_ASSESSMENT] = "assessment", [DOCK_PLAN] = "plan",
	[DOCK_ORDER] = "order", [DOCK_CLOSING] = "closing", [DOCK_CARD] = "card",
	[DOCK_HALF_YEAR] = "half-year", [DOCK_QUARTERLY] = "quarterly",
};

const char *doc_kind_code(enum doc_kind k)
{
	return kind_codes[k];
}

static void choice(struct doc_choice **out, size_t *n, size_t *cap, enum doc_kind k,
		   const char *id, const char *label)
{
	struct doc_choice *c = array_push((void **)out, n, cap, sizeof(*c));

	c->kind = k;
	str_copy(c->id, sizeof(c->id), id);
	str_copy(c->label, sizeof(c->label), label);
}

int doc_choices_for_case(struct cd_db *db, const struct actor *a, int64_t request_id,
			 struct doc_choice **out, size_t *n)
{
	struct request r;
	sqlite3_stmt *st;
	size_t cap = 0;
	char id[24];
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = request_get(db, a, request_id, &r)))
		return rc;
	snprintf(id, sizeof(id), "%lld", (long long)request_id);
	choice(out, n, &cap, DOCK_REQUEST, id, _("Confirmation of the request"));
	if (case_access(db, a, request_id, false, NULL) != CD_OK)
		return CD_OK;                /* reception: the confirmation only */
	if (db_prepare(db, "SELECT EXISTS (SELECT 1 FROM assessment WHERE request_id = ?1), "
		       "EXISTS (SELECT 1 FROM plan WHERE request_id = ?1), EXISTS (SELECT 1 FROM "
		       "closure c JOIN plan p ON p.id = c.plan_id WHERE p.request_id = ?1)", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, request_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		bool as = sqlite3_column_int(st, 0), pl = sqlite3_column_int(st, 1);
		bool cl = sqlite3_column_int(st, 2);
		if (as)
			choice(out, n, &cap, DOCK_ASSESSMENT, id, _("Needs assessment"));
		if (pl) {
			/* every version can be printed, the newest first */
			struct plan_version *vers = NULL;
			int64_t pid;
			size_t nv = 0, k;
			if (plan_of_request(db, a, request_id, &pid, &vers, &nv) == CD_OK) {
				for (k = 0; k < nv; k++) {
					char vid[48], label[300];
					snprintf(vid, sizeof(vid), "%lld:%lld", (long long)request_id,
						 (long long)vers[k].id);
					snprintf(label, sizeof(label), _("IPUS, version %d (%s)"),
						 vers[k].version_no,
						 code_label(&codes_plan_status, vers[k].status));
					choice(out, n, &cap, DOCK_PLAN, vid, label);
					plan_version_release(&vers[k]);
				}
				free(vers);
			}
		}
		if (cl)
			choice(out, n, &cap, DOCK_CLOSING, id,
			       _("Summary conversation and the description of the plan's course"));
	}
	if (db_finish(st))
		goto fail;
	/* the orders of the items in force, newest version first */
	if (db_prepare(db, "SELECT o.id, s.name, pv.name FROM service_order o JOIN plan_item i ON "
		       "i.id = o.item_id JOIN plan_version v ON v.id = i.version_id JOIN plan p ON "
		       "p.id = v.plan_id JOIN service s ON s.id = i.service_id JOIN provider pv ON "
		       "pv.id = i.provider_id WHERE p.request_id = ?1 ORDER BY o.id", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, request_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char oid[24], *label;
		snprintf(oid, sizeof(oid), "%lld", (long long)sqlite3_column_int64(st, 0));
		label = xasprintf(_("Order no. %s: %s (%s)"), oid, sqlite3_column_text(st, 1),
				  sqlite3_column_text(st, 2));
		choice(out, n, &cap, DOCK_ORDER, oid, label);
		free(label);
	}
	if (db_finish(st))
		goto fail;
	snprintf(id, sizeof(id), "%lld", (long long)r.person_id);
	choice(out, n, &cap, DOCK_CARD, id, _("Service card"));
	return CD_OK;
fail:
	free(*out);
	*out = NULL;
	*n = 0;
	return CD_EDB;
}

/* The folder name of the user's documents: the login (a-z 0-9 . _ -
 * only, see user_validate_login), never "." or ".."; "system" for the
 * command line's host administrator. */
static const char *own_folder(const struct actor *a)
{
	if (!a || !a->login[0] || a->login[strspn(a->login, ".")] == '\0' ||
	    user_validate_login(a->login, NULL))
		return "system";
	return a->login;
}

int documents_path(struct cd_db *db, const struct actor *a, const char *base, const char *ext,
		   char *path, size_t size, struct fielderr *e)
{
	char *dir = setting_get(db, "documents_dir", ""), *own, *name, *c;
	const char *home = getenv("HOME");

	if (!dir[0]) {
		free(dir);
		dir = xasprintf("%s/cusdesk-dokumenty", home && *home ? home : ".");
	}
	/* each cusdesk login its own folder: on a shared host (one service
	 * account) nobody's desk writes where another's files are */
	own = xasprintf("%s/%s", dir, own_folder(a));
	free(dir);
	if (mkdir_p(own, 0700)) {
		fielderr_set(e, -1, _("%s: cannot create the folder (%s)"), own, strerror(errno));
		free(own);
		return CD_EIO;
	}
	name = xstrdup(base);
	for (c = name; *c; c++)
		if (*c == '/' || *c == ' ' || *c == '\\')
			*c = '_';
	snprintf(path, size, "%s/%s.%s", own, name, ext);
	free(name);
	free(own);
	return CD_OK;
}

/* CUPS's lp on the PATH (out gets its path). */
static bool find_lp(char *out, size_t size)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL;
	bool found = false;

	copy = xstrdup(path && *path ? path : "/usr/bin:/bin");
	for (dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		snprintf(out, size, "%s/lp", dir);
		found = access(out, X_OK) == 0;
	}
	free(copy);
	return found;
}

int doc_deliver(struct cd_db *db, const struct actor *a, const struct document *d,
		const char *base, char *path, size_t size, bool *printed, struct fielderr *e)
{
	char lp[1024];
	int rc;

	*printed = false;
	if ((rc = documents_path(db, a, base, "pdf", path, size, e)))
		return rc;
	if ((rc = doc_pdf(d, path, e)))
		return rc;
	if (!getenv("CUSDESK_NO_PRINT") && find_lp(lp, sizeof(lp))) {
		pid_t pid = fork();
		int status = 0;
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			if (null >= 0) {
				dup2(null, STDOUT_FILENO);
				dup2(null, STDERR_FILENO);
			}
			execl(lp, "lp", "-s", path, (char *)NULL);
			_exit(127);
		}
		if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 0)
			*printed = true;
	}
	return CD_OK;
}

bool doc_kind_parse(const char *s, enum doc_kind *out)
{
	size_t i;

	for (i = 0; s && i < ARRAY_SIZE(kind_codes); i++)
		if (!strcmp(s, kind_codes[i])) {
			*out = (enum doc_kind)i;
			return true;
		}
	return false;
}

/* A request by its id or its case reference; 0 when none. */
static int64_t request_of(struct cd_db *db, const char *id)
{
	sqlite3_stmt *st;
	int64_t r = 0;
	char *end;
	long long n = strtoll(id, &end, 10);

	if ((!*end || *end == ':') && n > 0)
		return (int64_t)n;
	if (db_prepare(db, "SELECT id FROM request WHERE case_ref = ?1 COLLATE NOCASE", &st))
		return 0;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return r;
}

static void address_of(const struct person *p, char *out, size_t size)
{
	struct strbuf sb;

	/* "Street 5/2, 07-431 Town"; in a village without streets the town
	 * takes the street's place: "Town 5, 07-431 Town" */
	sb_init(&sb);
	sb_add(&sb, p->street[0] ? p->street : p->town);
	if (p->house_no[0])
		sb_addf(&sb, " %s", p->house_no);
	if (p->flat_no[0])
		sb_addf(&sb, "/%s", p->flat_no);
	if (p->postcode[0] || (p->street[0] && p->town[0]))
		sb_addf(&sb, ", %s%s%s", p->postcode, p->postcode[0] ? " " : "", p->town);
	str_copy(out, size, sb.buf ? sb.buf : "");
	sb_release(&sb);
}

static void person_fields(struct cd_db *db, const struct actor *a, struct document *d,
			  int64_t person_id)
{
	struct person p;
	char addr[400], name[300];

	if (person_get(db, a, person_id, &p))
		return;
	snprintf(name, sizeof(name), "%s %s", p.first_names, p.surname);
	doc_field(d, _("Person"), name);
	if (p.pesel[0])
		doc_field(d, _("PESEL"), p.pesel);
	else if (p.birth_date[0])
		doc_field(d, _("Date of birth"), p.birth_date);
	address_of(&p, addr, sizeof(addr));
	doc_field(d, _("Address"), addr);
	if (p.phone[0])
		doc_field(d, _("Phone"), p.phone);
}

static int build_request(struct cd_db *db, const struct actor *a, int64_t rid,
			 struct document *d, struct fielderr *e)
{
	struct request r;
	struct date filed, due;
	char buf[64];

	if (request_get(db, a, rid, &r))
		return fielderr_set(e, -1, "%s", _("no such case")), CD_ENOTFOUND;
	doc_init(d, _("Confirmation of the request"), r.case_ref);
	doc_field(d, _("Case ref."), r.case_ref);
	doc_field(d, _("Filed on"), r.filed_on);
	doc_field(d, _("Filed by way of"), code_label(&codes_channel, r.channel));
	doc_field(d, _("Filed by"), code_label(&codes_filed_by, r.filed_by));
	person_fields(db, a, d, r.person_id);
	doc_heading(d, _("What the request asks for"));
	doc_para(d, r.asked);
	doc_field(d, _("Coordinator"), r.coordinator_name);
	doc_space(d);
	if (date_parse(r.filed_on, &filed)) {
		date_from_days(date_to_days(&filed) + 30, &due);
		date_format(&due, buf);
		{
			char *t = xasprintf(_("The centre talks with you about your needs and, when "
					      "you need services for longer or several of them, draws "
					      "up an individual social services plan with you within "
					      "30 days of the request, by %s (art. 40 of the Act of 19 "
					      "July 2019)."), buf);
			doc_para(d, t);
			free(t);
		}
	}
	doc_signatures(d, _("received by (the centre)|the applicant"));
	return CD_OK;
}

static int build_assessment(struct cd_db *db, const struct actor *a, int64_t rid,
			    struct document *d, struct fielderr *e)
{
	struct request r;
	struct assessment as;
	struct need *nd = NULL;
	size_t i, nn = 0;
	int rc;

	if ((rc = case_access(db, a, rid, false, e)))
		return rc;
	if (request_get(db, a, rid, &r))
		return fielderr_set(e, -1, "%s", _("no such case")), CD_ENOTFOUND;
	if (assessment_get(db, a, rid, &as))
		return fielderr_set(e, -1, "%s", _("the case has no needs assessment yet")),
		       CD_ENOTFOUND;
	doc_init(d, _("Needs assessment"), r.case_ref);
	person_fields(db, a, d, r.person_id);
	doc_field(d, _("Held on"), as.held_on);
	doc_field(d, _("Place"), !strcmp(as.place, "home") ? _("at the person's home") :
		  !strcmp(as.place, "cus") ? _("at the centre") : as.place_note);
	{
		char who[400];
		snprintf(who, sizeof(who), "%s%s%s%s%s%s", as.with_person ? _("the person") : "",
			 as.with_legal_rep ? ", " : "", as.with_legal_rep ? _("legal representative") : "",
			 as.with_carer ? ", " : "", as.with_carer ? _("actual carer") : "",
			 as.others[0] ? ", " : "");
		if (as.others[0])
			str_copy(who + strlen(who), sizeof(who) - strlen(who), as.others);
		doc_field(d, _("Who took part"), who[0] == ',' ? who + 2 : who);
	}
	for (i = 0; i < as.ndomains; i++) {
		const struct assessment_domain *ad = &as.domains[i];
		char name[160];
		if (!ad->situation[0] && !ad->needs[0] && !ad->strengths[0] && !ad->wishes[0])
			continue;
		life_domain_name(db, ad->code, name, sizeof(name));
		doc_heading(d, name);
		if (ad->situation[0])
			doc_field(d, _("Situation"), ad->situation);
		if (ad->needs[0])
			doc_field(d, _("Needs"), ad->needs);
		if (ad->strengths[0])
			doc_field(d, _("Strengths"), ad->strengths);
		if (ad->wishes[0])
			doc_field(d, _("Wishes"), ad->wishes);
	}
	if (need_list(db, a, rid, &nd, &nn) == CD_OK && nn) {
		doc_heading(d, _("Needs found"));
		for (i = 0; i < nn; i++) {
			char *t = xasprintf("%s → %s", nd[i].description,
					    nd[i].unmet ? _("unmet (register)") : nd[i].service_name);
			doc_para(d, t);
			free(t);
		}
	}
	free(nd);
	doc_heading(d, _("Outcome"));
	doc_field(d, _("Outcome"), as.outcome[0] ? code_label(&codes_request_status, as.outcome) :
		  _("not recorded yet"));
	if (as.outcome_note[0])
		doc_field(d, _("Note"), as.outcome_note);
	if (as.coordination_months > 0) {
		char m[16];
		snprintf(m, sizeof(m), "%d", as.coordination_months);
		doc_field(d, _("Months of coordination"), m);
	}
	doc_signatures(d, _("the person|the coordinator"));
	assessment_release(&as);
	return CD_OK;
}

/* What changed in v since the last approved version before it, as lines
 * of the document (nothing when v is the first or itself approved). */
static void changes_since_approved(struct cd_db *db, const struct actor *a, struct document *d,
				   const struct plan_version *v, const struct plan_version *vers,
				   size_t nv)
{
	struct plan_version base;
	struct plan_diff *diff = NULL;
	size_t i, nd = 0;
	int64_t base_id = 0;

	if (!strcmp(v->status, "approved") || !strcmp(v->status, "superseded"))
		return;
	/* vers: newest first */
	for (i = 0; i < nv && !base_id; i++)
		if (vers[i].version_no < v->version_no &&
		    (!strcmp(vers[i].status, "approved") || !strcmp(vers[i].status, "superseded")))
			base_id = vers[i].id;
	if (!base_id || plan_version_get(db, a, base_id, &base) != CD_OK)
		return;
	{
		char *h = xasprintf(_("Changes since the approved version %d"), base.version_no);
		doc_heading(d, h);
		free(h);
	}
	if (strcmp(base.period_from, v->period_from) || strcmp(base.period_to, v->period_to)) {
		char *t = xasprintf(_("Period: %s – %s → %s – %s"), base.period_from, base.period_to,
				    v->period_from, v->period_to);
		doc_para(d, t);
		free(t);
	}
	if (strcmp(base.goals, v->goals))
		doc_para(d, _("Goals: changed"));
	if (strcmp(base.person_view, v->person_view))
		doc_para(d, _("The person's own assessment: changed"));
	plan_compare(&base, v, &diff, &nd);
	for (i = 0; i < nd; i++) {
		char *t = xasprintf("%s %s: %s", diff[i].kind == DIFF_ADDED ? "+" :
				    diff[i].kind == DIFF_REMOVED ? "-" : "~", diff[i].service_name,
				    diff[i].kind == DIFF_ADDED ? _("added") :
				    diff[i].kind == DIFF_REMOVED ? _("removed") : diff[i].what);
		doc_para(d, t);
		free(t);
	}
	if (!nd)
		doc_para(d, _("No change in the services."));
	free(diff);
	plan_version_release(&base);
}

/* The plan of case rid: version vid (0: the newest). */
static int build_plan(struct cd_db *db, const struct actor *a, int64_t rid, int64_t vid,
		      struct document *d, struct fielderr *e)
{
	struct request r;
	struct plan_version v, *vers = NULL;
	int64_t pid;
	size_t i, nv = 0;
	char *title;
	bool found = false;
	int rc;

	if ((rc = case_access(db, a, rid, false, e)))
		return rc;
	if (request_get(db, a, rid, &r))
		return fielderr_set(e, -1, "%s", _("no such case")), CD_ENOTFOUND;
	if (plan_of_request(db, a, rid, &pid, &vers, &nv) || !nv)
		return fielderr_set(e, -1, "%s", _("the case has no plan yet")), CD_ENOTFOUND;
	for (i = 0; i < nv; i++)
		found = found || vers[i].id == vid;
	if (!vid || !found)
		vid = vers[0].id;
	rc = plan_version_get(db, a, vid, &v);
	if (rc) {
		for (i = 0; i < nv; i++)
			plan_version_release(&vers[i]);
		free(vers);
		return fielderr_set(e, -1, "%s", _("the case has no plan yet")), rc;
	}
	title = v.version_no > 1 ?
		xasprintf(_("Individual social services plan (IPUS), update %d"), v.version_no - 1) :
		xstrdup(_("Individual social services plan (IPUS)"));
	doc_init(d, title, r.case_ref);
	free(title);
	person_fields(db, a, d, r.person_id);
	{
		char period[40];
		snprintf(period, sizeof(period), "%s – %s", v.period_from, v.period_to);
		doc_field(d, _("Period"), period);
	}
	doc_field(d, _("Coordinator"), r.coordinator_name);
	{
		char *t = xasprintf("%d: %s", v.version_no, code_label(&codes_plan_status, v.status));
		doc_field(d, _("Version"), t);
		free(t);
	}
	if (!strcmp(v.status, "returned") && v.return_comment[0])
		doc_field(d, _("Returned with the comment"), v.return_comment);
	if (v.update_reason[0]) {
		char *t = xasprintf("%s: %s", code_label(&codes_update_reason, v.update_reason),
				    v.update_note);
		doc_field(d, _("Reason for the update"), t);
		free(t);
	}
	if (v.goals[0]) {
		doc_heading(d, _("Goals"));
		doc_para(d, v.goals);
	}
	doc_heading(d, _("Services, their schedule, provider and place (art. 39)"));
	for (i = 0; i < v.nitems; i++) {
		struct plan_item *it = &v.items[i];
		char amount[120], period[40];
		plan_item_describe(db, it);
		item_amount_text(it, amount, sizeof(amount));
		snprintf(period, sizeof(period), "%s – %s", it->starts_on, it->ends_on);
		{
			char *h = xasprintf("%zu. %s", i + 1, it->service_name);
			doc_para(d, h);
			free(h);
		}
		doc_field(d, _("Amount"), amount);
		doc_field(d, _("Period"), period);
		doc_field(d, _("Provider"), it->provider_name);
		doc_field(d, _("Place"), it->place_name);
		{
			char limit[200];
			plan_item_limit_text(db, it, limit, sizeof(limit));
			if (limit[0])
				doc_field(d, _("Programme limit"), limit);
		}
		if (it->override_reason[0])
			doc_field(d, _("Justification (over the limit)"), it->override_reason);
		if (it->notes[0])
			doc_field(d, _("Notes"), it->notes);
		if (it->ended_on[0]) {
			char *t = xasprintf("%s (%s)", it->ended_on, it->end_reason);
			doc_field(d, _("Ended"), t);
			free(t);
		}
	}
	if (!v.nitems)
		doc_para(d, _("No services yet."));
	if (v.nacts) {
		doc_heading(d, _("Supporting activities"));
		for (i = 0; i < v.nacts; i++) {
			char *t = xasprintf("%s: %s", activity_kind_label(v.acts[i].kind),
					    v.acts[i].description);
			doc_para(d, t);
			free(t);
		}
	}
	if (v.person_view[0]) {
		doc_heading(d, _("The person's own assessment"));
		doc_para(d, v.person_view);
	}
	doc_heading(d, _("Approval (art. 41)"));
	if (!strcmp(v.status, "approved") || !strcmp(v.status, "superseded")) {
		char *t = xasprintf("%.10s, %s", v.decided_at, v.decided_by_name);
		doc_field(d, _("Approved"), t);
		free(t);
	} else {
		doc_para(d, _("A draft: not approved yet."));
	}
	changes_since_approved(db, a, d, &v, vers, nv);
	doc_signatures(d, _("the person (agreed)|the coordinator|approved by"));
	plan_version_release(&v);
	for (i = 0; i < nv; i++)
		plan_version_release(&vers[i]);
	free(vers);
	return CD_OK;
}

int doc_plan_text(struct cd_db *db, const struct actor *a, int64_t request_id,
		  int64_t version_id, char **text, struct fielderr *e)
{
	struct document d;
	int rc;

	fielderr_clear(e);
	*text = NULL;
	memset(&d, 0, sizeof(d));
	if ((rc = build_plan(db, a, request_id, version_id, &d, e))) {
		doc_free(&d);
		return rc;
	}
	*text = doc_text(&d);
	doc_free(&d);
	return CD_OK;
}

static int build_order(struct cd_db *db, const struct actor *a, const char *id,
		       struct document *d, struct fielderr *e)
{
	sqlite3_stmt *st;
	int64_t rid = 0, item = 0, pid = 0;
	char sent[16] = "", ref[48] = "";
	struct plan_version v;
	size_t i;
	int rc;

	if (db_prepare(db, "SELECT o.item_id, o.sent_on, r.id, r.case_ref, p.id FROM service_order o "
		       "JOIN plan_item i ON i.id = o.item_id JOIN plan_version v ON "
		       "v.id = i.version_id JOIN plan p ON p.id = v.plan_id JOIN request r ON "
		       "r.id = p.request_id WHERE o.id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, strtoll(id, NULL, 10));
	if (sqlite3_step(st) == SQLITE_ROW) {
		item = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, sent, sizeof(sent));
		rid = sqlite3_column_int64(st, 2);
		db_col_copy(st, 3, ref, sizeof(ref));
		pid = sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
	if (!rid)
		return fielderr_set(e, -1, _("no order number %s"), id), CD_ENOTFOUND;
	if ((rc = case_access(db, a, rid, false, e)))
		return rc;
	if ((rc = plan_latest(db, a, pid, &v)))
		return rc;
	{
		char *title = xasprintf(_("Order for a social service no. %s"), id);
		doc_init(d, title, ref);
		free(title);
	}
	doc_field(d, _("Ordered on"), sent);
	for (i = 0; i < v.nitems; i++) {
		struct plan_item *it = &v.items[i];
		char amount[120], period[40];
		if (it->id != item && it->origin_id != item)
			continue;
		plan_item_describe(db, it);
		item_amount_text(it, amount, sizeof(amount));
		snprintf(period, sizeof(period), "%s – %s", it->starts_on, it->ends_on);
		doc_field(d, _("Provider"), it->provider_name);
		doc_field(d, _("Service"), it->service_name);
		doc_field(d, _("Amount"), amount);
		doc_field(d, _("Period"), period);
		doc_field(d, _("Place"), it->place_name);
		if (it->notes[0])
			doc_field(d, _("Notes"), it->notes);
		break;
	}
	plan_version_release(&v);
	doc_heading(d, _("For whom"));
	{
		struct request r;
		if (request_get(db, a, rid, &r) == CD_OK) {
			person_fields(db, a, d, r.person_id);
			doc_field(d, _("Coordinator"), r.coordinator_name);
		}
	}
	{
		struct practice pr;
		char *t;
		practice_load(db, &pr);
		t = xasprintf(_("Please contact the person within %d days of this order and tell "
				"the coordinator when the service starts."), pr.provider_contact_days);
		doc_space(d);
		doc_para(d, t);
		free(t);
	}
	doc_signatures(d, _("the coordinator|received by the provider"));
	return CD_OK;
}

static int build_closing(struct cd_db *db, const struct actor *a, int64_t rid,
			 struct document *d, struct fielderr *e)
{
	struct request r;
	struct plan_version *vers = NULL;
	struct closing c;
	int64_t pid;
	size_t i, nv = 0;
	int rc;

	if ((rc = case_access(db, a, rid, false, e)))
		return rc;
	if (request_get(db, a, rid, &r))
		return fielderr_set(e, -1, "%s", _("no such case")), CD_ENOTFOUND;
	if (plan_of_request(db, a, rid, &pid, &vers, &nv))
		return fielderr_set(e, -1, "%s", _("the case has no plan yet")), CD_ENOTFOUND;
	for (i = 0; i < nv; i++)
		plan_version_release(&vers[i]);
	free(vers);
	if (closing_get(db, a, pid, &c))
		return fielderr_set(e, -1, "%s", _("the plan is not closed")), CD_ENOTFOUND;
	doc_init(d, _("Summary conversation and the description of the plan's course"),
		 r.case_ref);
	person_fields(db, a, d, r.person_id);
	doc_field(d, _("Conversation held on"), c.conversation_on);
	doc_field(d, _("Closed on"), c.closed_on);
	doc_field(d, _("Reason"), code_label(&codes_closure_reason, c.reason));
	if (c.person_view[0]) {
		doc_heading(d, _("The person's view of the services"));
		doc_para(d, c.person_view);
	}
	if (c.changes[0]) {
		doc_heading(d, _("What changed in the person's life"));
		doc_para(d, c.changes);
	}
	if (c.goals_met[0]) {
		doc_heading(d, _("Goals achieved"));
		doc_para(d, c.goals_met);
	}
	if (c.further_needs[0]) {
		doc_heading(d, _("Further needs"));
		doc_para(d, c.further_needs);
	}
	doc_heading(d, _("Description of the course and implementation of the plan (art. 45)"));
	doc_para(d, c.description);
	doc_field(d, _("Follow-up due"), c.followup_due);
	doc_signatures(d, _("the person|the coordinator"));
	return CD_OK;
}

static int build_card(struct cd_db *db, const struct actor *a, const char *id,
		      struct document *d, struct fielderr *e)
{
	int64_t pid = strtoll(id, NULL, 10);
	int rc = CD_OK;
	char *text = service_card(db, a, pid, &rc);

	if (!text)
		return fielderr_set(e, -1, "%s", rc == CD_EPERM ?
				    _("your role does not allow this") : _("no such person")), rc ? rc :
		       CD_ENOTFOUND;
	doc_init(d, _("Service card"), "");
	doc_para(d, text);
	free(text);
	return CD_OK;
}

static int build_half_year(struct cd_db *db, const struct actor *a, const char *id,
			   struct document *d, struct fielderr *e)
{
	struct summary *l;
	size_t n, i;
	int64_t want = strtoll(id, NULL, 10);
	int rc;

	if ((rc = summary_list(db, a, &l, &n)))
		return fielderr_set(e, -1, "%s", _("your role does not allow this")), rc;
	for (i = 0; i < n && l[i].id != want; i++)
		;
	if (i == n) {
		for (i = 0; i < n; i++)
			summary_release(&l[i]);
		free(l);
		return fielderr_set(e, -1, _("no half-yearly summary number %s"), id), CD_ENOTFOUND;
	}
	{
		char *title = xasprintf(_("Half-yearly summary of the plans, %s – %s"),
					l[i].period_from, l[i].period_to);
		doc_init(d, title, "");
		free(title);
	}
	doc_field(d, _("Prepared on"), l[i].created_on);
	doc_field(d, _("Prepared by"), l[i].author);
	doc_field(d, _("To"), _("the director and the community organiser (art. 46 ust. 1)"));
	doc_heading(d, _("Figures"));
	doc_para(d, l[i].figures);
	doc_heading(d, _("The organiser's summary"));
	doc_para(d, l[i].narrative);
	doc_signatures(d, _("the services organiser"));
	for (i = 0; i < n; i++)
		summary_release(&l[i]);
	free(l);
	return CD_OK;
}

static int build_quarterly(struct cd_db *db, const struct actor *a, const char *id,
			   struct document *d, struct fielderr *e)
{
	struct quarterly_report r;
	const char *kind = "";
	size_t i;
	int rc;

	if ((rc = report_quarterly(db, a, id, &r, e)))
		return rc;
	{
		char *title = xasprintf(_("Quarterly report %s"), r.quarter);
		doc_init(d, title, "");
		free(title);
	}
	{
		char *t = xasprintf(_("The quarter %s – %s; cumulative since %s."), r.from, r.to,
				    r.since);
		doc_para(d, t);
		free(t);
	}
	for (i = 0; i < r.nrows; i++) {
		char v[80];
		if (strcmp(kind, r.rows[i].kind)) {
			kind = r.rows[i].kind;
			doc_heading(d, !strcmp(kind, "service") ?
				    _("Distinct persons per kind of social service:") :
				    _("Distinct persons per kind of supporting activity:"));
		}
		snprintf(v, sizeof(v), _("%ld in the quarter, %ld in all"), r.rows[i].period,
			 r.rows[i].total);
		doc_field(d, r.rows[i].name, v);
	}
	doc_heading(d, _("Plans"));
	{
		char v[80];
		snprintf(v, sizeof(v), _("%ld in the quarter, %ld in all"), r.plans_period,
			 r.plans_total);
		doc_field(d, _("plans started"), v);
		snprintf(v, sizeof(v), _("%ld in the quarter, %ld in all"), r.persons_period,
			 r.persons_total);
		doc_field(d, _("persons served (any service)"), v);
	}
	doc_signatures(d, _("prepared by|the director"));
	quarterly_report_release(&r);
	return CD_OK;
}

void doc_stamp(struct cd_db *db, struct document *d)
{
	struct date today;
	char *s;

	s = setting_get(db, "centre_name", "");
	str_copy(d->centre, sizeof(d->centre), s);
	free(s);
	s = setting_get(db, "centre_address", "");
	str_copy(d->address, sizeof(d->address), s);
	free(s);
	date_today(&today);
	date_format(&today, d->date);
}

int doc_build(struct cd_db *db, const struct actor *a, enum doc_kind kind, const char *id,
	      struct document *out, struct fielderr *e)
{
	int64_t rid = 0;
	int rc;

	fielderr_clear(e);
	memset(out, 0, sizeof(*out));
	if (kind == DOCK_REQUEST || kind == DOCK_ASSESSMENT || kind == DOCK_PLAN ||
	    kind == DOCK_CLOSING) {
		if (!(rid = request_of(db, id)))
			return fielderr_set(e, -1, _("no case %s"), id), CD_ENOTFOUND;
	}
	switch (kind) {
	case DOCK_REQUEST:
		rc = build_request(db, a, rid, out, e);
		break;
	case DOCK_ASSESSMENT:
		rc = build_assessment(db, a, rid, out, e);
		break;
	case DOCK_PLAN: {
		/* "12" the newest version of case 12, "12:34" its version 34 */
		const char *colon = strchr(id, ':');
		rc = build_plan(db, a, rid, colon ? strtoll(colon + 1, NULL, 10) : 0, out, e);
		break;
	}
	case DOCK_ORDER:
		rc = build_order(db, a, id, out, e);
		break;
	case DOCK_CLOSING:
		rc = build_closing(db, a, rid, out, e);
		break;
	case DOCK_CARD:
		rc = build_card(db, a, id, out, e);
		break;
	case DOCK_HALF_YEAR:
		rc = build_half_year(db, a, id, out, e);
		break;
	default:
		rc = build_quarterly(db, a, id, out, e);
		break;
	}
	if (rc) {
		doc_free(out);
		return rc;
	}
	doc_stamp(db, out);
	if (audit_add(db, a->user_id, "print", kind_codes[kind], rid, id)) {
		doc_free(out);
		return CD_EDB;
	}
	return CD_OK;
}
