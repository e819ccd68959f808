/* test_assessment.c - access to cases, the needs assessment, its outcome,
 * needs, the unmet-needs register and the waiting list. */
#include "testutil.h"
#include "assessment.h"
#include "casefile.h"
#include "catalogue.h"
#include "request.h"

#include <stdlib.h>
#include <string.h>

static void draft(struct fx *f, struct assessment *as)
{
	struct assessment_domain *d;

	assessment_init(as, f->request);
	str_copy(as->held_on, sizeof(as->held_on), "2026-11-10");
	str_copy(as->place, sizeof(as->place), "home");
	as->with_carer = true;
	d = assessment_domain(as, "care");
	str_copy(d->situation, sizeof(d->situation), "Po udarze, sama nie zrobi zakupów.");
	str_copy(d->wishes, sizeof(d->wishes), "Chce zostać w domu, nie w DPS.");
	d = assessment_domain(as, "social");
	str_copy(d->strengths, sizeof(d->strengths), "Sąsiadka zagląda codziennie.");
}

START_TEST(who_may_work_a_case)
{
	struct fx f;
	struct assessment as, got;
	struct fielderr e;

	fx_open(&f);
	draft(&f, &as);
	ck_assert_int_eq(assessment_save(f.db, &f.recep, &as, &e), CD_EPERM);
	ck_assert_int_eq(assessment_save(f.db, &f.pawel, &as, &e), CD_EPERM);
	ck_assert_str_eq(e.msg, "this case is not assigned to you or shared with you");
	ck_assert_int_eq(assessment_save(f.db, &f.director, &as, &e), CD_EPERM);
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	/* the director and the organiser read; Paweł only once shared */
	ck_assert_int_eq(assessment_get(f.db, &f.director, f.request, &got), CD_OK);
	assessment_release(&got);
	ck_assert_int_eq(assessment_get(f.db, &f.organiser, f.request, &got), CD_OK);
	assessment_release(&got);
	ck_assert_int_eq(assessment_get(f.db, &f.pawel, f.request, &got), CD_EPERM);
	ck_assert_int_eq(assessment_get(f.db, &f.recep, f.request, &got), CD_EPERM);
	ck_assert_int_eq(case_share(f.db, &f.pawel, f.request, f.pawel.user_id, &e), CD_EPERM);
	ck_assert_int_eq(case_share(f.db, &f.anna, f.request, f.recep.user_id, &e), CD_EINVAL);
	ck_assert_int_eq(case_share(f.db, &f.anna, f.request, f.pawel.user_id, &e), CD_OK);
	ck_assert_int_eq(assessment_get(f.db, &f.pawel, f.request, &got), CD_OK);
	assessment_release(&got);
	assessment_release(&as);
	fx_close(&f);
}
END_TEST

START_TEST(draft_over_several_sittings)
{
	struct fx f;
	struct assessment as, got;
	struct request r;
	struct fielderr e;

	fx_open(&f);
	draft(&f, &as);
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	ck_assert_int_gt(as.id, 0);
	request_get(f.db, &f.anna, f.request, &r);
	ck_assert_str_eq(r.status, "assessment");
	/* a second sitting adds a domain and changes another */
	str_copy(assessment_domain(&as, "health")->needs,
		 sizeof(as.domains->needs), "Rehabilitacja ręki.");
	str_copy(assessment_domain(&as, "care")->situation, sizeof(as.domains->situation),
		 "Po udarze; córka dojeżdża w weekendy.");
	str_copy(as.held_on, sizeof(as.held_on), "2026-11-12");
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	/* a second sitting on another day: both kept, the first is the
	 * assessment's date; the new sitting is in the audit log */
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM audit_log WHERE action = "
				   "'assessment.save' AND detail = 'sitting: 2026-11-12'"), 1);
	ck_assert_int_eq(assessment_get(f.db, &f.anna, f.request, &got), CD_OK);
	ck_assert_str_eq(got.held_on, "2026-11-10");
	ck_assert_str_eq(got.sittings, "2026-11-10, 2026-11-12");
	ck_assert_uint_eq(got.ndomains, 3);
	ck_assert_str_eq(got.domains[0].code, "health");     /* domain order */
	ck_assert_str_eq(got.domains[1].situation, "Po udarze; córka dojeżdża w weekendy.");
	ck_assert_str_eq(got.domains[1].wishes, "Chce zostać w domu, nie w DPS.");
	ck_assert_str_eq(got.place, "home");
	ck_assert(got.with_carer);
	ck_assert_str_eq(got.status, "draft");
	assessment_release(&got);
	assessment_release(&as);
	fx_close(&f);
}
END_TEST

