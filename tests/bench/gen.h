/* gen.h - the bench's ten-year database (gen.c). */
#ifndef CUSDESK_BENCH_GEN_H
#define CUSDESK_BENCH_GEN_H

struct gen_counts {
	int persons, requests, assessments, needs, plans, versions, items, notes, checks,
		closures, meetings, audit, group_services;
	double t_persons, t_requests, t_total;
};

/* Builds a new database at path with the given number of persons and
 * 1.5 times as many requests over ten years up to today. */
int bench_generate(const char *path, int persons, struct gen_counts *c);

#endif
