/* demo.h - the demo centre, for trying cusdesk out and for the UI tests. */
#ifndef CUSDESK_DEMO_H
#define CUSDESK_DEMO_H

#include "db.h"

/* Demo content: the Czarnia programme with its services and providers,
 * the demo accounts (password DEMO_PASSWORD) and about 200 fictional
 * residents, some with requests in different states.  Refuses (CD_EEXIST)
 * when the database already holds persons.  Deterministic for a fixed
 * $CUSDESK_TODAY. */
int demo_fill(struct cd_db *db);
#define DEMO_PASSWORD "demo1234"
#define DEMO_PERSONS 200

#endif
