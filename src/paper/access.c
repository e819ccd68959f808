/* access.c - the person's right of access (RODO art. 15): everything
 * stored about them, as a document.  Lives with the documents because it
 * builds one; the consents it lists come from the domain (rodo.h). */
#include "access.h"
#include "codes.h"
#include "dbint.h"
#include "i18n.h"
#include "person.h"
#include "rodo.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* Every row of sql (bound to the person) as "a · b · c" paragraphs under
 * a heading; nothing when there are none.  Adds to *rc (CD_EDB) when the
 * query fails, so the document is never handed out with a part missing. */
static void section(struct cd_db *db, struct document *d, const char *title, const char *sql,
		    int64_t person_id, int *rc)
{
	sqlite3_stmt *st;
	bool any = false;
	int c, nc;

	if (*rc)
		return;
	if (db_prepare(db, sql, &st)) {
		*rc = CD_EDB;
		return;
	}
	sqlite3_bind_int64(st, 1, person_id);
	nc = sqlite3_column_count(st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct strbuf sb;
		if (!any)
			doc_heading(d, title);
		any = true;
		sb_init(&sb);
		for (c = 0; c < nc; c++) {
			const char *v = (const char *)sqlite3_column_text(st, c);
			if (!v || !v[0])
				continue;
			if (sb.len)
				sb_add(&sb, " · ");
			sb_add(&sb, v);
		}
		doc_para(d, sb.buf ? sb.buf : "");
		sb_release(&sb);
	}
	if (db_finish(st))
		*rc = CD_EDB;
}

int rodo_access(struct cd_db *db, const struct actor *a, int64_t person_id,
		struct document *out, struct fielderr *e)
{
	struct person p;
	struct consent *c = NULL;
	size_t n, i;
	int rc;

