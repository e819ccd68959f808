/* centre.h - setting up a new centre's database and its demo content. */
#ifndef CUSDESK_CENTRE_H
#define CUSDESK_CENTRE_H

#include "db.h"

#define CENTRE_DEFAULT_NAME "Centrum Usług Społecznych"

/* First-run content of a new database: centre name, start date (today),
 * default settings, the 14 areas and the starter catalogue. */
int centre_setup(struct cd_db *db, const char *name);

/* Demo content: the Czarnia programme with its services and providers,
 * the demo accounts (password DEMO_PASSWORD) and about 200 fictional
 * residents, some with requests in different states.  Refuses (CD_EEXIST)
 * when the database already holds persons.  Deterministic for a fixed
 * $CUSDESK_TODAY. */
int demo_fill(struct cd_db *db);
#define DEMO_PASSWORD "demo1234"
#define DEMO_PERSONS 200

#endif
