/* desks.c - `make bench`: many desks at once on one database, while an
 * import of 60,000 rows and an anonymisation run.
 *
 * desks DB N SECONDS: DB is a copy of the bench database (100,000
 * persons).  N desk processes each loop: search (a few keystrokes), the
 * worklist, then a save of a person card (a new phone) of its own persons,
 * timed.  Meanwhile one process imports 60,000 rows and another anonymises
 * 20,000 persons.  Then: p50 and p99 of a save, the longest write step of
 * the two jobs, the saves that failed, and the lost updates (a desk reads
 * back every card it saved: its last phone must be there).  Fails above
 * the targets (0 failed, 0 lost, p99 <= 50 ms, no step over 250 ms). */
#include "auth.h"
#include "dbint.h"
#include "import.h"
#include "job.h"
#include "person.h"
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

struct shared {
	long long longest_step_ms[2]; /* the import's, the anonymisation's */
	size_t imported, anonymised;
	int import_rc, anonymise_rc;
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

/* One desk: its results in out (saves' times), *failed, *lost. */
static void desk(const char *path, int which, int ndesks, double until, double *times,
		 size_t *nsaves, size_t *failed, size_t *lost)
{
	static const char *queries[] = {"now", "kowal", "żół", "wiś", "maz", "łódź"};
	struct cd_db *db;
	struct actor sys;
	char *err = NULL;
	int64_t mine[64];
	char last_phone[64][32];
	size_t nmine = 0, k = 0, i;
	struct date today;

	*nsaves = *failed = *lost = 0;
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
		struct person p;
		struct fielderr e;
		size_t n, slot = k % nmine;
		double t0;
		int rc;

		if (person_search(db, &sys, queries[k % 6], 500, &h, &n) == CD_OK)
			free(h);
		if (k % 4 == 0 && worklist(db, &sys, &today, &w, &n) == CD_OK)
			free(w);
		t0 = ms_now();
		/* the card as the desk shows it, then saved with a new phone */
		rc = person_get(db, &sys, mine[slot], &p);
		if (rc == CD_OK) {
			snprintf(p.phone, sizeof(p.phone), "600%06zu", (k * 37 + (size_t)which) % 1000000);
			rc = person_save(db, &sys, &p, &e);
		}
		times[(*nsaves)++] = ms_now() - t0;
		if (rc == CD_OK)
			snprintf(last_phone[slot], sizeof(last_phone[slot]), "%s", p.phone);
		else
			++*failed;
		k++;
		usleep(1000000); /* a person reads and types between saves */
	}
	for (i = 0; i < nmine; i++) {
		struct person p;
		if (last_phone[i][0] && (person_get(db, &sys, mine[i], &p) != CD_OK ||
					 strcmp(p.phone, last_phone[i])))
			++*lost;
	}
	db_close(&db);
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
	int ndesks = argc > 2 ? atoi(argv[2]) : 20, seconds = argc > 3 ? atoi(argv[3]) : 20, i;
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
			    "person.id)")) {
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
			db_close(&db);
			_exit(0);
		}
	}
	for (i = 0; i < ndesks; i++)
		if (fork() == 0) {
			desk(path, i, ndesks, until, all + per * (size_t)i, &counts[3 * i],
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
	       "  longest write step: import %lld ms, anonymisation %lld ms\n", total, p50, p99,
	       all[total - 1], failed, lost, sh->longest_step_ms[0], sh->longest_step_ms[1]);
	printf("  (targets: 0 failed, 0 lost, p99 <= %.0f ms, no write step over %d ms)\n",
	       TARGET_P99_MS, TARGET_STEP_MS);
	ok = failed == 0 && lost == 0 && p99 <= TARGET_P99_MS &&
	     sh->longest_step_ms[0] <= TARGET_STEP_MS && sh->longest_step_ms[1] <= TARGET_STEP_MS && sh->import_rc == 0 && sh->anonymise_rc == 0;
	printf(ok ? "desks: ok\n" : "desks: FAILED the target\n");
	return ok ? 0 : 1;
}
