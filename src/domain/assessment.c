/* assessment.c - needs assessment, outcome, needs, waiting list. */
#include "assessment.h"
#include "codes.h"
#include "casefile.h"
#include "dbint.h"
#include "i18n.h"
#include "request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int life_domains(struct cd_db *db, struct life_domain **out, size_t *n)
{
	sqlite3_stmt *st;
	struct practice pr;
	bool en = !strcmp(i18n_lang(), "en");
	size_t cap = 12;

	practice_load(db, &pr);
	*n = 0;
	*out = xcalloc(cap, sizeof(**out));
	if (db_prepare(db, "SELECT code, name_pl, name_en, optional FROM life_domain "
		       "WHERE optional = 0 OR ?1 ORDER BY position", &st))
		return CD_EDB;
	sqlite3_bind_int(st, 1, pr.assessment_income);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct life_domain *d;
		if (*n == cap) {
			cap *= 2;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		d = &(*out)[(*n)++];
		db_col_copy(st, 0, d->code, sizeof(d->code));
		db_col_copy(st, en ? 2 : 1, d->name, sizeof(d->name));
		d->optional = sqlite3_column_int(st, 3) != 0;
	}
	return db_finish_list(st, (void **)out, n);
}

void life_domain_name(struct cd_db *db, const char *code, char *out, size_t size)
{
	sqlite3_stmt *st;

	str_copy(out, size, code ? code : "");
	if (!code || db_prepare(db, "SELECT name_pl, name_en FROM life_domain WHERE code = ?1",
				&st))
		return;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_copy(st, strcmp(i18n_lang(), "en") ? 0 : 1, out, size);
	sqlite3_finalize(st);
}

void assessment_init(struct assessment *as, int64_t request_id)
{
	struct date today;

	memset(as, 0, sizeof(*as));
	as->request_id = request_id;
	date_today(&today);
	date_format(&today, as->held_on);
	str_copy(as->place, sizeof(as->place), "cus");
	str_copy(as->status, sizeof(as->status), "draft");
	as->with_person = true;
	as->forward_whole = true;
}

void assessment_release(struct assessment *as)
{
	free(as->domains);
	as->domains = NULL;
	as->ndomains = 0;
}

struct assessment_domain *assessment_domain(struct assessment *as, const char *code)
{
	size_t i;

	for (i = 0; i < as->ndomains; i++)
		if (!strcmp(as->domains[i].code, code))
			return &as->domains[i];
	as->domains = xrealloc(as->domains, (as->ndomains + 1) * sizeof(*as->domains));
	memset(&as->domains[as->ndomains], 0, sizeof(*as->domains));
	str_copy(as->domains[as->ndomains].code, sizeof(as->domains->code), code);
	return &as->domains[as->ndomains++];
}

/* The filing date of a request, or "" when there is none. */
static void request_filed_on(struct cd_db *db, int64_t request_id, char out[16])
{
	sqlite3_stmt *st;

	out[0] = '\0';
	if (db_prepare(db, "SELECT filed_on FROM request WHERE id = ?1", &st))
		return;
	sqlite3_bind_int64(st, 1, request_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_copy(st, 0, out, 16);
	sqlite3_finalize(st);
}

int assessment_get(struct cd_db *db, const struct actor *a, int64_t request_id,
		   struct assessment *out)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = case_access(db, a, request_id, false, NULL)))
		return rc;
	assessment_init(out, request_id);
	if (db_prepare(db, "SELECT id, held_on, place, place_note, with_person, "
		       "with_legal_rep, with_carer, others, status, COALESCE(outcome, ''), "
		       "outcome_note, COALESCE(forward_to, ''), forward_whole, "
		       "COALESCE(consent_on, ''), COALESCE(coordination_months, 0), row_version, "
		       "COALESCE((SELECT group_concat(held_on, ', ') FROM (SELECT held_on FROM "
		       "assessment_sitting WHERE assessment_id = assessment.id ORDER BY held_on)), "
		       "held_on) FROM assessment WHERE request_id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, request_id);
	rc = CD_ENOTFOUND;
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, out->held_on, sizeof(out->held_on));
		db_col_copy(st, 2, out->place, sizeof(out->place));
		db_col_copy(st, 3, out->place_note, sizeof(out->place_note));
		out->with_person = sqlite3_column_int(st, 4);
		out->with_legal_rep = sqlite3_column_int(st, 5);
		out->with_carer = sqlite3_column_int(st, 6);
		db_col_copy(st, 7, out->others, sizeof(out->others));
		db_col_copy(st, 8, out->status, sizeof(out->status));
		db_col_copy(st, 9, out->outcome, sizeof(out->outcome));
		db_col_copy(st, 10, out->outcome_note, sizeof(out->outcome_note));
		db_col_copy(st, 11, out->forward_to, sizeof(out->forward_to));
		out->forward_whole = sqlite3_column_int(st, 12);
		db_col_copy(st, 13, out->consent_on, sizeof(out->consent_on));
		out->coordination_months = sqlite3_column_int(st, 14);
		out->row_version = sqlite3_column_int64(st, 15);
		db_col_copy(st, 16, out->sittings, sizeof(out->sittings));
		rc = CD_OK;
	}
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (db_prepare(db, "SELECT domain_code, situation, needs, strengths, wishes "
		       "FROM assessment_domain d JOIN life_domain l ON l.code = d.domain_code "
		       "WHERE assessment_id = ?1 ORDER BY l.position", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, out->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct assessment_domain *d =
			assessment_domain(out, (const char *)sqlite3_column_text(st, 0));
		db_col_copy(st, 1, d->situation, sizeof(d->situation));
		db_col_copy(st, 2, d->needs, sizeof(d->needs));
		db_col_copy(st, 3, d->strengths, sizeof(d->strengths));
		db_col_copy(st, 4, d->wishes, sizeof(d->wishes));
	}
	return db_finish(st);
}

