/* desks.c - `make bench`: many desks at once on one database, while an
 * import of 60,000 rows and an anonymisation run.
 *
 * desks DB N SECONDS: DB is a copy of the bench database (100,000
 * persons).  Each of N desk processes has its own coordinator's case with
 * a running plan.  The desks log in over the first two seconds, then
 * each loops: search (a few keystrokes), the worklist every fourth time,
 * then a save, timed: a person card (a new phone) of its own persons, or
 * a monitoring note with a service check on its plan, in turn, and a
 * pause of 0.5-1.5 s (a person reads and types).  Meanwhile one process
 * imports 60,000 rows and another anonymises 18,000 persons.  Then: p50
 * and p99 of a save, the longest write step of the two jobs, the saves
 * that failed, and the lost updates (a desk reads back every card it
 * saved, its last phone must be there, and counts its notes).  Fails
 * above the targets (0 failed, 0 lost, p99 <= 50 ms, no step over
 * 250 ms). */
#include "assessment.h"
#include "auth.h"
#include "catalogue.h"
#include "dbint.h"
#include "import.h"
#include "job.h"
#include "monitoring.h"
#include "person.h"
#include "plan.h"
#include "request.h"
#include "rodo.h"
#include "worklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define TARGET_P99_MS 50.0
#define TARGET_STEP_MS 250
#define MAX_SAVES 20000   /* per desk */
#define FIRST_PERSON 30001 /* the desks' persons; the anonymised are below 20,001 */
#define MAX_DESKS 200

struct shared {
	long long longest_step_ms[2]; /* the import's, the anonymisation's */
	double took_ms[2];            /* how long each job ran */
	size_t imported, anonymised;
	int import_rc, anonymise_rc;
	int64_t plan[MAX_DESKS], item[MAX_DESKS]; /* each desk's case */
};

