/* bench.c - `make bench`: search as you type at 100,000 persons.
 *
 * Builds (once, then reuses) a database of 100,000 fictional residents
 * with Polish names and a request for every tenth, then times the search
 * the desk runs on every keystroke for a set of typical queries: one to
 * six letters, with and without Polish letters, two words, PESEL and case
 * reference prefixes.  Fails when the 95th percentile or the slowest
 * query is over the target. */
#include "auth.h"
#include "centre.h"
#include "dbint.h"
#include "person.h"
#include "request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define PERSONS 100000
#define TARGET_P95_MS 30.0
#define TARGET_MAX_MS 50.0
#define RESULT_LIMIT 500   /* what the search screen asks for */

static const char *first[] = {"Anna", "Maria", "Katarzyna", "Małgorzata", "Żaneta",
	"Łucja", "Jan", "Stanisław", "Józef", "Łukasz", "Ścibor", "Zdzisław", "Grażyna",
	"Elżbieta", "Bożena", "Wiesław", "Mieczysław", "Agnieszka", "Tomasz", "Paweł"};
static const char *last[] = {"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk",
	"Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski",
	"Kozłowski", "Mazur", "Krawczyk", "Żółć", "Łódź", "Źrebiec", "Ślązak", "Ćwik",
	"Śliwa", "Żurawski", "Łukasik", "Ożóg", "Bąk", "Król", "Wróbel", "Stępień",
	"Górski", "Michalak", "Sikora"};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int build(const char *path)
{
	struct cd_db *db;
	struct actor sys;
	struct fielderr e;
	char *err = NULL;
	unsigned r = 12345;
	int i;
	double t0 = now_ms();

	actor_system(&sys);
	if (db_open(path, DB_CREATE_NEW, &db, &err) || centre_setup(db, "bench")) {
		fprintf(stderr, "bench: %s\n", err ? err : "setup failed");
		return 1;
	}
	/* persons are saved through the same domain code as the desk, in
	 * batches of 5,000 per transaction */
	for (i = 0; i < PERSONS; i++) {
		struct person p;
		if (i % 5000 == 0 && db_begin(db))
			return 1;
		person_init(&p);
		r = r * 1103515245u + 12345u;
		snprintf(p.first_names, sizeof(p.first_names), "%s", first[(r >> 8) % 20]);
		r = r * 1103515245u + 12345u;
		snprintf(p.surname, sizeof(p.surname), "%s%s", last[(r >> 8) % 30],
			 (r >> 20) % 3 ? "" : "-Nowicka");
		snprintf(p.birth_date, sizeof(p.birth_date), "19%02d-%02d-%02d",
			 30 + (int)((r >> 4) % 70), 1 + (int)(r % 12), 1 + (int)((r >> 12) % 28));
		if (person_save(db, &sys, &p, &e)) {
			fprintf(stderr, "bench: %s\n", e.msg);
			return 1;
		}
		if (i % 10 == 0) {
			struct request q;
			request_init(&q);
			q.person_id = p.id;
			snprintf(q.asked, sizeof(q.asked), "usługi opiekuńcze");
			if (request_file(db, &sys, &q, &e))
				return 1;
		}
		if (i % 5000 == 4999 && db_commit(db))
			return 1;
	}
	db_close(&db);
	printf("built %s: %d persons in %.1f s\n", path, PERSONS, (now_ms() - t0) / 1000);
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "build/bench.db";
	static const char *queries[] = {
		"a", "n", "k", "ż", "z", "ł", "no", "now", "nowa", "nowak", "kow", "kowal",
		"kowalski", "wis", "wiśn", "zolc", "żółć", "lodz", "łódź", "zreb", "slaz",
		"kowalski jan", "nowak anna", "nowicka", "zol ż", "m", "ma", "maz", "mazur",
		"19", "cus", "cus.ipus.1", "cus.ipus.123", "x", "qqq", "s", "sl", "śli",
	};
	size_t nq = sizeof(queries) / sizeof(*queries), i, k, total = 0;
	double *t, p50, p95, max;
	struct cd_db *db;
	struct actor sys;
	struct stat sb;
	char *err = NULL;
	int runs = 5;

	if (stat(path, &sb) != 0 && build(path))
		return 1;
	if (db_open(path, DB_OPEN_EXISTING, &db, &err)) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	actor_system(&sys);
	t = calloc(nq * (size_t)runs, sizeof(*t));
	for (k = 0; k < (size_t)runs; k++)
		for (i = 0; i < nq; i++) {
			struct person_hit *h;
			size_t n;
			double t0 = now_ms();
			person_search(db, &sys, queries[i], RESULT_LIMIT, &h, &n);
			t[k * nq + i] = now_ms() - t0;
			if (getenv("BENCH_VERBOSE") && k == 0)
				printf("  %-14s %6.2f ms %zu hits\n", queries[i], t[k * nq + i], n);
			if (k == 0 && (i < 3 || n == 0))
				printf("  %-14s %zu hits\n", queries[i], n);
			total += n;
			free(h);
		}
	qsort(t, nq * (size_t)runs, sizeof(*t), cmp_double);
	p50 = t[nq * (size_t)runs / 2];
	p95 = t[nq * (size_t)runs * 95 / 100];
	max = t[nq * (size_t)runs - 1];
	printf("search over %d persons, %zu queries x %d runs, up to %d results each:\n",
	       PERSONS, nq, runs, RESULT_LIMIT);
	printf("  median %.2f ms, p95 %.2f ms, max %.2f ms (targets: p95 < %.0f ms, max < %.0f ms)\n",
	       p50, p95, max, TARGET_P95_MS, TARGET_MAX_MS);
	free(t);
	db_close(&db);
	if (p95 > TARGET_P95_MS || max > TARGET_MAX_MS) {
		printf("bench: FAILED the target\n");
		return 1;
	}
	printf("bench: ok\n");
	(void)total;
	return 0;
}
