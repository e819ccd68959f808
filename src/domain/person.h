/* person.h - residents (osoby): validation, storage, search, households.
 *
 * Text fields are UTF-8, trimmed; empty means "not given".  Links to other
 * persons (legal representative, actual carer) are ids, 0 for none.
 */
#ifndef CUSDESK_PERSON_H
#define CUSDESK_PERSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "validate.h"

enum person_field {
	PERSON_F_FIRST,
	PERSON_F_SURNAME,
	PERSON_F_PESEL,
	PERSON_F_BIRTH,
	PERSON_F_SEX,
	PERSON_F_STREET,
	PERSON_F_HOUSE,
	PERSON_F_FLAT,
	PERSON_F_POSTCODE,
	PERSON_F_TOWN,
	PERSON_F_GMINA,
	PERSON_F_PHONE,
	PERSON_F_EMAIL,
	PERSON_F_NOTES,
	PERSON_F_LEGAL_REP,
	PERSON_F_CARER,
	PERSON_F__COUNT
};

struct person {
	int64_t id;              /* 0 for a person not saved yet */
	char first_names[128];
	char surname[128];
	char pesel[16];
	char birth_date[16];     /* YYYY-MM-DD */
	char sex[4];             /* "K", "M" or "" */
	char street[128];
	char house_no[16];
	char flat_no[16];
	char postcode[16];       /* NN-NNN */
	char town[64];
	char gmina[64];          /* name of one of the centre's gminas */
	char phone[32];
	char email[128];
	char notes[1024];
	int64_t legal_rep_id;
	int64_t carer_id;
	int64_t household_id;
	int64_t row_version;     /* as read; a save from an older one is refused */
};

/* One line of a search result or list. */
struct person_hit {
	int64_t id;
	char surname[128];
	char first_names[128];
	char pesel[16];
	char birth_date[16];
	char town[64];
};

void person_init(struct person *p);
/* Trims every field and fills birth date and sex from the PESEL when they
 * are empty.  Then checks every rule; the first broken one is reported in
 * e (field + translated message naming the field).  today is the date the
 * birth date may not be after. */
int person_validate(struct person *p, const struct date *today,
		    struct fielderr *e);

/* Persons with the same name (diacritic- and case-insensitive) and birth
 * date as p, other than p itself: up to max ids in out; returns how many.
 * A birth date is needed for a match. */
/* The key person_find_duplicates compares: folded surname, first names
 * and the date of birth.  Allocated. */
char *person_dup_key(const struct person *p);
size_t person_find_duplicates(struct cd_db *db, const struct person *p,
			      int64_t *out, size_t max);

/* Validates and stores (insert when p->id == 0, else update); on insert
 * sets p->id.  A PESEL that another person has gives CD_EEXIST with e set
 * on PERSON_F_PESEL.  Does not check name duplicates: callers warn first.
 * One transaction (nested inside the caller's when one is open). */
int person_save(struct cd_db *db, const struct actor *a, struct person *p,
		struct fielderr *e);
int person_get(struct cd_db *db, const struct actor *a, int64_t id,
	       struct person *out);
/* "Surname First" of id, into out; empty when not found. */
void person_display_name(struct cd_db *db, int64_t id, char *out, size_t size);

/* Search as you type: every word of query must be a prefix of a word of
 * the surname or first names, of the PESEL or of a case reference; case
 * and Polish diacritics do not matter.  Results in Polish alphabetical
 * order, at most max.  *out is allocated (caller frees). An empty query
 * lists everyone from the start of the alphabet. */
int person_search(struct cd_db *db, const struct actor *a, const char *query,
		  size_t max, struct person_hit **out, size_t *n);

/* Household: puts other into id's household (creating one when needed). */
int person_household_join(struct cd_db *db, const struct actor *a,
			  int64_t id, int64_t other, struct fielderr *e);
int person_household_leave(struct cd_db *db, const struct actor *a,
			   int64_t id);
/* Other members of id's household. */
int person_household_members(struct cd_db *db, const struct actor *a,
			     int64_t id, struct person_hit **out, size_t *n);

/* Names of the centre's gminas in Polish order (caller frees each and the
 * array). */
int gmina_names(struct cd_db *db, char ***out, size_t *n);
void gmina_names_free(char **names, size_t n);
/* The administrator adds a gmina the centre serves. */
int gmina_add(struct cd_db *db, const struct actor *a, const char *name, int64_t *id);

/* Rebuilds the search terms of one person (after a change to the person
 * or to one of their requests).  Used inside other modules' transactions. */
int person_reindex(struct cd_db *db, int64_t id);

#endif