	fielderr_clear(e);
	memset(out, 0, sizeof(*out));
	if (a->user_id != 0 && (rc = actor_require(a, PERM_CASE_CONTENT, e)))
		return rc;
	if ((rc = person_get(db, a, person_id, &p)))
		return fielderr_set(e, -1, "%s", _("no such person")), rc;
	doc_init(out, _("Information on the personal data processed (art. 15 RODO)"), "");
	doc_para(out, _("What the centre stores about you, from its case-management system, "
			"on the day of this document. You have the right to have wrong data "
			"corrected, to object, and to complain to the President of the Personal "
			"Data Protection Office (PUODO)."));
	doc_heading(out, _("Personal data"));
	doc_field(out, _("Surname"), p.surname);
	doc_field(out, _("First name"), p.first_names);
	doc_field(out, _("PESEL"), p.pesel);
	doc_field(out, _("Date of birth"), p.birth_date);
	doc_field(out, _("Sex"), p.sex);
	{
		char addr[400];
		snprintf(addr, sizeof(addr), "%s %s%s%s, %s %s", p.street, p.house_no,
			 p.flat_no[0] ? "/" : "", p.flat_no, p.postcode, p.town);
		doc_field(out, _("Address"), addr);
	}
	doc_field(out, _("Gmina"), p.gmina);
	doc_field(out, _("Phone"), p.phone);
	doc_field(out, _("E-mail"), p.email);
	doc_field(out, _("Notes"), p.notes);
	section(db, out, _("Requests"), "SELECT case_ref, filed_on, status, asked FROM request "
		"WHERE person_id = ?1 ORDER BY filed_on", person_id, &rc);
	section(db, out, _("Needs assessments"), "SELECT r.case_ref, s.held_on, s.outcome, "
		"s.outcome_note FROM assessment s JOIN request r ON r.id = s.request_id WHERE "
		"r.person_id = ?1 ORDER BY s.held_on", person_id, &rc);
	section(db, out, _("What you said in the assessments"), "SELECT r.case_ref, ld.name_pl, "
		"ad.situation, ad.needs, ad.strengths, ad.wishes FROM assessment_domain ad JOIN "
		"assessment s ON s.id = ad.assessment_id JOIN request r ON r.id = s.request_id "
		"LEFT JOIN life_domain ld ON ld.code = ad.domain_code WHERE r.person_id = ?1",
		person_id, &rc);
	section(db, out, _("Needs found"), "SELECT r.case_ref, n.description, CASE WHEN n.unmet "
		"THEN 'unmet' ELSE sv.name END FROM need n JOIN assessment s ON s.id = "
		"n.assessment_id JOIN request r ON r.id = s.request_id LEFT JOIN service sv ON "
		"sv.id = n.service_id WHERE r.person_id = ?1", person_id, &rc);
	section(db, out, _("Plans and their services"), "SELECT r.case_ref, 'v' || v.version_no, "
		"v.status, v.period_from || ' – ' || v.period_to, sv.name, pv.name, i.starts_on "
		"|| ' – ' || i.ends_on, v.goals FROM plan_version v JOIN plan p ON p.id = "
		"v.plan_id JOIN request r ON r.id = p.request_id LEFT JOIN plan_item i ON "
		"i.version_id = v.id LEFT JOIN service sv ON sv.id = i.service_id LEFT JOIN "
		"provider pv ON pv.id = i.provider_id WHERE p.person_id = ?1 ORDER BY v.id, i.id",
		person_id, &rc);
	section(db, out, _("Providers your data were passed to (orders)"), "SELECT DISTINCT "
		"pv.name, o.sent_on FROM service_order o JOIN plan_item i ON i.id = o.item_id "
		"JOIN plan_version v ON v.id = i.version_id JOIN plan p ON p.id = v.plan_id JOIN "
		"provider pv ON pv.id = i.provider_id WHERE p.person_id = ?1", person_id, &rc);
	section(db, out, _("Monitoring notes"), "SELECT m.held_on, m.kind, m.with_whom, m.text "
		"FROM monitoring_note m JOIN plan p ON p.id = m.plan_id WHERE p.person_id = ?1 "
		"ORDER BY m.held_on", person_id, &rc);
	section(db, out, _("Closing"), "SELECT c.closed_on, c.reason, c.person_view, c.changes, "
		"c.description, c.followup_on, c.followup_note FROM closure c JOIN plan p ON "
		"p.id = c.plan_id WHERE p.person_id = ?1", person_id, &rc);
	section(db, out, _("Group services and supporting activities"), "SELECT COALESCE(s.name, "
		"a.name), m.joined_on, m.left_on FROM group_member m LEFT JOIN service s ON "
		"s.id = m.service_id LEFT JOIN activity a ON a.id = m.activity_id WHERE "
		"m.person_id = ?1", person_id, &rc);
	if (!rc && (rc = consent_list(db, a, person_id, &c, &n)) == CD_OK && n) {
		doc_heading(out, _("Consents"));
		for (i = 0; i < n; i++) {
			char *t = c[i].withdrawn_on[0] ?
				xasprintf(_("%s: given %s, withdrawn %s"),
					  code_label(&codes_consent_scope, c[i].scope), c[i].given_on,
					  c[i].withdrawn_on) :
				xasprintf(_("%s: given %s"), code_label(&codes_consent_scope,
									c[i].scope), c[i].given_on);
			doc_para(out, t);
			free(t);
		}
	}
	free(c);
	section(db, out, _("Who looked at or exported your data (audit log)"), "SELECT l.at, "
		"COALESCE(u.full_name, 'system'), l.action FROM audit_log l LEFT JOIN app_user u ON "
		"u.id = l.user_id WHERE l.entity = 'person' AND l.entity_id = ?1 ORDER BY l.at",
		person_id, &rc);
	doc_stamp(db, out);
	if (rc || audit_add(db, a->user_id, "rodo.access", "person", person_id, NULL)) {
		doc_free(out);
		return CD_EDB;
	}
	return CD_OK;
}