START_TEST(assessment_rules)
{
	struct fx f;
	struct assessment as;
	struct fielderr e;

	fx_open(&f);
	draft(&f, &as);
	str_copy(as.held_on, sizeof(as.held_on), "2026-11-01");   /* before filing */
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, ASSESS_F_HELD_ON);
	ck_assert_ptr_nonnull(strstr(e.msg, "2026-11-02"));
	str_copy(as.held_on, sizeof(as.held_on), "2026-11-23");   /* future */
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_EINVAL);
	str_copy(as.held_on, sizeof(as.held_on), "2026-11-10");
	str_copy(as.place, sizeof(as.place), "other");
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, ASSESS_F_PLACE);
	str_copy(as.place_note, sizeof(as.place_note), "świetlica w Cuplu");
	as.with_person = as.with_carer = false;
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "Participants"));
	as.with_person = true;
	/* income is asked only when the centre switched it on */
	assessment_domain(&as, "income");
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "income"));
	ck_assert_int_eq(setting_set(f.db, "assessment_income", "1"), CD_OK);
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	assessment_release(&as);
	fx_close(&f);
}
END_TEST

START_TEST(life_domains_come_from_data)
{
	struct fx f;
	struct life_domain *d;
	size_t n;
	char name[160];

	fx_open(&f);
	life_domain_name(f.db, "nosuch", name, sizeof(name));
	ck_assert_str_eq(name, "nosuch");
	life_domain_name(f.db, "care", name, sizeof(name));
	ck_assert_str_ne(name, "care");            /* a name from data/, not the code */
	ck_assert_int_eq(life_domains(f.db, &d, &n), CD_OK);
	ck_assert_uint_eq(n, 9);
	ck_assert_str_eq(d[1].name, name);
	ck_assert_str_eq(d[0].code, "health");
	free(d);
	ck_assert_int_eq(setting_set(f.db, "assessment_income", "1"), CD_OK);
	ck_assert_int_eq(life_domains(f.db, &d, &n), CD_OK);
	ck_assert_uint_eq(n, 10);
	ck_assert_str_eq(d[9].code, "income");
	free(d);
	fx_close(&f);
}
END_TEST

static struct outcome outcome_of(const char *kind)
{
	struct outcome o;

	memset(&o, 0, sizeof(o));
	str_copy(o.kind, sizeof(o.kind), kind);
	return o;
}

