/* job.h - a long job's progress and its stop: the job (an import, an
 * anonymisation) calls report between its short write steps and ends at
 * the next step boundary once *stop is set (Ctrl-C). */
#ifndef CUSDESK_JOB_H
#define CUSDESK_JOB_H

#include <signal.h>
#include <stddef.h>
#include <time.h>

struct job {
	void (*report)(void *ctx, size_t done, size_t total); /* may be NULL */
	void *ctx;
	volatile sig_atomic_t *stop;                           /* may be NULL */
	long long *longest_ms;  /* may be NULL: the longest write step so far */
};

static inline void job_report(const struct job *j, size_t done, size_t total)
{
	if (j && j->report)
		j->report(j->ctx, done, total);
}

/* Records a write step of ms milliseconds. */
static inline void job_step_took(const struct job *j, long long ms)
{
	if (j && j->longest_ms && ms > *j->longest_ms)
		*j->longest_ms = ms;
}

static inline int job_stopped(const struct job *j)
{
	return j && j->stop && *j->stop;
}

/* A clock for the steps (milliseconds, monotonic). */
static inline long long job_clock_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* How long one write step of a bulk job may hold the write lock (a desk's
 * save that meets a step waits for its end: `make bench` measures it). */
#define JOB_STEP_MS 20
/* How long it then leaves the lock free, so the desks waiting get it;
 * when nobody saved in the last pause, only JOB_QUIET_YIELD_MS. */
#define JOB_YIELD_MS 60
#define JOB_QUIET_YIELD_MS 10

/* The pause after a step of step_ms: JOB_YIELD_MS, or three times the step
 * when it ran long (a busy machine), so that two jobs at once still leave
 * the lock free most of the time. */
static inline int job_yield_ms(long long step_ms)
{
	return step_ms * 3 > JOB_YIELD_MS ? (int)(step_ms * 3) : JOB_YIELD_MS;
}

#endif