static double ms_now(void)
{
	return (double)job_clock_ms();
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* A monitoring note on the desk's plan: a phone call and its service
 * checked. */
static int note_save(struct cd_db *db, const struct actor *a, int64_t plan, int64_t item,
		     const struct date *today, size_t k)
{
	struct monitoring_note m;
	struct item_check *c;
	struct fielderr e;
	int rc;

	monitoring_note_init(&m, plan);
	date_format(today, m.held_on);
	snprintf(m.kind, sizeof(m.kind), "phone");
	snprintf(m.text, sizeof(m.text), "Rozmowa %zu: usługi idą zgodnie z planem, "
		 "pani Łucja zadowolona z opiekunki.", k);
	c = monitoring_add_check(&m, item);
	c->taking_place = 1;
	c->on_time = 1;
	c->quality = 4;
	c->satisfaction = 5;
	rc = monitoring_add(db, a, &m, &e);
	monitoring_note_release(&m);
	return rc;
}

/* One desk: its results in out (saves' times), *failed, *lost. */
static void desk(const char *path, const struct shared *sh, int which, int ndesks,
		 double until, double *times, size_t *nsaves, size_t *failed, size_t *lost)
{
	static const char *queries[] = {"now", "kowal", "żół", "wiś", "maz", "łódź"};
	struct cd_db *db;
	struct actor sys;
	char *err = NULL;
	int64_t mine[64];
	char last_phone[64][32];
	size_t nmine = 0, k = 0, notes = 0, i;
	unsigned seed = 7919u * (unsigned)(which + 1), pause_ms;
	struct date today;

	*nsaves = *failed = *lost = 0;
	/* the desks log in one after another over two seconds */
	usleep((useconds_t)(2000000LL * which / ndesks));
	if (db_open(path, DB_OPEN_EXISTING, &db, &err)) {
		fprintf(stderr, "desk %d: %s\n", which, err);
		*failed = 1;
		return;
	}
	actor_system(&sys);
	date_today(&today);
	for (i = 0; i < 64; i++) {
		mine[nmine] = FIRST_PERSON + which + (int64_t)i * ndesks;
		last_phone[nmine++][0] = '\0';
	}
	while (ms_now() < until && *nsaves < MAX_SAVES) {
		struct person_hit *h;
		struct wl_item *w;
		size_t n, slot = k % nmine;
		double t0;
		int rc;

		if (person_search(db, &sys, queries[k % 6], 500, &h, &n) == CD_OK)
			free(h);
		if (k % 4 == 0 && worklist(db, &sys, &today, &w, &n) == CD_OK)
			free(w);
		t0 = ms_now();
		if (k % 2) {
			rc = note_save(db, &sys, sh->plan[which], sh->item[which], &today, k);
			notes += rc == CD_OK;
		} else {
			/* the card as the desk shows it, then saved with a new phone */
			struct person p;
			struct fielderr e;
			rc = person_get(db, &sys, mine[slot], &p);
			if (rc == CD_OK) {
				snprintf(p.phone, sizeof(p.phone), "600%06zu",
					 (k * 37 + (size_t)which) % 1000000);
				rc = person_save(db, &sys, &p, &e);
			}
			if (rc == CD_OK)
				snprintf(last_phone[slot], sizeof(last_phone[slot]), "%s", p.phone);
		}
		times[(*nsaves)++] = ms_now() - t0;
		if (getenv("SLOW") && ms_now() - t0 > 40) fprintf(stderr, "%.0f slow %d %s %.0f ms waited %ld\n", ms_now(), which, k % 2 ? "note" : "card", ms_now() - t0, db->busy_waited);
		if (rc != CD_OK)
			++*failed;
		k++;
		/* a person reads and types between saves: 0.5-1.5 s; after a
		 * second without a key the desk is idle (ui_getkey) */
		pause_ms = 500 + rand_r(&seed) % 1000;
		if (pause_ms > 1000) {
			usleep(1000000);
			db_idle(db);
			pause_ms -= 1000;
		}
		usleep((useconds_t)pause_ms * 1000);
	}
	for (i = 0; i < nmine; i++) {
		struct person p;
		if (last_phone[i][0] && (person_get(db, &sys, mine[i], &p) != CD_OK ||
					 strcmp(p.phone, last_phone[i])))
			++*lost;
	}
	{
		struct monitoring_note *l;
		size_t n;
		if (monitoring_list(db, &sys, sh->plan[which], &l, &n) == CD_OK) {
			if (n != notes)
				*lost += n > notes ? n - notes : notes - n;
			for (i = 0; i < n; i++)
				monitoring_note_release(&l[i]);
			free(l);
		} else {
			++*lost;
		}
	}
	db_close(&db);
}

/* A case with a running plan of one service for each desk (a new person
 * each, so the anonymisation leaves them alone). */
static int cases(struct cd_db *db, int ndesks, struct shared *sh)
{
	struct programme_def pd = {"PUS bench", "XX/1/2025", "2025-01-01", "2025-02-01",
				   NULL, "wszyscy", NULL, 100};
	struct service_def care = {"Usługi opiekuńcze", 4, "hour", "", 0};
	struct provider_def pv = {"Stowarzyszenie „Razem”", "ngo", "", "", "", "", "",
				  NULL, NULL, 0};
	int64_t programme, service, provider;
	struct actor sys;
	struct date today, from, to;
	char day[11], sfrom[11], sto[11];
	static const char *names[] = {"Ławecka", "Żurawska", "Ślęzak", "Bąkowska", "Górecka",
				      "Mazur", "Kwiatkowska", "Dąbek", "Wróbel", "Nowicka"};
	int i;

	actor_system(&sys);
	date_today(&today);
	date_format(&today, day);
	date_from_days(date_to_days(&today) - 30, &from);
	date_from_days(date_to_days(&today) + 150, &to);
	date_format(&from, sfrom);
	date_format(&to, sto);
	if (programme_add(db, &pd, &programme) || service_ensure(db, &care, &service) ||
	    programme_service_add(db, programme, service, 10000, 15, "") ||
	    provider_add(db, &pv, &provider) || provider_service_add(db, provider, service, 10000)) {
		fprintf(stderr, "desks: the programme could not be set up\n");
		return 1;
	}
	for (i = 0; i < ndesks; i++) {
		struct person p;
		struct request r;
		struct assessment as;
		struct outcome o;
		struct plan_version v;
		struct plan_item *it;
		struct fielderr e;

		person_init(&p);
		snprintf(p.first_names, sizeof(p.first_names), "Łucja");
		snprintf(p.surname, sizeof(p.surname), "%s-%s", names[i % 10], names[i / 10 % 10]);
		snprintf(p.birth_date, sizeof(p.birth_date), "19%02d-01-01", 30 + i % 60);
		request_init(&r);
		snprintf(r.filed_on, sizeof(r.filed_on), "%s", sfrom);
		snprintf(r.asked, sizeof(r.asked), "opieka");
		if (request_file_with_person(db, &sys, &p, &r, &e))
			return fprintf(stderr, "desks: request %d: %s\n", i, e.msg), 1;
		assessment_init(&as, r.id);
		snprintf(as.held_on, sizeof(as.held_on), "%s", sfrom);
		if (assessment_save(db, &sys, &as, &e))
			return fprintf(stderr, "desks: assessment %d: %s\n", i, e.msg), 1;
		assessment_release(&as);
		memset(&o, 0, sizeof(o));
		snprintf(o.kind, sizeof(o.kind), "qualified");
		o.programmes[o.nprogrammes++] = programme;
		if (assessment_decide(db, &sys, r.id, &o, &today, &e))
			return fprintf(stderr, "desks: decision %d: %s\n", i, e.msg), 1;
		plan_version_init(&v);
		snprintf(v.period_from, sizeof(v.period_from), "%s", sfrom);
		snprintf(v.period_to, sizeof(v.period_to), "%s", sto);
		snprintf(v.agreed_on, sizeof(v.agreed_on), "%s", sfrom);
		it = plan_add_item(&v);
		it->programme_id = programme;
		it->service_id = service;
		it->provider_id = provider;
		snprintf(it->starts_on, sizeof(it->starts_on), "%s", sfrom);
		snprintf(it->ends_on, sizeof(it->ends_on), "%s", sto);
		it->amount = 2;
		snprintf(it->frequency, sizeof(it->frequency), "week");
		if (plan_create(db, &sys, r.id, &v, &e) || plan_submit(db, &sys, v.id, &e) ||
		    plan_approve(db, &sys, v.id, &today, &e)) {
			fprintf(stderr, "desks: plan %d: %s\n", i, e.msg);
			return 1;
		}
		sh->plan[i] = v.id;
		sh->item[i] = v.items[0].id;
		plan_version_release(&v);
	}
	return 0;
}

static void write_import_file(const char *csv)
{
	static const char *sn[] = {"Nowak", "Kowalska", "Wiśniewski", "Gąska", "Łęcki", "Żuraw",
				   "Ślązak", "Bąk"};
	static const char *fn[] = {"Anna", "Jan", "Zofia", "Piotr", "Łucja", "Żaneta", "Józef"};
	FILE *f = fopen(csv, "w");
	int i;

	fputs("Nazwisko;Imię;Data urodzenia\n", f);
	for (i = 0; i < 60000; i++)
		fprintf(f, "%s;%s;19%02d-%02d-%02d\n", sn[i % 8], fn[(i / 8) % 7], 20 + i % 80,
			1 + (i / 56) % 12, 1 + (i / 672) % 28);
	fclose(f);
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "build/bench-desks.db";
	int ndesks = argc > 2 && atoi(argv[2]) > 0 && atoi(argv[2]) <= MAX_DESKS ? atoi(argv[2]) : 20, seconds = argc > 3 ? atoi(argv[3]) : 20, i;
	struct shared *sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	size_t per = MAX_SAVES, total = 0, failed = 0, lost = 0;
	double *all = mmap(NULL, sizeof(double) * per * (size_t)ndesks, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	size_t *counts = mmap(NULL, sizeof(size_t) * 3 * (size_t)ndesks, PROT_READ | PROT_WRITE,
			      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char csv[512];
	double until, p50, p99;
	pid_t jobs[2];
	bool ok;

	snprintf(csv, sizeof(csv), "%s.import.csv", path);
	write_import_file(csv);
	{
		/* 20,000 persons old enough to anonymise */
		struct cd_db *db;
		char *err = NULL;
		if (db_open(path, DB_OPEN_EXISTING, &db, &err) ||
		    db_exec(db, "UPDATE person SET created_at = '2005-01-01 00:00:00' WHERE id <= "
			    "20000 AND NOT EXISTS (SELECT 1 FROM request r WHERE r.person_id = "
			    "person.id)") || cases(db, ndesks, sh)) {
			fprintf(stderr, "desks: %s\n", err ? err : "setup failed");
			return 1;
		}
		db_close(&db);
	}
	until = ms_now() + seconds * 1000.0;
	/* "desks DB N S alone": the desks without the jobs, for comparison */
	for (i = 0; i < (argc > 4 && !strcmp(argv[4], "alone") ? 0 : 2); i++) {
		if ((jobs[i] = fork()) == 0) {
			struct cd_db *db;
			struct actor sys;
			struct fielderr e;
			char *err = NULL;
			long long longest = 0;
			struct job job = {.longest_ms = &longest};
			actor_system(&sys);
			if (db_open(path, DB_OPEN_EXISTING, &db, &err))
				_exit(1);
			usleep(500000); /* the desks are at work first */
			sh->took_ms[i] = ms_now();
			if (i == 0) {
				struct import_result r;
				sh->import_rc = import_file(db, &sys, IMPORT_PERSONS, csv, CSV_AUTO,
							    false, &job, &r, &e);
				sh->imported = r.added;
				import_result_free(&r);
			} else {
				sh->anonymise_rc = rodo_anonymise(db, &sys, "2010-01-01",
								  &sh->anonymised, &job, &e);
			}
			sh->longest_step_ms[i] = longest;
			sh->took_ms[i] = ms_now() - sh->took_ms[i];
			db_close(&db);
			_exit(0);
		}
	}
	for (i = 0; i < ndesks; i++)
		if (fork() == 0) {
			desk(path, sh, i, ndesks, until, all + per * (size_t)i, &counts[3 * i],
			     &counts[3 * i + 1], &counts[3 * i + 2]);
			_exit(0);
		}
	while (wait(NULL) > 0)
		;
	unlink(csv);
	/* the saves of every desk, in one list */
	for (i = 0; i < ndesks; i++) {
		memmove(all + total, all + per * (size_t)i, counts[3 * i] * sizeof(double));
		total += counts[3 * i];
		failed += counts[3 * i + 1];
		lost += counts[3 * i + 2];
	}
	if (!total) {
		printf("desks: no save was made\n");
		return 1;
	}
	qsort(all, total, sizeof(double), cmp_double);
	p50 = all[total / 2];
	p99 = all[total * 99 / 100];
	printf("%d desks for %d s beside an import (%zu added, rc %d) and an anonymisation "
	       "(%zu persons, rc %d):\n", ndesks, seconds, sh->imported, sh->import_rc,
	       sh->anonymised, sh->anonymise_rc);
	printf("  saves %zu: p50 %.1f ms, p99 %.1f ms, max %.1f ms; failed %zu, lost updates %zu\n"
	       "  longest write step: import %lld ms, anonymisation %lld ms\n"
	       "  the jobs took: import %.1f s, anonymisation %.1f s\n", total, p50, p99,
	       all[total - 1], failed, lost, sh->longest_step_ms[0], sh->longest_step_ms[1],
	       sh->took_ms[0] / 1000, sh->took_ms[1] / 1000);
	printf("  (targets: 0 failed, 0 lost, p99 <= %.0f ms, no write step over %d ms)\n",
	       TARGET_P99_MS, TARGET_STEP_MS);
	ok = failed == 0 && lost == 0 && p99 <= TARGET_P99_MS &&
	     sh->longest_step_ms[0] <= TARGET_STEP_MS && sh->longest_step_ms[1] <= TARGET_STEP_MS && sh->import_rc == 0 && sh->anonymise_rc == 0;
	printf(ok ? "desks: ok\n" : "desks: FAILED the target\n");
	return ok ? 0 : 1;
}