START_TEST(outcomes)
{
	struct fx f;
	struct assessment as;
	struct fielderr e;
	struct date today;
	struct outcome o;
	struct request r;

	date_parse(TEST_TODAY, &today);
	fx_open(&f);
	o = outcome_of("qualified");
	ck_assert_int_eq(assessment_decide(f.db, &f.anna, f.request, &o, &today, &e), CD_EINVAL);
	ck_assert_str_eq(e.msg, "Outcome: write the assessment first");
	draft(&f, &as);
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	ck_assert_int_eq(assessment_decide(f.db, &f.anna, f.request, &o, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, ASSESS_F_PROGRAMMES);
	o.programmes[o.nprogrammes++] = f.old_programme;           /* ended in 2020 */
	ck_assert_int_eq(assessment_decide(f.db, &f.anna, f.request, &o, &today, &e), CD_EINVAL);
	o = outcome_of("not_qualified");
	ck_assert_int_eq(assessment_decide(f.db, &f.anna, f.request, &o, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, ASSESS_F_OUTCOME_NOTE);
	o = outcome_of("forwarded");
	str_copy(o.forward_to, sizeof(o.forward_to), "social_assistance");
	ck_assert_int_eq(assessment_decide(f.db, &f.anna, f.request, &o, &today, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, ASSESS_F_CONSENT);
	o = outcome_of("qualified");
	o.programmes[o.nprogrammes++] = f.programme;
	o.coordination_months = 6;
	ck_assert_int_eq(assessment_decide(f.db, &f.pawel, f.request, &o, &today, &e), CD_EPERM);
	ck_assert_int_eq(assessment_decide(f.db, &f.anna, f.request, &o, &today, &e), CD_OK);
	request_get(f.db, &f.anna, f.request, &r);
	ck_assert_str_eq(r.status, "qualified");
	/* final: read-only, decided once */
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "finalised"));
	ck_assert_int_eq(assessment_decide(f.db, &f.anna, f.request, &o, &today, &e), CD_EINVAL);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM qualification"), 1);
	assessment_release(&as);
	fx_close(&f);
}
END_TEST

START_TEST(forwarding_needs_consent)
{
	struct fx f;
	struct assessment as;
	struct fielderr e;
	struct date today;
	struct outcome o = outcome_of("forwarded");
	struct request r;

	date_parse(TEST_TODAY, &today);
	fx_open(&f);
	draft(&f, &as);
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	str_copy(o.forward_to, sizeof(o.forward_to), "gmina_office");
	str_copy(o.consent_on, sizeof(o.consent_on), "2026-11-10");
	o.forward_whole = false;
	str_copy(o.note, sizeof(o.note), "dodatek mieszkaniowy");
	ck_assert_int_eq(assessment_decide(f.db, &f.anna, f.request, &o, &today, &e), CD_OK);
	request_get(f.db, &f.anna, f.request, &r);
	ck_assert_str_eq(r.status, "forwarded");
	assessment_release(&as);
	fx_close(&f);
}
END_TEST

START_TEST(waiting_list_in_filing_order)
{
	struct fx f;
	struct assessment as;
	struct fielderr e;
	struct date today;
	struct waiting *w;
	size_t n;
	int64_t later, earlier;

	date_parse(TEST_TODAY, &today);
	fx_open(&f);
	later = f.request;                                         /* filed 2026-11-02 */
	earlier = file_request(&f, "Bożena", "2026-10-20", f.anna.user_id);
	/* the later request is assessed and listed first ... */
	{
		int64_t ids[2] = {later, earlier};
		int i;
		for (i = 0; i < 2; i++) {
			struct outcome o = outcome_of("waiting");
			assessment_init(&as, ids[i]);
			ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
			o.waiting_programme = f.programme;
			o.waiting_services[o.nwaiting++] = f.care;
			ck_assert_int_eq(assessment_decide(f.db, &f.anna, ids[i], &o, &today, &e),
					 CD_OK);
			assessment_release(&as);
		}
	}
	/* ... but the list follows the filing dates */
	ck_assert_int_eq(waiting_list(f.db, &f.anna, f.care, &w, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(w[0].request_id, earlier);
	ck_assert_int_eq(w[0].position, 1);
	ck_assert_int_eq(w[1].request_id, later);
	ck_assert_int_eq(w[1].position, 2);
	ck_assert_int_eq(waiting_remove(f.db, &f.anna, w[0].id, "", &today, &e), CD_EINVAL);
	ck_assert_int_eq(waiting_remove(f.db, &f.anna, w[0].id, "miejsce\x1b", &today, &e),
			 CD_EINVAL);
	ck_assert_int_eq(waiting_remove(f.db, &f.anna, w[0].id, "zwolniło się miejsce",
					&today, &e), CD_OK);
	free(w);
	ck_assert_int_eq(waiting_list(f.db, &f.anna, 0, &w, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(w[0].position, 1);
	free(w);
	ck_assert_int_eq(waiting_list(f.db, &f.recep, 0, &w, &n), CD_EPERM);
	fx_close(&f);
}
END_TEST

START_TEST(needs_and_unmet_register)
{
	struct fx f;
	struct assessment as;
	struct fielderr e;
	struct need nd, *l;
	size_t n;

	fx_open(&f);
	memset(&nd, 0, sizeof(nd));
	str_copy(nd.description, sizeof(nd.description), "dowóz do lekarza");
	nd.unmet = true;
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_EINVAL);
	draft(&f, &as);
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	nd.service_id = f.care;
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_EINVAL); /* both */
	nd.service_id = 0;
	nd.unmet = false;
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_EINVAL); /* neither */
	nd.unmet = true;
	str_copy(nd.domain, sizeof(nd.domain), "health");
	str_copy(nd.description, sizeof(nd.description), "dowóz\x1b do lekarza");
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_EINVAL);
	ck_assert_str_eq(e.msg, "Need: has a control character (code 27); remove it");
	str_copy(nd.description, sizeof(nd.description), "dowóz do lekarza");
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_OK);
	memset(&nd, 0, sizeof(nd));
	str_copy(nd.description, sizeof(nd.description), "pomoc w domu");
	nd.service_id = f.care;
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_OK);
	ck_assert_int_eq(need_list(f.db, &f.anna, f.request, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(l[1].service_name, "Usługi opiekuńcze");
	/* a need is corrected in place: the same row, new words */
	nd = l[1];
	str_copy(nd.description, sizeof(nd.description), "pomoc w domu i w ogrodzie");
	ck_assert_int_eq(need_update(f.db, &f.anna, f.request, &nd, &e), CD_OK);
	ck_assert_int_eq(nd.id, l[1].id);
	free(l);
	ck_assert_int_eq(need_list(f.db, &f.anna, f.request, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(l[1].description, "pomoc w domu i w ogrodzie");
	free(l);
	nd.id = 999999;                                  /* not a need of this case */
	ck_assert_int_eq(need_update(f.db, &f.anna, f.request, &nd, &e), CD_EINVAL);
	/* the organiser sees the unmet need; another coordinator does not */
	ck_assert_int_eq(unmet_needs(f.db, &f.organiser, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(l[0].description, "dowóz do lekarza");
	ck_assert_str_eq(l[0].person_name, "Łęcka Jadwiga");
	ck_assert_int_eq(l[0].request_id, f.request);
	free(l);
	ck_assert_int_eq(unmet_needs(f.db, &f.pawel, &l, &n), CD_OK);
	ck_assert_uint_eq(n, 0);
	free(l);
	ck_assert_int_eq(unmet_needs(f.db, &f.recep, &l, &n), CD_EPERM);
	assessment_release(&as);
	fx_close(&f);
}
END_TEST

/* The register read page by page gives the whole register, in its order,
 * for the organiser and for a coordinator (who sees only their cases). */
static void pages_agree(struct fx *f, const struct actor *a, size_t page, size_t want)
{
	struct need *all, *l, last;
	size_t n, k, at = 0;

	ck_assert_int_eq(unmet_needs(f->db, a, &all, &n), CD_OK);
	ck_assert_uint_eq(n, want);
	for (k = 1; k < n; k++)                       /* oldest first */
		ck_assert(strcmp(all[k - 1].held_on, all[k].held_on) < 0 ||
			  (!strcmp(all[k - 1].held_on, all[k].held_on) && all[k - 1].id < all[k].id));
	for (;;) {
		ck_assert_int_eq(unmet_needs_page(f->db, a, at ? &last : NULL, page, &l, &k),
				 CD_OK);
		ck_assert_uint_le(k, page);
		for (size_t i = 0; i < k; i++)
			ck_assert_int_eq(l[i].id, all[at + i].id);
		at += k;
		if (k)
			last = l[k - 1];
		free(l);
		if (k < page)
			break;
	}
	ck_assert_uint_eq(at, n);
	free(all);
}

START_TEST(unmet_register_reads_in_pages)
{
	static const char *const held[] = {"2026-11-20", "2026-11-03", "2026-11-20", "2026-11-11"};
	struct fx f;
	struct assessment as;
	struct fielderr e;
	struct need nd;
	size_t i, k;

	fx_open(&f);
	for (i = 0; i < 4; i++) {
		char first[16];
		int64_t req;
		snprintf(first, sizeof(first), "Ewa%c", (char)('a' + i));
		req = file_request(&f, first, "2026-11-02", i % 2 ? f.pawel.user_id : f.anna.user_id);
		assessment_init(&as, req);
		str_copy(as.held_on, sizeof(as.held_on), held[i]);
		ck_assert_int_eq(assessment_save(f.db, &f.sys, &as, &e), CD_OK);
		assessment_release(&as);
		for (k = 0; k < 3; k++) {
			memset(&nd, 0, sizeof(nd));
			nd.unmet = true;
			snprintf(nd.description, sizeof(nd.description), "potrzeba %zu.%zu", i, k);
			ck_assert_int_eq(need_add(f.db, &f.organiser, req, &nd, &e), CD_OK);
		}
	}
	for (k = 1; k <= 13; k += 2)
		pages_agree(&f, &f.organiser, k, 12);
	pages_agree(&f, &f.anna, 2, 6);
	pages_agree(&f, &f.pawel, 4, 6);
	fx_close(&f);
}
END_TEST

START_TEST(when_an_ipus_is_needed)
{
	const char *why;

	ck_assert_int_eq(ipus_needed(3, 1, 2, &why), IPUS_REQUIRED);
	ck_assert_ptr_nonnull(strstr(why, "art. 38"));
	ck_assert_int_eq(ipus_needed(12, 0, 0, NULL), IPUS_REQUIRED);
	ck_assert_int_eq(ipus_needed(2, 2, 2, NULL), IPUS_ADVISED);
	ck_assert_int_eq(ipus_needed(2, 2, 0, NULL), IPUS_OPTIONAL);   /* practice off */
	ck_assert_int_eq(ipus_needed(0, 1, 2, NULL), IPUS_OPTIONAL);
	ck_assert_int_eq(ipus_needed(1, 5, 6, NULL), IPUS_OPTIONAL);
}
END_TEST

START_TEST(ipus_need_of_a_case)
{
	struct fx f;
	struct assessment as;
	struct fielderr e;
	struct need nd;

	fx_open(&f);
	/* no assessment yet: nothing to say */
	ck_assert_int_eq(assessment_ipus_need(f.db, &f.anna, f.request, NULL), IPUS_OPTIONAL);
	draft(&f, &as);
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	memset(&nd, 0, sizeof(nd));
	str_copy(nd.description, sizeof(nd.description), "pomoc w domu");
	nd.service_id = f.care;
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_OK);
	/* the same service twice still counts once */
	str_copy(nd.description, sizeof(nd.description), "zakupy");
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_OK);
	ck_assert_int_eq(assessment_ipus_need(f.db, &f.anna, f.request, NULL), IPUS_OPTIONAL);
	/* a second service: the practice (2 services) advises a plan */
	nd.service_id = f.physio;
	str_copy(nd.description, sizeof(nd.description), "rehabilitacja");
	ck_assert_int_eq(need_add(f.db, &f.anna, f.request, &nd, &e), CD_OK);
	ck_assert_int_eq(assessment_ipus_need(f.db, &f.anna, f.request, NULL), IPUS_ADVISED);
	/* months of coordination are checked when the draft is saved */
	as.coordination_months = 66;
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_EINVAL);
	ck_assert_int_eq(e.field, ASSESS_F_MONTHS);
	ck_assert_str_eq(e.msg, "Coordination: give 0 to 12 months");
	/* three months of coordination: the law requires it */
	as.coordination_months = 3;
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	ck_assert_int_eq(assessment_ipus_need(f.db, &f.anna, f.request, NULL), IPUS_REQUIRED);
	assessment_release(&as);
	fx_close(&f);
}
END_TEST

/* Two desks write two life domains of one assessment: the second, from
 * the assessment read before, is refused, so the first's texts stay. */
START_TEST(two_desks_on_one_assessment)
{
	struct fx f;
	struct assessment as, a, b;
	struct cd_db *other = NULL;
	struct fielderr e;
	char *err = NULL;

	fx_open(&f);
	assessment_init(&as, f.request);
	str_copy(as.held_on, sizeof(as.held_on), TEST_TODAY);
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &as, &e), CD_OK);
	ck_assert_int_eq(db_open(db_path(f.db), DB_OPEN_EXISTING, &other, &err), CD_OK);
	ck_assert_int_eq(assessment_get(f.db, &f.anna, f.request, &a), CD_OK);
	ck_assert_int_eq(assessment_get(other, &f.anna, f.request, &b), CD_OK);
	str_copy(assessment_domain(&a, "health")->situation, sizeof(a.domains->situation),
		 "Cukrzyca.");
	ck_assert_int_eq(assessment_save(f.db, &f.anna, &a, &e), CD_OK);
	str_copy(assessment_domain(&b, "care")->situation, sizeof(b.domains->situation),
		 "Sama.");
	ck_assert_int_eq(assessment_save(other, &f.anna, &b, &e), CD_ECONFLICT);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM assessment_domain WHERE "
				   "situation = 'Cukrzyca.'"), 1);
	ck_assert_int_eq(tdb_count(f.db, "SELECT count(*) FROM assessment_domain WHERE "
				   "domain_code = 'care'"), 0);
	assessment_release(&as);
	assessment_release(&a);
	assessment_release(&b);
	db_close(&other);
	fx_close(&f);
}
END_TEST

Suite *suite_assessment(void)
{
	Suite *s = suite_create("assessment");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, two_desks_on_one_assessment);
	tcase_add_test(tc, who_may_work_a_case);
	tcase_add_test(tc, draft_over_several_sittings);
	tcase_add_test(tc, assessment_rules);
	tcase_add_test(tc, life_domains_come_from_data);
	tcase_add_test(tc, outcomes);
	tcase_add_test(tc, forwarding_needs_consent);
	tcase_add_test(tc, waiting_list_in_filing_order);
	tcase_add_test(tc, needs_and_unmet_register);
	tcase_add_test(tc, unmet_register_reads_in_pages);
	tcase_add_test(tc, when_an_ipus_is_needed);
	tcase_add_test(tc, ipus_need_of_a_case);
	suite_add_tcase(s, tc);
	return s;
}
