/* person_form.h - the person's fields, shared by the person card and the
 * new-request screen. */
#ifndef CUSDESK_UI_PERSON_FORM_H
#define CUSDESK_UI_PERSON_FORM_H

#include "form.h"
#include "person.h"

/* Rows the person block takes (with links and notes when full). */
#define PERSON_BLOCK_ROWS 7
#define PERSON_BLOCK_ROWS_FULL 11

/* Writes the person field definitions starting at row0 into out (room for
 * PERSON_F__COUNT entries); full adds links and notes.  Returns how many. */
size_t person_form_defs(struct fdef *out, int row0, bool full);
/* Options of the choice fields (sex, gmina). */
void person_form_options(struct app *app, struct uform *uf);
void person_form_load(struct app *app, struct uform *uf, const struct person *p);
/* Reads the form into p (keeps p->id and p->household_id); CD_EINVAL
 * (the field in e, p unchanged) when a text is longer than p holds. */
int person_form_read(struct uform *uf, struct person *p, struct fielderr *e);
/* Field check when leaving a field (uform check callback). */
const char *person_form_check(void *ctx, int id, const char *value);
/* After a valid PESEL: the birth date and sex it holds are filled in (when
 * empty) and Tab goes on past them. */
void person_form_left(struct uform *uf, int id);
/* F4 on a link field: chooses a person.  True when handled. */
bool person_form_pick_link(struct app *app, struct uform *uf, int self_id);
/* Asks about persons with the same name and birth date.  Returns 's' to
 * save a new record anyway, 'u' to use the existing (*use set), 0 to go
 * back. */
wint_t person_dup_dialog(struct app *app, const struct person *p, int64_t *use);
/* Before saving a new person q: validates (errors shown on the form) and
 * asks about duplicates.  Returns 's' to save q as a new person, 'u' to
 * use the registered person *use instead, 0 to stay in the form.  For a
 * registered person (q->id set) returns 's' at once. */
wint_t person_form_precheck(struct app *app, struct uform *uf, struct person *q,
			    int64_t *use);

#endif
