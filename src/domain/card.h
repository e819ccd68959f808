/* card.h - the service card (karta usług, seed 001): a person's whole
 * record of support, as text for the screen and for printing.  General
 * part: personal data, who referred them, the contact history; detailed
 * part: needs and resources, services offered and when, actions, results,
 * the follow-up half a year later.  Only cases the actor may read appear. */
#ifndef CUSDESK_CARD_H
#define CUSDESK_CARD_H

#include <stdint.h>

#include "auth.h"
#include "db.h"

/* The card as UTF-8 text with "\n" line ends; caller frees.  NULL with
 * *rc set when the actor may not read the person. */
char *service_card(struct cd_db *db, const struct actor *a, int64_t person_id, int *rc);

#endif
