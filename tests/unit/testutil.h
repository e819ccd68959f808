/* testutil.h - fixtures shared by the unit tests. */
#ifndef CUSDESK_TESTUTIL_H
#define CUSDESK_TESTUTIL_H

#include <check.h>
#include <stdbool.h>

#include "auth.h"
#include "db.h"

#define TEST_TODAY "2026-11-22"

/* A fresh database in a temporary directory, set up like `cusdesk init`,
 * with "today" fixed at TEST_TODAY.  Removed by tdb_close. */
struct cd_db *tdb_open(void);
void tdb_close(struct cd_db **db);
/* The temporary directory of the last tdb_open (for extra files). */
const char *tdb_dir(void);
/* The integer the query sql returns (a count). */
int tdb_count(struct cd_db *db, const char *sql);
/* An actor with the given roles (user_id 0: not a stored user). */
struct actor tactor(unsigned roles);

/* A centre with one programme of two services (care, physio) offered by
 * one provider, a second, ended programme, two coordinators (anna,
 * pawel), reception, a director and an organiser, and a request filed on
 * 2026-11-02 assigned to anna (see fixture.c). */
struct fx {
	struct cd_db *db;
	struct actor sys, anna, pawel, recep, director, organiser;
	int64_t programme, old_programme, care, physio, provider, place;
	int64_t person, request;
};
void fx_open(struct fx *f);
void fx_close(struct fx *f);
struct actor login_as(struct cd_db *db, const char *login, unsigned roles);
/* Files a request for a new person (surname Łęcka); returns its id. */
int64_t file_request(struct fx *f, const char *first, const char *filed_on,
		     int64_t coordinator);

/* Closes a plan today ("goals achieved") as actor a. */
void fx_close_plan(struct fx *f, const struct actor *a, int64_t plan_id);

/* A case filed on filed_on, qualified, with an approved plan of one care
 * item from..to (and a volunteering activity when asked); the request. */
int64_t fx_served(struct fx *f, const char *first, const char *filed_on, const char *from,
		  const char *to, bool volunteering);

/* The row of a category in a quarterly report (fails the test when none). */
struct quarterly_report;
struct report_row;
const struct report_row *report_row_of(const struct quarterly_report *r, const char *code);

Suite *suite_text(void);
Suite *suite_casepath(void);
Suite *suite_textlayout(void);
Suite *suite_textedit(void);
Suite *suite_validate(void);
Suite *suite_db(void);
Suite *suite_person(void);
Suite *suite_request(void);
Suite *suite_auth(void);
Suite *suite_assessment(void);
Suite *suite_plan(void);
Suite *suite_monitoring(void);
Suite *suite_offer(void);
Suite *suite_report(void);
Suite *suite_group(void);
Suite *suite_csv(void);
Suite *suite_import(void);
Suite *suite_document(void);
Suite *suite_rodo(void);

#endif