static bool domain_known(struct cd_db *db, const char *code)
{
	struct life_domain *d;
	size_t n, i;
	bool ok = false;

	if (life_domains(db, &d, &n) == CD_OK)
		for (i = 0; i < n; i++)
			if (!strcmp(d[i].code, code))
				ok = true;
	free(d);
	return ok;
}

static int assessment_validate(struct cd_db *db, struct assessment *as,
			       struct fielderr *e)
{
	struct date held, filed, today;
	char filed_on[16];
	size_t i;

	/* free text in the person's words: valid UTF-8, no control characters */
	if (text_field_check(as->place_note, false, ASSESS_F_PLACE, _("Place"), e) ||
	    text_field_check(as->others, false, ASSESS_F_PLACE, _("Who else was there"), e) ||
	    text_field_check(as->outcome_note, true, ASSESS_F_OUTCOME_NOTE, _("Outcome note"), e))
		return CD_EINVAL;
	for (i = 0; i < as->ndomains; i++) {
		struct assessment_domain *d = &as->domains[i];
		if (text_field_check(d->situation, true, ASSESS_F_DOMAIN + (int)i, _("Situation"), e) ||
		    text_field_check(d->needs, true, ASSESS_F_DOMAIN + (int)i, _("Needs"), e) ||
		    text_field_check(d->strengths, true, ASSESS_F_DOMAIN + (int)i, _("Strengths"), e) ||
		    text_field_check(d->wishes, true, ASSESS_F_DOMAIN + (int)i, _("Wishes"), e))
			return CD_EINVAL;
	}
	str_trim(as->held_on);
	date_today(&today);
	if (!date_parse(as->held_on, &held))
		return fielderr_set(e, ASSESS_F_HELD_ON, "%s",
				    _("Date of the conversation: not a valid date (use YYYY-MM-DD)"));
	if (date_cmp(&held, &today) > 0)
		return fielderr_set(e, ASSESS_F_HELD_ON, "%s",
				    _("Date of the conversation: cannot be in the future"));
	request_filed_on(db, as->request_id, filed_on);
	if (date_parse(filed_on, &filed) && date_cmp(&held, &filed) < 0)
		return fielderr_set(e, ASSESS_F_HELD_ON,
				    _("Date of the conversation: before the request was filed (%s)"),
				    filed_on);
	if (strcmp(as->place, "cus") && strcmp(as->place, "home") && strcmp(as->place, "other"))
		return fielderr_set(e, ASSESS_F_PLACE, "%s",
				    _("Place: at the centre, at the person's home or elsewhere"));
	str_trim(as->place_note);
	if (!strcmp(as->place, "other") && !as->place_note[0])
		return fielderr_set(e, ASSESS_F_PLACE, "%s", _("Place: say where"));
	str_trim(as->others);
	if (!as->with_person && !as->with_legal_rep && !as->with_carer && !as->others[0])
		return fielderr_set(e, ASSESS_F_PLACE, "%s",
				    _("Participants: say who took part in the conversation"));
	if (as->coordination_months < 0 || as->coordination_months > 12)
		return fielderr_set(e, ASSESS_F_MONTHS, "%s",
				    _("Coordination: give 0 to 12 months"));
	for (i = 0; i < as->ndomains; i++)
		if (!domain_known(db, as->domains[i].code))
			return fielderr_set(e, ASSESS_F_DOMAIN + (int)i,
					    _("Life domain: unknown or switched off: %s"),
					    as->domains[i].code);
	return CD_OK;
}

static int64_t assessment_id_of(struct cd_db *db, int64_t request_id, bool *final);

int assessment_save(struct cd_db *db, const struct actor *a, struct assessment *as,
		    struct fielderr *e)
{
	sqlite3_stmt *st;
	char was[16] = "", *detail = NULL;
	size_t i;
	int rc;

	fielderr_clear(e);
	if ((rc = case_access(db, a, as->request_id, true, e)))
		return rc;
	/* what is stored decides, not the caller's copy */
	if (as->id || assessment_id_of(db, as->request_id, NULL)) {
		bool final = false;
		as->id = assessment_id_of(db, as->request_id, &final);
		if (final)
			str_copy(as->status, sizeof(as->status), "final");
	}
	if (!strcmp(as->status, "final"))
		return fielderr_set(e, -1, "%s",
				    _("the assessment is finalised and can no longer be changed"));
	if ((rc = assessment_validate(db, as, e)))
		return rc;
	if ((rc = db_begin(db)))
		return rc;
	/* the date of the conversation, old -> new, for the audit log */
	if (as->id && db_prepare(db, "SELECT held_on FROM assessment WHERE id = ?1", &st) == CD_OK) {
		sqlite3_bind_int64(st, 1, as->id);
		if (sqlite3_step(st) == SQLITE_ROW)
			db_col_copy(st, 0, was, sizeof(was));
		sqlite3_finalize(st);
	}
	detail = xstrdup("");
	if (db_prepare(db, as->id ?
		       "UPDATE assessment SET held_on = min(?2, COALESCE((SELECT min(s.held_on) FROM "
		       "assessment_sitting s WHERE s.assessment_id = ?10), ?2)), "
		       "place = ?3, place_note = ?4, "
		       "with_person = ?5, with_legal_rep = ?6, with_carer = ?7, others = ?8, "
		       "coordination_months = ?9, updated_at = cd_now(), row_version = row_version + 1 "
		       "WHERE id = ?10 AND status = 'draft' AND row_version = ?11" :
		       "INSERT INTO assessment(request_id, held_on, place, place_note, "
		       "with_person, with_legal_rep, with_carer, others, coordination_months, "
		       "author_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &st))
		goto fail;
	if (!as->id)
		sqlite3_bind_int64(st, 1, as->request_id);
	sqlite3_bind_text(st, 2, as->held_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, as->place, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, as->place_note, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, as->with_person);
	sqlite3_bind_int(st, 6, as->with_legal_rep);
	sqlite3_bind_int(st, 7, as->with_carer);
	sqlite3_bind_text(st, 8, as->others, -1, SQLITE_STATIC);
	if (as->coordination_months > 0)
		sqlite3_bind_int(st, 9, as->coordination_months);
	else
		sqlite3_bind_null(st, 9);
	if (as->id) {
		sqlite3_bind_int64(st, 10, as->id);
		sqlite3_bind_int64(st, 11, as->row_version);
	} else {
		db_bind_id_or_null(st, 10, a->user_id);
	}
	if ((rc = db_step_done(db, st)))
		goto fail;
	/* someone saved the assessment (or one of its domains) after this copy
	 * was read: refused, so their texts are not written over */
	if (as->id && sqlite3_changes(db->h) == 0) {
		rc = CD_ECONFLICT;
		goto fail;
	}
	if (!as->id) {
		as->id = sqlite3_last_insert_rowid(db->h);
		as->row_version = 0;     /* becomes 1 below */
	}
	for (i = 0; i < as->ndomains; i++) {
		struct assessment_domain *d = &as->domains[i];
		if (db_prepare(db, "INSERT INTO assessment_domain(assessment_id, domain_code, "
			       "situation, needs, strengths, wishes) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
			       "ON CONFLICT(assessment_id, domain_code) DO UPDATE SET "
			       "situation = excluded.situation, needs = excluded.needs, "
			       "strengths = excluded.strengths, wishes = excluded.wishes", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, as->id);
		sqlite3_bind_text(st, 2, d->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, str_trim(d->situation), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, str_trim(d->needs), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, str_trim(d->strengths), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, str_trim(d->wishes), -1, SQLITE_STATIC);
		if ((rc = db_step_done(db, st)))
			goto fail;
	}
	/* each sitting kept with its date; the assessment's date is the first */
	if (db_prepare(db, "INSERT OR IGNORE INTO assessment_sitting(assessment_id, held_on, "
		       "recorded_by) VALUES (?1, ?2, ?3)", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, as->id);
	sqlite3_bind_text(st, 2, as->held_on, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 3, a->user_id);
	if ((rc = db_step_done(db, st)))
		goto fail;
	if (sqlite3_changes(db->h) && was[0] && strcmp(was, as->held_on)) {
		free(detail);
		detail = xasprintf("sitting: %s", as->held_on);
	}
	if (db_prepare(db, "UPDATE request SET status = 'assessment', updated_at = "
		       "cd_now() WHERE id = ?1 AND status = 'filed'",
		       &st))
		goto fail;
	sqlite3_bind_int64(st, 1, as->request_id);
	if ((rc = db_step_done(db, st)) ||
	    (rc = audit_add(db, a->user_id, "assessment.save", "request", as->request_id, detail)) ||
	    (rc = db_commit(db)))
		goto fail;
	free(detail);
	as->row_version++;
	return CD_OK;
fail:
	free(detail);
	db_rollback(db);
	return rc ? rc : CD_EDB;
}

static bool programme_active(struct cd_db *db, int64_t id, const struct date *today)
{
	sqlite3_stmt *st;
	char d[11];
	bool ok = false;

	date_format(today, d);
	if (db_prepare(db, "SELECT 1 FROM programme WHERE id = ?1 AND status = 'active' "
		       "AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2)", &st))
		return false;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_TRANSIENT);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

static bool programme_has_service(struct cd_db *db, int64_t programme, int64_t service)
{
	sqlite3_stmt *st;
	bool ok;

	if (db_prepare(db, "SELECT 1 FROM programme_service WHERE programme_id = ?1 "
		       "AND service_id = ?2", &st))
		return false;
	sqlite3_bind_int64(st, 1, programme);
	sqlite3_bind_int64(st, 2, service);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

/* The name of the gmina the programme does not serve although it lists
 * its gminas, for the person of the request (living in a known gmina);
 * NULL when it serves them (caller frees). */
static char *gmina_not_served(struct cd_db *db, int64_t programme, int64_t request_id)
{
	sqlite3_stmt *st;
	char *name = NULL;

	if (db_prepare(db, "SELECT g.name FROM request r JOIN person p ON p.id = r.person_id "
		       "JOIN gmina g ON g.id = p.gmina_id WHERE r.id = ?2 AND EXISTS (SELECT 1 "
		       "FROM programme_gmina pg WHERE pg.programme_id = ?1) AND NOT EXISTS "
		       "(SELECT 1 FROM programme_gmina pg WHERE pg.programme_id = ?1 AND "
		       "pg.gmina_id = p.gmina_id)", &st))
		return NULL;
	sqlite3_bind_int64(st, 1, programme);
	sqlite3_bind_int64(st, 2, request_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = db_col_dup(st, 0);
	sqlite3_finalize(st);
	return name;
}

static int outcome_validate(struct cd_db *db, int64_t request_id, const struct outcome *o,
			    const struct date *today, struct fielderr *e)
{
	struct date consent;
	size_t i;

	if (o->coordination_months < 0 || o->coordination_months > 12)
		return fielderr_set(e, ASSESS_F_MONTHS, "%s",
				    _("Coordination: give 0 to 12 months"));
	if (!strcmp(o->kind, "qualified")) {
		if (!o->nprogrammes)
			return fielderr_set(e, ASSESS_F_PROGRAMMES, "%s",
					    _("Programmes: choose at least one programme"));
		for (i = 0; i < o->nprogrammes; i++) {
			char *g;
			if (!programme_active(db, o->programmes[i], today))
				return fielderr_set(e, ASSESS_F_PROGRAMMES, "%s",
						    _("Programmes: a chosen programme is not active"));
			if ((g = gmina_not_served(db, o->programmes[i], request_id))) {
				fielderr_set(e, ASSESS_F_PROGRAMMES,
					     _("Programmes: a chosen programme does not serve the "
					       "gmina %s where the person lives"), g);
				free(g);
				return CD_EINVAL;
			}
		}
	} else if (!strcmp(o->kind, "forwarded")) {
		if (code_index(&codes_forward_to, o->forward_to) < 0)
			return fielderr_set(e, ASSESS_F_FORWARD_TO, "%s",
					    _("Forward to: choose the social-assistance team, another "
					      "team, the gmina office or a gmina unit"));
		if (!date_parse(o->consent_on, &consent))
			return fielderr_set(e, ASSESS_F_CONSENT, "%s",
					    _("Consent: the date of the applicant's consent is needed "
					      "to forward the request"));
		if (date_cmp(&consent, today) > 0)
			return fielderr_set(e, ASSESS_F_CONSENT, "%s",
					    _("Consent: the date cannot be in the future"));
	} else if (!strcmp(o->kind, "not_qualified")) {
		if (str_empty(o->note))
			return fielderr_set(e, ASSESS_F_OUTCOME_NOTE, "%s",
					    _("Reason: write why the person is not qualified"));
	} else if (!strcmp(o->kind, "waiting")) {
		if (!o->nwaiting || !programme_active(db, o->waiting_programme, today))
			return fielderr_set(e, ASSESS_F_PROGRAMMES, "%s",
					    _("Waiting list: choose the programme and its services "
					      "whose limit is reached"));
		for (i = 0; i < o->nwaiting; i++)
			if (!programme_has_service(db, o->waiting_programme, o->waiting_services[i]))
				return fielderr_set(e, ASSESS_F_PROGRAMMES, "%s",
						    _("Waiting list: a service is not in the programme"));
	} else {
		return fielderr_set(e, ASSESS_F_OUTCOME, "%s",
				    _("Outcome: qualified, forwarded, not qualified or waiting list"));
	}
	return CD_OK;
}

int assessment_decide(struct cd_db *db, const struct actor *a, int64_t request_id,
		      const struct outcome *o, const struct date *today,
		      struct fielderr *e)
{
	struct assessment as;
	sqlite3_stmt *st;
	char d[11];
	size_t i;
	int rc;

	fielderr_clear(e);
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	rc = assessment_get(db, a, request_id, &as);
	assessment_release(&as);
	if (rc == CD_ENOTFOUND)
		return fielderr_set(e, ASSESS_F_OUTCOME, "%s",
				    _("Outcome: write the assessment first"));
	if (rc)
		return rc;
	if (!strcmp(as.status, "final"))
		return fielderr_set(e, ASSESS_F_OUTCOME, "%s",
				    _("Outcome: the assessment is already finalised"));
	if ((rc = outcome_validate(db, request_id, o, today, e)))
		return rc;
	date_format(today, d);
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "UPDATE assessment SET status = 'final', finalised_at = "
		       "cd_now(), outcome = ?2, outcome_note = ?3, "
		       "forward_to = ?4, forward_whole = ?5, consent_on = ?6, "
		       "coordination_months = ?7 WHERE id = ?1", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, as.id);
	sqlite3_bind_text(st, 2, o->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, o->note, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 4, !strcmp(o->kind, "forwarded") ? o->forward_to : NULL);
	sqlite3_bind_int(st, 5, o->forward_whole);
	db_bind_text_or_null(st, 6, !strcmp(o->kind, "forwarded") ? o->consent_on : NULL);
	if (o->coordination_months > 0)
		sqlite3_bind_int(st, 7, o->coordination_months);
	else
		sqlite3_bind_null(st, 7);
	if (db_step_done(db, st))
		goto fail;
	for (i = 0; !strcmp(o->kind, "qualified") && i < o->nprogrammes; i++) {
		if (db_prepare(db, "INSERT OR IGNORE INTO qualification(assessment_id, "
			       "programme_id) VALUES (?1, ?2)", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, as.id);
		sqlite3_bind_int64(st, 2, o->programmes[i]);
		if (db_step_done(db, st))
			goto fail;
	}
	for (i = 0; !strcmp(o->kind, "waiting") && i < o->nwaiting; i++) {
		if (db_prepare(db, "INSERT INTO waiting_entry(request_id, programme_id, "
			       "service_id, added_on) VALUES (?1, ?2, ?3, ?4)", &st))
			goto fail;
		sqlite3_bind_int64(st, 1, request_id);
		sqlite3_bind_int64(st, 2, o->waiting_programme);
		sqlite3_bind_int64(st, 3, o->waiting_services[i]);
		sqlite3_bind_text(st, 4, d, -1, SQLITE_TRANSIENT);
		if (db_step_done(db, st))
			goto fail;
	}
	if (db_prepare(db, "UPDATE request SET status = ?2, updated_at = "
		       "cd_now() WHERE id = ?1", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, request_id);
	sqlite3_bind_text(st, 2, o->kind, -1, SQLITE_STATIC);
	if (db_step_done(db, st) ||
	    audit_add(db, a->user_id, "assessment.decide", "request", request_id, o->kind) ||
	    db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

enum ipus_need ipus_needed(int coordination_months, int services,
			   int min_services, const char **reason)
{
	if (coordination_months >= IPUS_REQUIRED_MONTHS) {
		if (reason)
			*reason = _("required: services need coordination for at least "
				    "3 months (art. 38 ust. 2)");
		return IPUS_REQUIRED;
	}
	if (min_services > 0 && services >= min_services) {
		if (reason)
			*reason = _("advised: the person takes several services (practice)");
		return IPUS_ADVISED;
	}
	if (reason)
		*reason = _("optional: a request and the service are enough");
	return IPUS_OPTIONAL;
}

static int64_t assessment_id_of(struct cd_db *db, int64_t request_id, bool *final)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	if (db_prepare(db, "SELECT id, status = 'final' FROM assessment WHERE request_id = ?1",
		       &st))
		return 0;
	sqlite3_bind_int64(st, 1, request_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (final)
			*final = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_finalize(st);
	return id;
}

/* need_add and need_update: the same rules, an INSERT or an UPDATE. */
static int need_write(struct cd_db *db, const struct actor *a, int64_t request_id,
		      struct need *nd, struct fielderr *e);

int need_add(struct cd_db *db, const struct actor *a, int64_t request_id,
	     struct need *nd, struct fielderr *e)
{
	nd->id = 0;
	return need_write(db, a, request_id, nd, e);
}

int need_update(struct cd_db *db, const struct actor *a, int64_t request_id,
		struct need *nd, struct fielderr *e)
{
	if (!nd->id)
		return fielderr_set(e, ASSESS_F_NEED, "%s",
				    _("Need: not a need of this case that can be changed"));
	return need_write(db, a, request_id, nd, e);
}

static int need_write(struct cd_db *db, const struct actor *a, int64_t request_id,
		      struct need *nd, struct fielderr *e)
{
	sqlite3_stmt *st;
	bool final = false;
	int rc;

	fielderr_clear(e);
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	nd->assessment_id = assessment_id_of(db, request_id, &final);
	if (!nd->assessment_id)
		return fielderr_set(e, ASSESS_F_NEED, "%s",
				    _("Need: save the assessment first"));
	str_trim(nd->description);
	if (!nd->description[0])
		return fielderr_set(e, ASSESS_F_NEED, "%s", _("Need: describe the need"));
	if ((rc = text_field_check(nd->description, false, ASSESS_F_NEED, _("Need"), e)))
		return rc;
	if (nd->service_id && nd->unmet)
		return fielderr_set(e, ASSESS_F_NEED, "%s",
				    _("Need: either link a service or mark it unmet, not both"));
	if (!nd->service_id && !nd->unmet)
		return fielderr_set(e, ASSESS_F_NEED, "%s",
				    _("Need: link a catalogue service or mark it unmet"));
	if (nd->domain[0] && !domain_known(db, nd->domain))
		return fielderr_set(e, ASSESS_F_NEED, "%s", _("Need: unknown life domain"));
	if (nd->area_code < 0 || nd->area_code > 14 || (nd->area_code && !nd->unmet))
		return fielderr_set(e, ASSESS_F_NEED, "%s",
				    _("Need: the area (1-14) is given only for an unmet need"));
	if (nd->id) {
		/* a need corrected: only one of this case's own, not yet answered */
		if (db_prepare(db, "SELECT 1 FROM need WHERE id = ?1 AND assessment_id = ?2 AND "
			       "answered_on IS NULL", &st))
			return CD_EDB;
		sqlite3_bind_int64(st, 1, nd->id);
		sqlite3_bind_int64(st, 2, nd->assessment_id);
		rc = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (!rc)
			return fielderr_set(e, ASSESS_F_NEED, "%s",
					    _("Need: not a need of this case that can be changed"));
	}
	if (db_prepare(db, nd->id ?
		       "UPDATE need SET domain_code = ?2, description = ?3, service_id = ?4, "
		       "unmet = ?5, area_code = ?6 WHERE id = ?7 AND assessment_id = ?1" :
		       "INSERT INTO need(assessment_id, domain_code, description, "
		       "service_id, unmet, area_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st))
		return CD_EDB;
	if (nd->id)
		sqlite3_bind_int64(st, 7, nd->id);
	sqlite3_bind_int64(st, 1, nd->assessment_id);
	db_bind_text_or_null(st, 2, nd->domain);
	sqlite3_bind_text(st, 3, nd->description, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 4, nd->service_id);
	sqlite3_bind_int(st, 5, nd->unmet);
	if (nd->area_code)
		sqlite3_bind_int(st, 6, nd->area_code);
	if ((rc = db_step_done(db, st)))
		return rc == CD_EEXIST ? fielderr_set(e, ASSESS_F_NEED, "%s",
						      _("Need: no such service")) : rc;
	if (!nd->id)
		nd->id = sqlite3_last_insert_rowid(db->h);
	(void)final;
	return CD_OK;
}

int need_answer(struct cd_db *db, const struct actor *a, int64_t need_id,
		const char *on, struct fielderr *e)
{
	sqlite3_stmt *st;
	struct date d, held, today;
	int64_t request_id = 0;
	char held_on[16] = "";
	int rc;

	fielderr_clear(e);
	if (db_prepare(db, "SELECT s.request_id, s.held_on FROM need n JOIN assessment s "
		       "ON s.id = n.assessment_id WHERE n.id = ?1 AND n.unmet = 1 AND "
		       "n.answered_on IS NULL", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, need_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		request_id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, held_on, sizeof(held_on));
	}
	sqlite3_finalize(st);
	if (!request_id)
		return fielderr_set(e, ASSESS_F_NEED, "%s",
				    _("Need: not an unmet need waiting for an answer"));
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	date_today(&today);
	if (!on || !date_parse(on, &d))
		return fielderr_set(e, ASSESS_F_NEED, "%s",
				    _("Answered on: not a valid date (use YYYY-MM-DD)"));
	if (date_cmp(&d, &today) > 0)
		return fielderr_set(e, ASSESS_F_NEED, "%s", _("Answered on: cannot be in the future"));
	if (date_parse(held_on, &held) && date_cmp(&d, &held) < 0)
		return fielderr_set(e, ASSESS_F_NEED, "%s",
				    _("Answered on: not before the assessment"));
	if (db_prepare(db, "UPDATE need SET answered_on = ?2 WHERE id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, need_id);
	sqlite3_bind_text(st, 2, on, -1, SQLITE_STATIC);
	return db_step_done(db, st);
}

int need_remove(struct cd_db *db, const struct actor *a, int64_t need_id)
{
	sqlite3_stmt *st;
	int64_t request_id = 0;
	int rc;

	if (db_prepare(db, "SELECT s.request_id FROM need n JOIN assessment s "
		       "ON s.id = n.assessment_id WHERE n.id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, need_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		request_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!request_id)
		return CD_ENOTFOUND;
	if ((rc = case_access(db, a, request_id, true, NULL)))
		return rc;
	if (db_prepare(db, "DELETE FROM need WHERE id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, need_id);
	return db_step_done(db, st);
}

#define NEED_COLS "n.id, n.assessment_id, COALESCE(n.domain_code, ''), n.description, " \
	"COALESCE(n.service_id, 0), n.unmet, COALESCE(sv.name, ''), " \
	"p.surname || ' ' || p.first_names, r.case_ref, s.held_on, r.id, " \
	"COALESCE(n.area_code, 0), COALESCE(n.answered_on, '')"
#define NEED_FROM " FROM need n JOIN assessment s ON s.id = n.assessment_id " \
	"JOIN request r ON r.id = s.request_id JOIN person p ON p.id = r.person_id " \
	"LEFT JOIN service sv ON sv.id = n.service_id"

/* Reads the needs of a cached statement (db_cached) and gives it back. */
static int need_query(struct cd_db *db, sqlite3_stmt *st, struct need **out, size_t *n)
{
	size_t cap = 8;

	*n = 0;
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct need *x;
		x = array_push((void **)out, n, &cap, sizeof(**out));
		x->id = sqlite3_column_int64(st, 0);
		x->assessment_id = sqlite3_column_int64(st, 1);
		db_col_copy(st, 2, x->domain, sizeof(x->domain));
		db_col_copy(st, 3, x->description, sizeof(x->description));
		x->service_id = sqlite3_column_int64(st, 4);
		x->unmet = sqlite3_column_int(st, 5) != 0;
		db_col_copy(st, 6, x->service_name, sizeof(x->service_name));
		db_col_copy(st, 7, x->person_name, sizeof(x->person_name));
		db_col_copy(st, 8, x->case_ref, sizeof(x->case_ref));
		db_col_copy(st, 9, x->held_on, sizeof(x->held_on));
		x->request_id = sqlite3_column_int64(st, 10);
		x->area_code = sqlite3_column_int(st, 11);
		db_col_copy(st, 12, x->answered_on, sizeof(x->answered_on));
	}
	if (db_release(db, st)) {
		free(*out);
		*out = NULL;
		*n = 0;
		return CD_EDB;
	}
	return CD_OK;
}

int need_list(struct cd_db *db, const struct actor *a, int64_t request_id,
	      struct need **out, size_t *n)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = case_access(db, a, request_id, false, NULL)))
		return rc;
	if (db_cached(db, "SELECT " NEED_COLS NEED_FROM " WHERE r.id = ?1 ORDER BY n.id", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, request_id);
	return need_query(db, st, out, n);
}

int unmet_needs_page(struct cd_db *db, const struct actor *a, const struct need *after,
		     size_t limit, struct need **out, size_t *n)
{
	sqlite3_stmt *st;
	bool all = a->user_id == 0 || (a->roles & (ROLE_ORGANISER | ROLE_DIRECTOR));

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_CASE_CONTENT))
		return CD_EPERM;
	/* the key of a page is (held on, need): the whole register walks the
	 * assessments by date and stops after a page, whatever its length */
	if (db_cached(db, all ?
		       "SELECT " NEED_COLS " FROM assessment s CROSS JOIN need n ON "
		       "n.assessment_id = s.id JOIN request r ON r.id = s.request_id "
		       "JOIN person p ON p.id = r.person_id LEFT JOIN service sv ON "
		       "sv.id = n.service_id WHERE n.unmet = 1 AND n.answered_on IS NULL "
		       "AND s.held_on >= ?3 AND (s.held_on, n.id) > (?3, ?4) "
		       "ORDER BY s.held_on, n.id LIMIT ?5" :
		       /* a coordinator: the user's cases first (indexes on the
			* coordinator and the shares), not every need tested */
		       "SELECT " NEED_COLS NEED_FROM " WHERE n.unmet = 1 AND "
		       "n.answered_on IS NULL AND r.id IN (SELECT id FROM request WHERE "
		       "coordinator_id = ?2 UNION ALL SELECT request_id FROM case_share WHERE "
		       "user_id = ?2) AND (s.held_on, n.id) > (?3, ?4) "
		       "ORDER BY s.held_on, n.id LIMIT ?5", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 2, a->user_id);
	sqlite3_bind_text(st, 3, after ? after->held_on : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, after ? after->id : 0);
	sqlite3_bind_int64(st, 5, limit ? (sqlite3_int64)limit : -1);
	return need_query(db, st, out, n);
}

int unmet_needs(struct cd_db *db, const struct actor *a, struct need **out,
		size_t *n)
{
	return unmet_needs_page(db, a, NULL, 0, out, n);
}

int waiting_list(struct cd_db *db, const struct actor *a, int64_t service_id,
		 struct waiting **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 8;

	*out = NULL;
	*n = 0;
	if (!actor_can(a, PERM_CASE_CONTENT))
		return CD_EPERM;
	/* the law's order: the filing date of the request, per service */
	/* the services ranked by their Polish names once, the entries then
	 * sorted by numbers (not the collation once per comparison) */
	if (db_cached(db, "WITH sv AS (SELECT id, name, row_number() OVER (ORDER BY name "
		       "COLLATE PL, id) AS k FROM service) "
		       "SELECT w.id, r.id, r.case_ref, p.surname || ' ' || p.first_names, "
		       "r.filed_on, w.added_on, w.service_id, sv.name, row_number() OVER "
		       "(PARTITION BY w.service_id ORDER BY r.filed_on, r.case_year, r.case_no) "
		       "FROM waiting_entry w JOIN request r ON r.id = w.request_id "
		       "JOIN person p ON p.id = r.person_id JOIN sv ON sv.id = w.service_id "
		       "WHERE w.removed_on IS NULL AND (?1 = 0 OR w.service_id = ?1) "
		       "ORDER BY sv.k, r.filed_on, r.case_year, r.case_no", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, service_id);
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct waiting *w;
		w = array_push((void **)out, n, &cap, sizeof(**out));
		w->id = sqlite3_column_int64(st, 0);
		w->request_id = sqlite3_column_int64(st, 1);
		db_col_copy(st, 2, w->case_ref, sizeof(w->case_ref));
		db_col_copy(st, 3, w->person_name, sizeof(w->person_name));
		db_col_copy(st, 4, w->filed_on, sizeof(w->filed_on));
		db_col_copy(st, 5, w->added_on, sizeof(w->added_on));
		w->service_id = sqlite3_column_int64(st, 6);
		db_col_copy(st, 7, w->service_name, sizeof(w->service_name));
		w->position = sqlite3_column_int(st, 8);
	}
	if (db_release(db, st)) {
		free(*out);
		*out = NULL;
		*n = 0;
		return CD_EDB;
	}
	return CD_OK;
}

int waiting_remove(struct cd_db *db, const struct actor *a, int64_t entry_id,
		   const char *reason, const struct date *today, struct fielderr *e)
{
	sqlite3_stmt *st;
	int64_t request_id = 0;
	char d[11], *why;
	int rc;

	fielderr_clear(e);
	if (db_prepare(db, "SELECT request_id FROM waiting_entry WHERE id = ?1 "
		       "AND removed_on IS NULL", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, entry_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		request_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!request_id)
		return fielderr_set(e, -1, "%s", _("no such waiting-list entry"));
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	if (str_empty(reason))
		return fielderr_set(e, -1, "%s", _("Reason: say why the entry leaves the list"));
	if ((rc = text_param_check(reason, false, TEXT_REASON_MAX, -1, _("Reason"), &why, e)))
		return rc;
	date_format(today, d);
	if (db_prepare(db, "UPDATE waiting_entry SET removed_on = ?2, removed_reason = ?3 "
		       "WHERE id = ?1", &st)) {
		free(why);
		return CD_EDB;
	}
	sqlite3_bind_int64(st, 1, entry_id);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, why, -1, SQLITE_STATIC);
	rc = db_step_done(db, st);
	free(why);
	return rc;
}

enum ipus_need assessment_ipus_need(struct cd_db *db, const struct actor *a,
				    int64_t request_id, const char **reason)
{
	struct assessment as;
	struct need *nd = NULL;
	struct practice pr;
	int64_t seen[64];
	size_t n = 0, i, j, services = 0;
	enum ipus_need r;

	if (assessment_get(db, a, request_id, &as) != CD_OK)
		return ipus_needed(0, 0, 0, reason);
	if (need_list(db, a, request_id, &nd, &n) == CD_OK)
		for (i = 0; i < n; i++) {
			bool dup = false;
			if (!nd[i].service_id)
				continue;
			for (j = 0; j < services; j++)
				dup |= seen[j] == nd[i].service_id;
			if (!dup && services < ARRAY_SIZE(seen))
				seen[services++] = nd[i].service_id;
		}
	free(nd);
	practice_load(db, &pr);
	r = ipus_needed(as.coordination_months, (int)services, pr.ipus_min_services, reason);
	assessment_release(&as);
	return r;
}
